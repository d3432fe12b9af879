using System.Text.Json;
using Dapper;
using Npgsql;

namespace Outreach.Content.Knowledge;

/// <summary>How a write to the knowledge items ended.</summary>
public enum KnowledgeWriteOutcome
{
    Done = 0,

    /// <summary>The item changed since the revision the writer saw (or the draft was decided meanwhile).</summary>
    Stale = 1,

    /// <summary>Another item of the same unit and kind has this key (entry id, number…).</summary>
    DuplicateKey = 2,
}

/// <summary>An approved version in use: what the snapshot merges over the pack.</summary>
public sealed record ApprovedKnowledge(long ItemId, long? OrgUnitId, string Kind, KnowledgeContent Content);

public sealed partial class KnowledgeItemStore
{
    /// <summary>A new item with its first version as a draft. Returns the item's id, or <see cref="KnowledgeWriteOutcome.DuplicateKey"/>.</summary>
    public async Task<(KnowledgeWriteOutcome Outcome, long ItemId)> CreateAsync(
        long? unitId, string kind, KnowledgeContent content, long author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var id = await InsertAsync(connection, transaction, unitId, kind, content, author, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (KnowledgeWriteOutcome.Done, id);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return (KnowledgeWriteOutcome.DuplicateKey, 0);
        }
    }

