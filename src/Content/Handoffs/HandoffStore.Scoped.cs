using Dapper;
using Outreach.Content.Contacts;

namespace Outreach.Content.Handoffs;

/// <summary>
/// The staff side, scoped to a unit (see <see cref="ContactScope"/>): a handoff of a member outside the scope is neither
/// listed, found, taken nor released, exactly as if it did not exist.
/// </summary>
public sealed partial class HandoffStore
{
    /// <summary>The most handoffs a queue lists (crisis first, then the longest waiting): a page staff can still read.</summary>
    public const int QueueLimit = 200;

    private const string ListingSelect =
        $"""
        SELECT h.id, h.contact_id, h.status, h.reason, h.requested_at, h.taken_by, s.display_name AS taken_by_name, h.taken_at,
               h.closed_at, c.channel, c.display_name, c.org_unit_id, cu.name AS org_unit_name, c.last_inbound_at
        FROM handoffs h
        JOIN contacts c ON c.id = h.contact_id
        {ContactScope.Join}
        LEFT JOIN staff_users s ON s.id::text = h.taken_by
        WHERE {ContactScope.Where}
        """;

    /// <summary>The scope's open handoffs: crisis ones first, then oldest request first (waiting and held alike); at most
    /// <see cref="QueueLimit"/>.</summary>
    public async Task<IReadOnlyList<HandoffListing>> ListOpenAsync(long scopeUnitId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<HandoffListing>(new CommandDefinition(
            $"""
            {ListingSelect} AND h.status IN ('requested', 'active')
            ORDER BY h.reason = 'crisis' DESC, h.requested_at, h.id
            LIMIT @QueueLimit
            """,
            new { scopeUnitId, QueueLimit }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>How many of the scope's members wait for someone to take their conversation.</summary>
    public async Task<int> CountWaitingAsync(long scopeUnitId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT count(*)::int FROM handoffs h WHERE h.status = 'requested' AND {ContactScope.Contains("h.contact_id")}",
            new { scopeUnitId }, cancellationToken: cancellationToken));
    }

    /// <summary>The handoff (open or closed) when its member is in the scope; null otherwise.</summary>
    public async Task<HandoffListing?> FindAsync(long id, long scopeUnitId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<HandoffListing>(new CommandDefinition(
            $"{ListingSelect} AND h.id = @id", new { id, scopeUnitId }, cancellationToken: cancellationToken));
    }

    /// <summary>As <see cref="TakeAsync(long, string, DateTimeOffset, CancellationToken)"/>, only within the scope.</summary>
    public async Task<Handoff?> TakeAsync(long id, long scopeUnitId, string staffId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Handoff>(new CommandDefinition(
            $"""
            UPDATE handoffs h SET status = 'active', taken_by = @staffId, taken_at = @at
            WHERE h.id = @id AND (h.status = 'requested' OR (h.status = 'active' AND h.taken_by = @staffId))
              AND {ContactScope.Contains("h.contact_id")}
            RETURNING {Columns}
            """,
            new { id, scopeUnitId, staffId, at }, cancellationToken: cancellationToken));
    }

    /// <summary>As <see cref="ReleaseAsync(long, string, DateTimeOffset, CancellationToken)"/>, only within the scope.</summary>
    public async Task<Handoff?> ReleaseAsync(long id, long scopeUnitId, string staffId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Handoff>(new CommandDefinition(
            $"""
            UPDATE handoffs h SET status = 'closed', closed_at = @at, closed_by = @staffId
            WHERE h.id = @id AND h.status IN ('requested', 'active') AND {ContactScope.Contains("h.contact_id")}
            RETURNING {Columns}
            """,
            new { id, scopeUnitId, staffId, at }, cancellationToken: cancellationToken));
    }
}
