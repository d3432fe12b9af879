using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Npgsql;
using Outreach.Content.Alerts;
using Outreach.Content.KnowledgeBase;

namespace Outreach.Content.ContentPacks;

/// <summary>
/// Content packs in PostgreSQL: <see cref="SaveAsync"/> writes a new version when the files changed, <see cref="LoadAsync"/>
/// reads one back. Versions older than the previous one are deleted (a host still on it finishes its turn, then reloads).
/// </summary>
public sealed class ContentPackStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    // Any fixed number; it only serialises hosts importing a pack at the same moment.
    private const long SaveLockKey = 0x4F75_7450_6163_6B73;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The newest version and its hash, or null when no pack was ever loaded.</summary>
    public async Task<(long Version, string Hash)?> LatestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(long, string)?>(new CommandDefinition(
            "SELECT version, hash FROM content_packs ORDER BY version DESC LIMIT 1", cancellationToken: cancellationToken));
        return row;
    }

    /// <summary>Writes <paramref name="pack"/> as a new version unless the newest version has the same hash. Returns the newest version.</summary>
    public async Task<long> SaveAsync(ContentPack pack, string? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pack);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition($"SELECT pg_advisory_xact_lock({SaveLockKey})", transaction: transaction, cancellationToken: cancellationToken));
        var latest = await connection.QuerySingleOrDefaultAsync<(long Version, string Hash)?>(new CommandDefinition(
            "SELECT version, hash FROM content_packs ORDER BY version DESC LIMIT 1", transaction: transaction, cancellationToken: cancellationToken));
        if (latest is { } current && current.Hash == pack.Hash)
        {
            return current.Version;
        }

        var version = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO content_packs (hash, texts, crisis, source, loaded_at) VALUES (@Hash, @texts::jsonb, @crisis::jsonb, @source, @now) RETURNING version",
            new { pack.Hash, texts = JsonSerializer.Serialize(TextsRow.From(pack.Texts), Json), crisis = JsonSerializer.Serialize(pack.Crisis, Json), source, now = time.GetUtcNow() },
            transaction, cancellationToken: cancellationToken));
        await InsertRowsAsync(connection, transaction, version, pack, cancellationToken);
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
            "SELECT hash, texts::text, crisis::text FROM content_packs WHERE version = @version", new { version }, cancellationToken: cancellationToken));
        if (head is not { } pack)
        {
            return null;
        }

        var args = new { version };
        var entries = await connection.QueryAsync<EntryRow>(new CommandDefinition(
            "SELECT * FROM kb_entries WHERE pack_version = @version ORDER BY province, id", args, cancellationToken: cancellationToken));
        var hotlines = await connection.QueryAsync<Hotline>(new CommandDefinition(
            "SELECT number, name, description, hours, NULLIF(province, '') AS province FROM hotlines WHERE pack_version = @version ORDER BY province, position",
            args, cancellationToken: cancellationToken));
        var addresses = await connection.QueryAsync<CommunityAddress>(new CommandDefinition(
            "SELECT name, commune, address, phone, org_unit, NULLIF(province, '') AS province FROM community_addresses WHERE pack_version = @version ORDER BY province, position",
            args, cancellationToken: cancellationToken));
        var screenings = await connection.QueryAsync<ScreeningRow>(new CommandDefinition(
            "SELECT * FROM screening_events WHERE pack_version = @version ORDER BY province, position", args, cancellationToken: cancellationToken));
        return new ContentPack(
            pack.Hash, entries.Select(e => e.ToEntry()).ToList(), hotlines.ToList(), addresses.ToList(), screenings.Select(s => s.ToEvent()).ToList(),
            JsonSerializer.Deserialize<TextsRow>(pack.Texts, Json)!.ToTexts(), JsonSerializer.Deserialize<CrisisRules>(pack.Crisis, Json)!);
    }

    private static async Task InsertRowsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long version, ContentPack pack, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO kb_entries (pack_version, province, id, topic, title, questions, keywords, answer, source, valid_from, valid_until, action)
            VALUES (@version, @Province, @Id, @Topic, @Title, @Questions, @Keywords, @Answer, @Source, @ValidFrom, @ValidUntil, @Action)
            """,
            pack.Entries.Select(e => new
            {
                version, Province = e.Province ?? "", e.Id, e.Topic, e.Title, Questions = e.Questions.ToArray(), Keywords = e.Keywords.ToArray(),
                e.Answer, e.Source, e.ValidFrom, e.ValidUntil, e.Action,
            }),
            transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO hotlines VALUES (@version, @province, @position, @Number, @Name, @Description, @Hours)",
            pack.Hotlines.Select((h, i) => new { version, province = h.Province ?? "", position = i, h.Number, h.Name, h.Description, h.Hours }),
            transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO community_addresses VALUES (@version, @province, @position, @Name, @Commune, @Address, @Phone, @OrgUnit)",
            pack.Addresses.Select((a, i) => new { version, province = a.Province ?? "", position = i, a.Name, a.Commune, a.Address, a.Phone, a.OrgUnit }),
            transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO screening_events VALUES (@version, @province, @position, @Date, @EndDate, @Place, @Commune, @OrgUnit, @Who, @Note)",
            pack.Screenings.Select((s, i) => new { version, province = s.Province ?? "", position = i, s.Date, s.EndDate, s.Place, s.Commune, s.OrgUnit, s.Who, s.Note }),
            transaction, cancellationToken: cancellationToken));
    }
}