    /// <summary>
    /// Writes <paramref name="content"/> into the item's open draft (a new version when there is none), when the item is still
    /// at <paramref name="expectedRevision"/>. The editor joins the draft's writers, who may not approve it.
    /// </summary>
    public async Task<KnowledgeWriteOutcome> SaveDraftAsync(
        long itemId, int expectedRevision, KnowledgeContent content, long editor, int? restores, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var outcome = await WriteDraftAsync(connection, transaction, itemId, expectedRevision, content, editor, restores, cancellationToken);
            if (outcome == KnowledgeWriteOutcome.Done)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return outcome;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return KnowledgeWriteOutcome.DuplicateKey;
        }
    }

    /// <summary>
    /// Puts the draft <paramref name="version"/> in use (the previous approved version becomes an old one), bumps the knowledge
    /// revision and notifies every host. Stale when the item moved past <paramref name="expectedRevision"/>.
    /// </summary>
    public async Task<(KnowledgeWriteOutcome Outcome, long Revision)> ApproveAsync(
        long itemId, int version, int expectedRevision, long approver, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var args = new { itemId, version, expectedRevision, approver, now = time.GetUtcNow() };
        var moved = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE kb_items SET current_version = @version, revision = revision + 1 WHERE id = @itemId AND revision = @expectedRevision",
            args, transaction, cancellationToken: cancellationToken));
        var decided = moved == 0 ? 0 : await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE kb_item_versions SET status = 'approved', decided_by = @approver, decided_at = @now
            WHERE item_id = @itemId AND version = @version AND status = 'draft'
            """,
            args, transaction, cancellationToken: cancellationToken));
        if (decided == 0)
        {
            return (KnowledgeWriteOutcome.Stale, 0);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE kb_item_versions SET status = 'replaced' WHERE item_id = @itemId AND status = 'approved' AND version <> @version",
            args, transaction, cancellationToken: cancellationToken));
        // The notification names the change (KnowledgeApproval: "revision:item:version"); it is delivered at the commit.
        var revision = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"""
            WITH r AS (UPDATE kb_revision SET revision = revision + 1 WHERE id = 1 RETURNING revision)
            SELECT r.revision, pg_notify('{ChangedChannel}', r.revision || ':' || @itemId || ':' || @version) FROM r
            """,
            args, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return (KnowledgeWriteOutcome.Done, revision);
    }

    /// <summary>Returns the draft <paramref name="version"/> to its writers with <paramref name="note"/>; stale as for approval.</summary>
    public async Task<KnowledgeWriteOutcome> RejectAsync(
        long itemId, int version, int expectedRevision, long approver, string note, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var args = new { itemId, version, expectedRevision, approver, note, now = time.GetUtcNow() };
        var moved = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE kb_items SET revision = revision + 1 WHERE id = @itemId AND revision = @expectedRevision",
            args, transaction, cancellationToken: cancellationToken));
        var decided = moved == 0 ? 0 : await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE kb_item_versions SET status = 'rejected', decided_by = @approver, decided_at = @now, note = @note
            WHERE item_id = @itemId AND version = @version AND status = 'draft'
            """,
            args, transaction, cancellationToken: cancellationToken));
        if (decided == 0)
        {
            return KnowledgeWriteOutcome.Stale;
        }

        await transaction.CommitAsync(cancellationToken);
        return KnowledgeWriteOutcome.Done;
    }

    /// <summary>Every approved version in use, for the snapshot.</summary>
    public async Task<IReadOnlyList<ApprovedKnowledge>> ApprovedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long ItemId, long? OrgUnitId, string Kind, string Content)>(new CommandDefinition(
            """
            SELECT i.id, i.org_unit_id, i.kind, v.content::text
            FROM kb_items i JOIN kb_item_versions v ON v.item_id = i.id AND v.version = i.current_version
            ORDER BY i.id
            """,
            cancellationToken: cancellationToken));
        return rows.Select(r => new ApprovedKnowledge(r.ItemId, r.OrgUnitId, r.Kind, JsonSerializer.Deserialize<KnowledgeContent>(r.Content, Json)!))
            .ToList();
    }

    /// <summary>
    /// The approved versions <paramref name="changes"/> name (each item once: its latest change), for a snapshot that takes
    /// in only those. A version that is not (or no longer) an approved one is left out: the caller then rebuilds in full.
    /// </summary>
    public async Task<IReadOnlyList<ApprovedKnowledge>> ApprovedVersionsAsync(IReadOnlyList<KnowledgeApproval> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var latest = changes.GroupBy(c => c.ItemId).Select(g => g.MaxBy(c => c.Revision)!).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long ItemId, long? OrgUnitId, string Kind, string Content)>(new CommandDefinition(
            """
            SELECT i.id, i.org_unit_id, i.kind, v.content::text
            FROM unnest(@items, @versions) AS c(item_id, version)
            JOIN kb_items i ON i.id = c.item_id
            JOIN kb_item_versions v ON v.item_id = c.item_id AND v.version = c.version AND v.status IN ('approved', 'replaced')
            ORDER BY i.id
            """,
            new { items = latest.Select(c => c.ItemId).ToArray(), versions = latest.Select(c => c.Version).ToArray() },
            cancellationToken: cancellationToken));
        return rows.Select(r => new ApprovedKnowledge(r.ItemId, r.OrgUnitId, r.Kind, JsonSerializer.Deserialize<KnowledgeContent>(r.Content, Json)!))
            .ToList();
    }

    /// <summary>
    /// Writes every item of an import as a draft of its unit's (the item with the same key, else a new one), in
    /// one transaction: all or nothing. Returns how many drafts were written.
    /// </summary>
    public async Task<int> ImportDraftsAsync(
        IReadOnlyList<(long? UnitId, string Kind, KnowledgeContent Content)> items, long author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (unitId, kind, content) in items)
        {
            var existing = await connection.QuerySingleOrDefaultAsync<(long Id, int Revision)?>(new CommandDefinition(
                """
                SELECT id, revision FROM kb_items
                WHERE coalesce(org_unit_id, 0) = coalesce(@unitId, 0) AND kind = @kind AND item_key = @key FOR UPDATE
                """,
                new { unitId, kind, key = content.KeyFor(kind) }, transaction, cancellationToken: cancellationToken));
            if (existing is { } item)
            {
                await WriteDraftAsync(connection, transaction, item.Id, item.Revision, content, author, null, cancellationToken);
            }
            else
            {
                await InsertAsync(connection, transaction, unitId, kind, content, author, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return items.Count;
    }

    private async Task<long> InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long? unitId, string kind, KnowledgeContent content, long author,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO kb_items (org_unit_id, kind, item_key, revision, created_by, created_at)
            VALUES (@unitId, @kind, @key, 1, @author, @now) RETURNING id
            """,
            new { unitId, kind, key = content.KeyFor(kind), author, now }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO kb_item_versions (item_id, version, content, status, written_by, written_at)
            VALUES (@id, 1, @content::jsonb, 'draft', @author, @now)
            """,
            new { id, content = JsonSerializer.Serialize(content, Json), author, now }, transaction, cancellationToken: cancellationToken));
        return id;
    }

    private async Task<KnowledgeWriteOutcome> WriteDraftAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long itemId, int expectedRevision, KnowledgeContent content, long editor,
        int? restores, CancellationToken cancellationToken)
    {
        var kind = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT kind FROM kb_items WHERE id = @itemId", new { itemId }, transaction, cancellationToken: cancellationToken));
        var args = new
        {
            itemId, expectedRevision, key = kind is null ? null : content.KeyFor(kind), editor, restores, now = time.GetUtcNow(),
            content = JsonSerializer.Serialize(content, Json),
        };
        var moved = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE kb_items SET revision = revision + 1, item_key = @key WHERE id = @itemId AND revision = @expectedRevision",
            args, transaction, cancellationToken: cancellationToken));
        if (moved == 0)
        {
            return KnowledgeWriteOutcome.Stale;
        }

        var edited = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE kb_item_versions
            SET content = @content::jsonb, restores = @restores,
                edited_by = CASE WHEN @editor = ANY(edited_by) OR written_by = @editor THEN edited_by ELSE array_append(edited_by, @editor) END
            WHERE item_id = @itemId AND status = 'draft'
            """,
            args, transaction, cancellationToken: cancellationToken));
        if (edited == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO kb_item_versions (item_id, version, content, status, written_by, written_at, restores)
                SELECT @itemId, coalesce(max(version), 0) + 1, @content::jsonb, 'draft', @editor, @now, @restores
                FROM kb_item_versions WHERE item_id = @itemId
                """,
                args, transaction, cancellationToken: cancellationToken));
        }

        return KnowledgeWriteOutcome.Done;
    }
}
