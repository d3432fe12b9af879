using Dapper;
using Outreach.Content.Broadcasts;
using Outreach.Content.Contacts;
using Outreach.Content.Text;

namespace Outreach.Content.Members;

public sealed partial class MemberStore
{
    // Whether the platform lets us message her at @now: her channel's window from the same rules the planner uses
    // (Eligibility.RulesJoin, joined as r; a channel without a window, such as web chat, is always open).
    private const string WindowOpenSql = """
        (c.status = 'active' AND c.last_inbound_at IS NOT NULL
            AND (r.window_length IS NULL OR c.last_inbound_at >= @now - r.window_length))
        """;

    /// <summary>
    /// The members of <paramref name="scopeUnitId"/>'s subtree that match <paramref name="filter"/>, most recently active first,
    /// <paramref name="limit"/> from <paramref name="offset"/>, with the total that match. Whether her window is open at
    /// <paramref name="now"/> comes from the channels' rules, as the broadcast planner reads them.
    /// </summary>
    public async Task<MemberPage> ListAsync(
        long scopeUnitId, MemberFilter filter, DateTimeOffset now, int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var name = string.IsNullOrWhiteSpace(filter.Name) ? null : VietnameseText.Fold(filter.Name);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<ListRow>(new CommandDefinition(
            $"""
            SELECT c.id AS contactid, c.channel, c.account_id AS accountid, c.display_name AS displayname, c.status,
                   c.org_unit_id AS orgunitid, cu.name AS orgunitname, c.created_at AS joinedat, c.last_inbound_at AS lastinteractionat,
                   {WindowOpenSql} AS iswindowopen,
                   ARRAY(SELECT t.name_vi FROM subscriptions s JOIN topics t ON t.code = s.topic
                         WHERE s.contact_id = c.id AND s.is_active ORDER BY t.name_vi) AS topics,
                   count(*) OVER ()::int AS total
            FROM contacts c {ContactScope.Join} {Eligibility.RulesJoin}
            WHERE {ContactScope.Where}
              AND (@status::text IS NULL AND c.status <> 'erased' OR c.status = @status)
              AND (@name::text IS NULL OR vn_fold(c.display_name) LIKE '%' || @name || '%')
              AND (@channel::text IS NULL OR c.channel = @channel)
              AND (@contactId::bigint IS NULL OR c.id = @contactId)
              AND (@unitId::bigint IS NULL OR cu.path LIKE (SELECT path FROM org_units WHERE id = @unitId) || '%')
              AND (@topics::text[] IS NULL OR EXISTS (
                  SELECT 1 FROM subscriptions s WHERE s.contact_id = c.id AND s.is_active AND s.topic = ANY(@topics)))
              AND (@joinedFrom::timestamptz IS NULL OR c.created_at >= @joinedFrom)
              AND (@joinedUntil::timestamptz IS NULL OR c.created_at < @joinedUntil)
              AND (@lastFrom::timestamptz IS NULL OR c.last_inbound_at >= @lastFrom)
              AND (@lastUntil::timestamptz IS NULL OR c.last_inbound_at < @lastUntil)
              AND (@windowOpen::boolean IS NULL OR {WindowOpenSql} = @windowOpen)
            ORDER BY c.last_inbound_at DESC NULLS LAST, c.id DESC
            OFFSET @offset LIMIT @limit
            """,
            Parameters(scopeUnitId, filter, name, now, offset, limit),
            cancellationToken: cancellationToken))).AsList();
        var total = rows.Count > 0 ? rows[0].Total : offset == 0 ? 0 : await CountAsync(scopeUnitId, filter, now, cancellationToken);
        return new MemberPage(total, rows.Select(r => new MemberRow(
            r.ContactId, r.Channel, r.AccountId, r.DisplayName, r.Status, r.OrgUnitId, r.OrgUnitName, r.JoinedAt, r.LastInteractionAt,
            r.IsWindowOpen, r.Topics)).ToList());
    }

    /// <summary>
    /// Active members per unit of <paramref name="scopeUnitId"/>'s subtree (placed in the unit itself, and in it with everything
    /// below), parents before children, and the active members with no unit when the scope is a top-level unit.
    /// </summary>
    public async Task<MemberCounts> CountsAsync(long scopeUnitId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var units = (await connection.QueryAsync<CountRow>(new CommandDefinition(
            """
            SELECT u.id AS unitid, u.parent_id AS parentid, u.name, u.level, u.is_active AS isactive,
                   (SELECT count(*)::int FROM contacts c WHERE c.org_unit_id = u.id AND c.status = 'active') AS direct
            FROM org_units u JOIN org_units scope ON scope.id = @scopeUnitId
            WHERE u.path LIKE scope.path || '%'
            ORDER BY u.depth, u.name, u.id
            """,
            new { scopeUnitId },
            cancellationToken: cancellationToken))).AsList();
        var unplaced = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            SELECT CASE WHEN (SELECT parent_id IS NULL FROM org_units WHERE id = @scopeUnitId)
                   THEN (SELECT count(*)::int FROM contacts WHERE org_unit_id IS NULL AND status = 'active') ELSE 0 END
            """,
            new { scopeUnitId },
            cancellationToken: cancellationToken));
        // Rows come parents first: walking them backwards adds each unit's subtree to its parent's before the parent is read.
        var subtree = units.ToDictionary(u => u.UnitId, u => u.Direct);
        for (var i = units.Count - 1; i >= 0; i--)
        {
            if (units[i].ParentId is { } parent && subtree.ContainsKey(parent))
            {
                subtree[parent] += subtree[units[i].UnitId];
            }
        }

        return new MemberCounts(
            units.Select(u => new UnitMemberCount(u.UnitId, u.ParentId, u.Name, u.Level, u.IsActive, u.Direct, subtree[u.UnitId])).ToList(),
            unplaced);
    }

    private async Task<int> CountAsync(long scopeUnitId, MemberFilter filter, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await ListAsync(scopeUnitId, filter, now, 0, 1, cancellationToken)).Total;

    private DynamicParameters Parameters(long scopeUnitId, MemberFilter filter, string? name, DateTimeOffset now, int offset, int limit)
    {
        var parameters = new DynamicParameters(new
        {
            scopeUnitId, name, filter.Channel, filter.UnitId, filter.Status, filter.ContactId, offset, limit,
            topics = filter.Topics is { Count: > 0 } topics ? topics.ToArray() : null,
            joinedFrom = filter.JoinedFrom, joinedUntil = filter.JoinedUntil,
            lastFrom = filter.LastInteractionFrom, lastUntil = filter.LastInteractionUntil, windowOpen = filter.WindowOpen,
        });
        eligibility.AddParameters(parameters, now);
        return parameters;
    }

    private sealed record ListRow(
        long ContactId, string Channel, string AccountId, string? DisplayName, string Status, long? OrgUnitId, string? OrgUnitName,
        DateTimeOffset JoinedAt, DateTimeOffset? LastInteractionAt, bool IsWindowOpen, string[] Topics, int Total);

    private sealed record CountRow(long UnitId, long? ParentId, string Name, string Level, bool IsActive, int Direct);
}
