using Dapper;
using Npgsql;
using Outreach.Content.Time;
using Outreach.Content.UnitTree;

namespace Outreach.Content.Members;

/// <summary>
/// "Hội viên kết nối": members connected to a unit (with everything below it) over time, read from <c>member_transitions</c>
/// (one row per change of a member's unit or of whether she follows, written by a trigger on contacts). A member who
/// moves between two units of the subtree is neither new nor gone for it. A merged unit's rows count for the unit it was
/// merged into (through <c>merged_into_id</c>), so the survivor's past figures include the merged unit's members.
/// Days are Vietnamese calendar days (Asia/Ho_Chi_Minh).
/// </summary>
public sealed class MemberGrowthStore(NpgsqlDataSource dataSource)
{
    // Each transition with whether it enters or leaves the subtree of @unitId; a unit's place is its survivor's when merged.
    private const string Transitions = """
        WITH root AS (SELECT path FROM org_units WHERE id = @unitId),
        eff AS (SELECT o.id, coalesce(m.path, o.path) AS path FROM org_units o LEFT JOIN org_units m ON m.id = o.merged_into_id),
        t AS (
            SELECT tr.at, coalesce(et.path LIKE root.path || '%', false) AS into_s, coalesce(ef.path LIKE root.path || '%', false) AS from_s
            FROM member_transitions tr CROSS JOIN root
            LEFT JOIN eff et ON et.id = tr.to_unit_id
            LEFT JOIN eff ef ON ef.id = tr.from_unit_id
            WHERE tr.at < @end AND (@channel::text IS NULL OR tr.channel = @channel))
        """;

    /// <summary>Members connected to the unit's subtree at <paramref name="at"/>.</summary>
    public async Task<long> ConnectedAsync(long unitId, DateTimeOffset at, string? channel, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"{Transitions} SELECT (count(*) FILTER (WHERE into_s) - count(*) FILTER (WHERE from_s))::bigint FROM t",
            new { unitId, end = at, channel },
            cancellationToken: cancellationToken));
    }

    /// <summary>The unit's members from <paramref name="from"/> to <paramref name="to"/> (both included), by <paramref name="step"/>.</summary>
    public async Task<MemberGrowth> SeriesAsync(
        long unitId, DateOnly from, DateOnly to, GrowthStep step, string? channel, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, to);
        var start = VietnamTime.FromLocal(from, TimeOnly.MinValue);
        var end = VietnamTime.FromLocal(to.AddDays(1), TimeOnly.MinValue);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            $"""
            {Transitions} SELECT (count(*) FILTER (WHERE into_s) - count(*) FILTER (WHERE from_s))::bigint FROM t WHERE at < @start;
            {Transitions}, b AS (
                SELECT date_trunc(@unit, at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS bucket, into_s, from_s FROM t WHERE at >= @start)
            SELECT bucket, count(*) FILTER (WHERE into_s AND NOT from_s)::bigint AS joined,
                   count(*) FILTER (WHERE from_s AND NOT into_s)::bigint AS left
            FROM b GROUP BY bucket;
            """,
            new { unitId, start, end, channel, unit = Truncation(step) },
            cancellationToken: cancellationToken));
        var atStart = await results.ReadSingleAsync<long>();
        var buckets = (await results.ReadAsync<(DateTime Bucket, long Joined, long Left)>())
            .ToDictionary(b => DateOnly.FromDateTime(b.Bucket), b => (b.Joined, b.Left));
        var points = new List<GrowthPoint>();
        var connected = atStart;
        for (var bucket = StepStart(from, step); bucket <= to; bucket = Next(bucket, step))
        {
            var (joined, left) = buckets.GetValueOrDefault(bucket);
            connected += joined - left;
            var stepEnd = Next(bucket, step).AddDays(-1);
            points.Add(new GrowthPoint(bucket < from ? from : bucket, stepEnd > to ? to : stepEnd, joined, left, connected));
        }

        return new MemberGrowth(unitId, channel, atStart, points);
    }

    /// <summary>Each unit directly below <paramref name="unitId"/> (merged ones left out): joined and left in the range, connected at its end.</summary>
    public async Task<IReadOnlyList<UnitGrowth>> ChildrenAsync(
        long unitId, DateOnly from, DateOnly to, string? channel, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, to);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<UnitGrowth>(new CommandDefinition(
            """
            WITH root AS (SELECT path FROM org_units WHERE id = @unitId),
            eff AS (SELECT o.id, coalesce(m.path, o.path) AS path FROM org_units o LEFT JOIN org_units m ON m.id = o.merged_into_id),
            t AS (
                SELECT tr.at,
                       CASE WHEN et.path LIKE root.path || '_%' THEN split_part(substr(et.path, length(root.path) + 1), '/', 1)::bigint END AS to_kid,
                       CASE WHEN ef.path LIKE root.path || '_%' THEN split_part(substr(ef.path, length(root.path) + 1), '/', 1)::bigint END AS from_kid
                FROM member_transitions tr CROSS JOIN root
                LEFT JOIN eff et ON et.id = tr.to_unit_id
                LEFT JOIN eff ef ON ef.id = tr.from_unit_id
                WHERE tr.at < @end AND (@channel::text IS NULL OR tr.channel = @channel)),
            per AS (
                SELECT kid, sum(delta)::bigint AS connected, sum(joined)::bigint AS joined, sum(left_)::bigint AS left_
                FROM (
                    SELECT to_kid AS kid, 1 AS delta, (at >= @start AND to_kid IS DISTINCT FROM from_kid)::int AS joined, 0 AS left_
                    FROM t WHERE to_kid IS NOT NULL AND to_kid IS DISTINCT FROM from_kid
                    UNION ALL
                    SELECT from_kid, -1, 0, (at >= @start)::int FROM t WHERE from_kid IS NOT NULL AND to_kid IS DISTINCT FROM from_kid
                ) x GROUP BY kid)
            SELECT k.id AS unitid, k.name, k.level, coalesce(p.joined, 0) AS joined, coalesce(p.left_, 0) AS left,
                   coalesce(p.connected, 0) AS connected
            FROM org_units k LEFT JOIN per p ON p.kid = k.id
            WHERE k.parent_id = @unitId AND k.merged_into_id IS NULL
            ORDER BY k.name, k.id
            """,
            new { unitId, start = VietnamTime.FromLocal(from, TimeOnly.MinValue), end = VietnamTime.FromLocal(to.AddDays(1), TimeOnly.MinValue), channel },
            cancellationToken: cancellationToken));

        // In Vietnamese order, not by code point as the database's C collation gives them.
        return rows.OrderBy(u => u.Name, UnitTreeOrder.Names).ThenBy(u => u.UnitId).ToList();
    }

    private static string Truncation(GrowthStep step) => step switch
    {
        GrowthStep.Day => "day",
        GrowthStep.Week => "week",
        GrowthStep.Month => "month",
        _ => "year",
    };

    private static DateOnly StepStart(DateOnly day, GrowthStep step) => step switch
    {
        GrowthStep.Day => day,
        GrowthStep.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        GrowthStep.Month => new DateOnly(day.Year, day.Month, 1),
        _ => new DateOnly(day.Year, 1, 1),
    };

    private static DateOnly Next(DateOnly bucket, GrowthStep step) => step switch
    {
        GrowthStep.Day => bucket.AddDays(1),
        GrowthStep.Week => bucket.AddDays(7),
        GrowthStep.Month => bucket.AddMonths(1),
        _ => bucket.AddYears(1),
    };
}
