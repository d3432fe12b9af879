using Dapper;
using Outreach.Content.Stats;
using Outreach.Testing;

namespace Outreach.Content.Tests.Stats;

/// <summary>
/// The figures recomputed the slow, obvious way, straight from reach_events (count(*) and count(DISTINCT contact)), for a
/// unit's subtree and a period: what the roll-ups must always equal.
/// </summary>
internal sealed class RawReach(TestDatabase database)
{
    private const string Subtree = """
        FROM reach_events e JOIN org_units u ON u.id = e.org_unit_id
        JOIN broadcasts b ON b.id = e.broadcast_id JOIN posts p ON p.id = b.post_id
        WHERE u.path LIKE (SELECT path FROM org_units WHERE id = @unitId) || '%'
        """;

    private const string InPeriod = "AND (e.at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN @startsOn AND @endsOn";

    /// <summary>(channel or "*", kind) → (lượt, người) over the period.</summary>
    public async Task<Dictionary<(string Channel, string Kind), (long Events, long People)>> TotalsAsync(long unitId, ReportPeriod period, string? topic = null)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string Channel, string Kind, long Events, long People)>(
            $"""
            SELECT coalesce(e.channel, '*'), e.kind, count(*), count(DISTINCT e.contact_id) {Subtree} {InPeriod}
              AND (@topic::text IS NULL OR p.topic = @topic)
            GROUP BY GROUPING SETS ((e.channel, e.kind), (e.kind))
            """,
            new { unitId, startsOn = period.StartsOn, endsOn = period.EndsOn, topic });
        return rows.ToDictionary(r => (r.Channel, r.Kind), r => (r.Events, r.People));
    }

    /// <summary>(channel or "*", kind) → (lượt, người) of the events written under any of <paramref name="unitIds"/> in the period.</summary>
    public async Task<Dictionary<(string Channel, string Kind), (long Events, long People)>> TotalsOfUnitsAsync(long[] unitIds, ReportPeriod period)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string Channel, string Kind, long Events, long People)>(
            $"""
            SELECT coalesce(e.channel, '*'), e.kind, count(*), count(DISTINCT e.contact_id)
            FROM reach_events e WHERE e.org_unit_id = ANY(@unitIds) {InPeriod}
            GROUP BY GROUPING SETS ((e.channel, e.kind), (e.kind))
            """,
            new { unitIds, startsOn = period.StartsOn, endsOn = period.EndsOn });
        return rows.ToDictionary(r => (r.Channel, r.Kind), r => (r.Events, r.People));
    }

    /// <summary>(broadcast, kind) → (lượt, người) over the whole life of the broadcasts that went out in the period.</summary>
    public async Task<Dictionary<(long Broadcast, string Kind), (long Events, long People)>> BroadcastsAsync(long unitId, ReportPeriod period)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(long Broadcast, string Kind, long Events, long People)>(
            $"""
            SELECT e.broadcast_id, e.kind, count(*), count(DISTINCT e.contact_id) {Subtree}
              AND (b.occurrence_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN @startsOn AND @endsOn
            GROUP BY 1, 2
            """,
            new { unitId, startsOn = period.StartsOn, endsOn = period.EndsOn });
        return rows.ToDictionary(r => (r.Broadcast, r.Kind), r => (r.Events, r.People));
    }

    public static Dictionary<(string Channel, string Kind), (long Events, long People)> Of(ReachReport report)
    {
        var figures = report.Totals.Select(f => (Channel: "*", f))
            .Concat(report.Channels.SelectMany(c => c.Figures.Select(f => (c.Channel, f))));
        return figures.Where(x => x.f.Events != 0 || x.f.People != 0).ToDictionary(x => (x.Channel, x.f.Kind), x => (x.f.Events, x.f.People));
    }

    public static Dictionary<(long Broadcast, string Kind), (long Events, long People)> BroadcastsOf(ReachReport report) =>
        report.Broadcasts.SelectMany(b => b.Figures.Where(f => f.Events != 0 || f.People != 0).Select(f => (b.BroadcastId, f)))
            .ToDictionary(x => (x.BroadcastId, x.f.Kind), x => (x.f.Events, x.f.People));
}
