using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Npgsql;
using Outreach.Content.Alerts;

namespace Outreach.Content.ContentPacks;

/// <summary>
/// Content packs in PostgreSQL: <see cref="SaveAsync"/> writes a new version when the files changed, <see cref="LoadAsync"/>
/// reads one back. Versions older than the previous one are deleted (a host still on it finishes its turn, then reloads).
/// </summary>
public sealed class ContentPackStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    // Any fixed number; it only serialises hosts importing a pack at the same moment.
    private const long SaveLockKey = 0x4F75_7450_6163_6B73;
    private const string LatestSql = "SELECT version, hash FROM content_packs ORDER BY version DESC LIMIT 1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The newest version and its hash, or null when no pack was ever loaded.</summary>
    public async Task<(long Version, string Hash)?> LatestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<(long, string)?>(new CommandDefinition(LatestSql, cancellationToken: cancellationToken));
    }

    /// <summary>Writes <paramref name="pack"/> as a new version unless the newest version has the same hash. Returns the newest version.</summary>
    public async Task<long> SaveAsync(ContentPack pack, string? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pack);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"SELECT pg_advisory_xact_lock({SaveLockKey})", transaction: transaction, cancellationToken: cancellationToken));
        var latest = await connection.QuerySingleOrDefaultAsync<(long Version, string Hash)?>(new CommandDefinition(
            LatestSql, transaction: transaction, cancellationToken: cancellationToken));
        if (latest is { } current && current.Hash == pack.Hash)
        {
            return current.Version;
        }

        var version = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO content_packs (hash, texts, crisis, source, loaded_at)
            VALUES (@Hash, @texts::jsonb, @crisis::jsonb, @source, @now)
            RETURNING version
            """,
            new
            {
                pack.Hash,
                texts = JsonSerializer.Serialize(TextsRow.From(pack.Texts), Json),
                crisis = JsonSerializer.Serialize(pack.Crisis, Json),
                source,
                now = time.GetUtcNow(),
            },
            transaction, cancellationToken: cancellationToken));
        await ContentPackRows.InsertAsync(connection, transaction, version, pack, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM content_packs WHERE version < (SELECT max(version) FROM content_packs WHERE version < @version)",
            new { version }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return version;
    }

    /// <summary>One version as a <see cref="ContentPack"/> (null when it no longer exists).</summary>
    public async Task<ContentPack?> LoadAsync(long version, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var head = await connection.QuerySingleOrDefaultAsync<(string Hash, string Texts, string Crisis)?>(new CommandDefinition(
            "SELECT hash, texts::text, crisis::text FROM content_packs WHERE version = @version",
            new { version }, cancellationToken: cancellationToken));
        if (head is not { } pack)
        {
            return null;
        }

        var (entries, hotlines, addresses, screenings) = await ContentPackRows.LoadAsync(connection, version, cancellationToken);
        return new ContentPack(
            pack.Hash, entries, hotlines, addresses, screenings,
            JsonSerializer.Deserialize<TextsRow>(pack.Texts, Json)!.ToTexts(), JsonSerializer.Deserialize<CrisisRules>(pack.Crisis, Json)!);
    }
}
