using Dapper;
using Npgsql;
using Outreach.Content.Time;
using Outreach.Content.UnitTree;

namespace Outreach.Content.Members;

/// <summary>
/// The report's subscriber figures of a unit (with everything below it) over a range of Vietnamese days, both included: how
/// many members were subscribed (following and placed in the subtree) when it began and when it ended, and in between who
/// subscribed (followed, or followed again), who came from another unit, who unsubscribed (unfollowed, blocked, erased) and
/// who moved to a unit outside. The same for each unit directly below it. Read from <c>member_transitions</c>, the rows
/// <see cref="MemberGrowthStore"/> reads, with merged units counting for their survivor.
/// </summary>
public sealed class MemberFlowStore(NpgsqlDataSource dataSource)
{
    // Each transition before the range's end, with the child of @unitId it enters and leaves (0: the unit itself; null:
    // outside the subtree or not subscribed) and whether she was subscribed before / after it at all.
    private const string Sql = """
        WITH root AS (SELECT id, path FROM org_units WHERE id = @unitId),
        eff AS (SELECT o.id, coalesce(m.path, o.path) AS path FROM org_units o LEFT JOIN org_units m ON m.id = o.merged_into_id),
        t AS (
            SELECT tr.at >= @start AS in_range, tr.from_unit_id IS NULL AS was_none, tr.to_unit_id IS NULL AS now_none,
                   CASE WHEN et.path = root.path THEN 0
                        WHEN et.path LIKE root.path || '_%' THEN split_part(substr(et.path, length(root.path) + 1), '/', 1)::bigint END AS to_kid,
                   CASE WHEN ef.path = root.path THEN 0
                        WHEN ef.path LIKE root.path || '_%' THEN split_part(substr(ef.path, length(root.path) + 1), '/', 1)::bigint END AS from_kid
            FROM member_transitions tr CROSS JOIN root
            LEFT JOIN eff et ON et.id = tr.to_unit_id
            LEFT JOIN eff ef ON ef.id = tr.from_unit_id
            WHERE tr.at < @end),
        moves AS (
            SELECT to_kid AS kid, 1 AS delta, in_range, was_none AS plain, true AS entering, from_kid IS NOT NULL AS within FROM t
            WHERE to_kid IS NOT NULL AND to_kid IS DISTINCT FROM from_kid
            UNION ALL
            SELECT from_kid, -1, in_range, now_none, false, to_kid IS NOT NULL FROM t
            WHERE from_kid IS NOT NULL AND to_kid IS DISTINCT FROM from_kid)
        SELECT kid,
               coalesce(sum(delta) FILTER (WHERE NOT in_range), 0)::bigint AS atstart,
               count(*) FILTER (WHERE in_range AND entering AND plain)::bigint AS subscribed,
               count(*) FILTER (WHERE in_range AND entering AND NOT plain)::bigint AS movedin,
               count(*) FILTER (WHERE in_range AND NOT entering AND plain)::bigint AS unsubscribed,
               count(*) FILTER (WHERE in_range AND NOT entering AND NOT plain)::bigint AS movedout,
               coalesce(sum(delta), 0)::bigint AS atend,
               count(*) FILTER (WHERE in_range AND entering AND NOT plain AND NOT within)::bigint AS movedinfromoutside,
               count(*) FILTER (WHERE in_range AND NOT entering AND NOT plain AND NOT within)::bigint AS movedoutofsubtree
        FROM moves GROUP BY kid;

        SELECT id, name, level FROM org_units WHERE parent_id = @unitId AND merged_into_id IS NULL ORDER BY name, id;
        """;

    /// <summary>The unit's figures (its whole subtree) and each child unit's, from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public async Task<MemberFlows> FlowsAsync(long unitId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, to);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            Sql,
            new
            {
                unitId,
                start = VietnamTime.FromLocal(from, TimeOnly.MinValue),
                end = VietnamTime.FromLocal(to.AddDays(1), TimeOnly.MinValue),
            },
            cancellationToken: cancellationToken));
        var rows = (await results.ReadAsync<FlowRow>()).ToDictionary(r => r.Kid);
        // Child units in Vietnamese order, not by code point as the database's C collation gives them.
        var children = (await results.ReadAsync<(long Id, string Name, string Level)>())
            .OrderBy(u => u.Name, UnitTreeOrder.Names).ThenBy(u => u.Id).ToList();

        // The subtree as a whole: a move between two of its units is neither in nor out (its +1 and -1 cancel).
        var all = rows.Values.ToList();
        var total = new MemberFlow(
            unitId, null, null, all.Sum(r => r.AtStart), all.Sum(r => r.Subscribed), all.Sum(r => r.MovedInFromOutside),
            all.Sum(r => r.Unsubscribed), all.Sum(r => r.MovedOutOfSubtree), all.Sum(r => r.AtEnd));
        return new MemberFlows(from, to, total, children.Select(c => rows.TryGetValue(c.Id, out var r)
            ? new MemberFlow(c.Id, c.Name, c.Level, r.AtStart, r.Subscribed, r.MovedIn, r.Unsubscribed, r.MovedOut, r.AtEnd)
            : new MemberFlow(c.Id, c.Name, c.Level, 0, 0, 0, 0, 0, 0)).ToList());
    }

    private sealed record FlowRow(
        long Kid, long AtStart, long Subscribed, long MovedIn, long Unsubscribed, long MovedOut, long AtEnd, long MovedInFromOutside,
        long MovedOutOfSubtree);
}
