using System.Text.Json;
using Dapper;
using Npgsql;

namespace Outreach.Content.Knowledge;

/// <summary>
/// The knowledge items staff manage and their versions, in PostgreSQL. Every write is one transaction conditional on the
/// item's revision (or a draft's status), so a save or decision raced by a colleague is refused, never applied twice. An
/// approval bumps <c>kb_revision</c> and notifies <see cref="ChangedChannel"/>: every host rebuilds its snapshot at once.
/// </summary>
public sealed partial class KnowledgeItemStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>The PostgreSQL notification channel an approval signals (payload: the new revision).</summary>
    public const string ChangedChannel = "kb_changed";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string ItemColumns =
        "i.id, i.org_unit_id, i.kind, i.item_key, i.current_version, i.revision, i.created_by, i.created_at, u.path AS unit_path, u.name AS unit_name";

    private const string VersionColumns =
        "v.item_id, v.version, v.content::text AS content, v.status, v.written_by, v.written_at, v.edited_by, v.decided_by, v.decided_at, v.note, v.restores";

    /// <summary>The revision approvals have reached (0 before the first).</summary>
    public async Task<long> RevisionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT revision FROM kb_revision WHERE id = 1", cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Items of the units whose path starts with <paramref name="pathPrefix"/> (null: every unit), with the national ones
    /// when <paramref name="withNational"/>, and with each its approved version and open draft.
    /// </summary>
    public async Task<IReadOnlyList<KnowledgeItemState>> ListAsync(string? pathPrefix, bool withNational, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var items = (await connection.QueryAsync<ItemRow>(new CommandDefinition(
            $"""
            SELECT {ItemColumns} FROM kb_items i LEFT JOIN org_units u ON u.id = i.org_unit_id
            WHERE (i.org_unit_id IS NULL AND @withNational) OR (i.org_unit_id IS NOT NULL AND (@pathPrefix::text IS NULL OR u.path LIKE @pathPrefix || '%'))
            ORDER BY i.kind, i.item_key, i.id
            """,
            new { pathPrefix, withNational }, cancellationToken: cancellationToken))).AsList();
        return await WithVersionsAsync(connection, items, cancellationToken);
    }

    /// <summary>One item with its approved version and open draft, or null.</summary>
    public async Task<KnowledgeItemState?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var items = (await connection.QueryAsync<ItemRow>(new CommandDefinition(
            $"SELECT {ItemColumns} FROM kb_items i LEFT JOIN org_units u ON u.id = i.org_unit_id WHERE i.id = @id",
            new { id }, cancellationToken: cancellationToken))).AsList();
        var found = await WithVersionsAsync(connection, items, cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    /// <summary>The item of <paramref name="unitId"/> (null: national) with this kind and key, or null.</summary>
    public async Task<long?> FindIdAsync(long? unitId, string kind, string key, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM kb_items WHERE coalesce(org_unit_id, 0) = coalesce(@unitId, 0) AND kind = @kind AND item_key = @key",
            new { unitId, kind, key }, cancellationToken: cancellationToken));
    }

    /// <summary>Every version of an item, newest first.</summary>
    public async Task<IReadOnlyList<KnowledgeVersion>> VersionsAsync(long itemId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<VersionRow>(new CommandDefinition(
            $"SELECT {VersionColumns} FROM kb_item_versions v WHERE v.item_id = @itemId ORDER BY v.version DESC",
            new { itemId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToVersion()).ToList();
    }

    /// <summary>The display names of these staff members, by id (for the history: who wrote, edited, decided).</summary>
    public async Task<IReadOnlyDictionary<long, string>> StaffNamesAsync(IEnumerable<long> ids, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, string Name)>(new CommandDefinition(
            "SELECT id, display_name FROM staff_users WHERE id = ANY(@ids)", new { ids = ids.Distinct().ToArray() }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Id, r => r.Name);
    }

    /// <summary>Drafts waiting for a decision, of the units under <paramref name="pathPrefix"/> and (when asked) national ones.</summary>
    public async Task<IReadOnlyList<KnowledgeItemState>> AwaitingAsync(string pathPrefix, bool withNational, CancellationToken cancellationToken) =>
        (await ListAsync(pathPrefix, withNational, cancellationToken)).Where(s => s.Draft is not null).OrderBy(s => s.Draft!.WrittenAt).ToList();

    private static async Task<IReadOnlyList<KnowledgeItemState>> WithVersionsAsync(
        NpgsqlConnection connection, List<ItemRow> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return [];
        }

        var versions = (await connection.QueryAsync<VersionRow>(new CommandDefinition(
            $"""
            SELECT {VersionColumns} FROM kb_item_versions v JOIN kb_items i ON i.id = v.item_id
            WHERE v.item_id = ANY(@ids) AND (v.status = 'draft' OR v.version = i.current_version)
            """,
            new { ids = items.Select(i => i.Id).ToArray() }, cancellationToken: cancellationToken)))
            .Select(r => r.ToVersion())
            .ToLookup(v => v.ItemId);
        return items.Select(i => new KnowledgeItemState(
            i.ToItem(), i.UnitPath, i.UnitName,
            versions[i.Id].FirstOrDefault(v => v.Status == KnowledgeVersionStatuses.Approved),
            versions[i.Id].FirstOrDefault(v => v.Status == KnowledgeVersionStatuses.Draft))).ToList();
    }

#pragma warning disable CA1812 // Instantiated by Dapper.
    private sealed record ItemRow(
        long Id, long? OrgUnitId, string Kind, string? ItemKey, int? CurrentVersion, int Revision, long CreatedBy, DateTimeOffset CreatedAt,
        string? UnitPath, string? UnitName)
    {
        public KnowledgeItem ToItem() => new(Id, OrgUnitId, Kind, ItemKey, CurrentVersion, Revision, CreatedBy, CreatedAt);
    }

    private sealed record VersionRow(
        long ItemId, int Version, string Content, string Status, long WrittenBy, DateTimeOffset WrittenAt, long[] EditedBy, long? DecidedBy,
        DateTimeOffset? DecidedAt, string? Note, int? Restores)
    {
        public KnowledgeVersion ToVersion() => new(
            ItemId, Version, JsonSerializer.Deserialize<KnowledgeContent>(Content, Json)!, Status, WrittenBy, WrittenAt, EditedBy, DecidedBy,
            DecidedAt, Note, Restores);
    }
#pragma warning restore CA1812
}
