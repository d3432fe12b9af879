using Dapper;
using Npgsql;
using Outreach.Content.OrgUnits;
using Outreach.Content.UnitTree;

namespace Outreach.Content.Stats;

/// <summary>
/// The dashboard query: reads only the roll-ups (never the raw events), by primary-key ranges of the unit itself, because
/// the roll-ups already hold every unit's subtree. lượt come from the daily rows of the period; người of the whole unit and
/// of its child units come from the period's unique-people rows. The broadcasts listed are those that went out in the
/// period, each with its whole reach in the unit (its người summed from first-time counts, exact per broadcast).
/// </summary>
public sealed class ReachQuery(NpgsqlDataSource dataSource, ReachRollup rollup)
{
    private const string Sql = """
        SELECT channel, kind, sum(events)::bigint AS events FROM reach_daily
        WHERE org_unit_id = @unitId AND day BETWEEN @startsOn AND @endsOn GROUP BY 1, 2;

        SELECT channel, kind, people::bigint AS people FROM reach_period_people
        WHERE period_id = @periodId AND org_unit_id = @unitId AND topic = '';

        SELECT o.id AS unitid, d.kind, sum(d.events)::bigint AS events FROM org_units o
        JOIN reach_daily d ON d.org_unit_id = o.id AND d.day BETWEEN @startsOn AND @endsOn
        WHERE o.parent_id = @unitId AND o.merged_into_id IS NULL GROUP BY 1, 2;

        SELECT o.id AS unitid, p.kind, sum(p.people)::bigint AS people FROM org_units o
        JOIN reach_period_people p ON p.org_unit_id = o.id AND p.period_id = @periodId AND p.topic = ''
        WHERE o.parent_id = @unitId AND o.merged_into_id IS NULL GROUP BY 1, 2;

        SELECT id AS unitid, name, level FROM org_units WHERE parent_id = @unitId AND merged_into_id IS NULL ORDER BY name, id;

        SELECT d.broadcast_id AS broadcastid, d.kind, sum(d.events)::bigint AS events, sum(d.people)::bigint AS people
        FROM broadcasts b JOIN reach_daily d ON d.broadcast_id = b.id AND d.org_unit_id = @unitId
        WHERE (b.occurrence_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN @startsOn AND @endsOn
        GROUP BY 1, 2;
        """;

    private const string BroadcastsSql = """
        SELECT b.id AS broadcastid, p.id AS postid, p.title, p.topic, b.occurrence_at AS occurrenceat
        FROM broadcasts b JOIN posts p ON p.id = b.post_id WHERE b.id = ANY(@ids) ORDER BY b.occurrence_at DESC, b.id DESC
        """;

    /// <summary>The reach of <paramref name="unit"/> and everything below it over <paramref name="period"/>.</summary>
    public async Task<ReachReport> ReportAsync(OrgUnit unit, ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(period);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var args = new { unitId = unit.Id, periodId = period.Id, startsOn = period.StartsOn, endsOn = period.EndsOn };
        using var results = await connection.QueryMultipleAsync(new CommandDefinition(Sql, args, cancellationToken: cancellationToken));
        var events = (await results.ReadAsync<(string Channel, string Kind, long Events)>()).AsList();
        var people = (await results.ReadAsync<(string Channel, string Kind, long People)>()).AsList();
        var childEvents = (await results.ReadAsync<(long UnitId, string Kind, long Events)>()).AsList();
        var childPeople = (await results.ReadAsync<(long UnitId, string Kind, long People)>()).AsList();
        // Child units in Vietnamese order ("Đ…" after "D…"), not by code point as the database's C collation gives them.
        var children = (await results.ReadAsync<(long UnitId, string Name, string Level)>())
            .OrderBy(u => u.Name, UnitTreeOrder.Names).ThenBy(u => u.UnitId).ToList();
        var perBroadcast = (await results.ReadAsync<(long BroadcastId, string Kind, long Events, long People)>()).AsList();
        var broadcasts = (await connection.QueryAsync<BroadcastRow>(
            new CommandDefinition(BroadcastsSql, new { ids = perBroadcast.Select(b => b.BroadcastId).Distinct().ToArray() },
                cancellationToken: cancellationToken))).AsList();
        var status = await rollup.StatusAsync(cancellationToken);

        var channels = events.Select(e => e.Channel).Union(people.Select(p => p.Channel)).Order(StringComparer.Ordinal).ToList();
        return new ReachReport(
            new UnitRef(unit.Id, unit.Name, unit.Level),
            new PeriodRef(period.Code, period.NameVi, period.Kind, period.StartsOn, period.EndsOn),
            Figures(k => events.Where(e => e.Kind == k).Sum(e => e.Events), k => people.Where(p => p.Kind == k).Sum(p => p.People)),
            channels.Select(c => new ChannelReach(c, Figures(
                k => events.Where(e => e.Channel == c && e.Kind == k).Sum(e => e.Events),
                k => people.Where(p => p.Channel == c && p.Kind == k).Sum(p => p.People)))).ToList(),
            children.Select(u => new UnitReach(u.UnitId, u.Name, u.Level, Figures(
                k => childEvents.Where(e => e.UnitId == u.UnitId && e.Kind == k).Sum(e => e.Events),
                k => childPeople.Where(p => p.UnitId == u.UnitId && p.Kind == k).Sum(p => p.People)))).ToList(),
            broadcasts.Select(b => new BroadcastReach(b.BroadcastId, b.PostId, b.Title, b.Topic, b.OccurrenceAt, Figures(
                k => perBroadcast.Where(x => x.BroadcastId == b.BroadcastId && x.Kind == k).Sum(x => x.Events),
                k => perBroadcast.Where(x => x.BroadcastId == b.BroadcastId && x.Kind == k).Sum(x => x.People)))).ToList(),
            new ReachFreshness(status.RolledUpAt, status.PendingEvents, status.RebuildRequested || !period.IsRolledUp));
    }

    /// <summary>Unique people of <paramref name="kind"/> in <paramref name="unitId"/>'s subtree over the period, all topics or one.</summary>
    public async Task<long> PeopleAsync(long unitId, long periodId, string kind, string? topic, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT coalesce(sum(people), 0)::bigint FROM reach_period_people
            WHERE period_id = @periodId AND org_unit_id = @unitId AND topic = @topic AND kind = @kind
            """,
            new { unitId, periodId, kind, topic = topic ?? "" },
            cancellationToken: cancellationToken));
    }

    /// <summary>lượt of <paramref name="kind"/> in <paramref name="unitId"/>'s subtree over the period, all topics or one.</summary>
    public async Task<long> EventsAsync(long unitId, ReportPeriod period, string kind, string? topic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT coalesce(sum(d.events), 0)::bigint FROM reach_daily d
            WHERE d.org_unit_id = @unitId AND d.day BETWEEN @startsOn AND @endsOn AND d.kind = @kind
              AND (@topic::text IS NULL OR d.broadcast_id IN (
                  SELECT b.id FROM broadcasts b JOIN posts p ON p.id = b.post_id WHERE p.topic = @topic))
            """,
            new { unitId, startsOn = period.StartsOn, endsOn = period.EndsOn, kind, topic },
            cancellationToken: cancellationToken));
    }

    private sealed record BroadcastRow(long BroadcastId, long PostId, string Title, string Topic, DateTimeOffset OccurrenceAt);

    private static List<ReachFigure> Figures(Func<string, long> events, Func<string, long> people) =>
        ReachKinds.All.Select(k => new ReachFigure(k, ReachKinds.Label(k), events(k), people(k))).ToList();
}
