using Dapper;
using Outreach.Content.Stats;
using Outreach.Testing;

namespace Outreach.Content.Tests.Stats;

public sealed class ReachRollupTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ReachScenario _scenario = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        _scenario = await ReachScenario.CreateAsync(_database, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task RunAsync_InBatchesOfSeven_EveryUnitYearAndTermEqualsTheRawEvents()
    {
        var ct = TestContext.Current.CancellationToken;
        var term = await _scenario.Periods().CreateAsync("term", "2026-2027", "Giai đoạn 2026–2027", new(2026, 1, 1), new(2027, 12, 31), ct);

        var consumed = await ReachSeed.RollUpAllAsync(_scenario.Rollup(batchSize: 7), ct);

        Assert.Equal(await CountAsync("SELECT count(*) FROM reach_events"), consumed);
        await AssertRollupsEqualRawAsync(["2026", "2027", term!.Code], ct);
    }

    [Fact]
    public async Task RunAsync_Again_CountsNothingTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        await ReachSeed.RollUpAllAsync(_scenario.Rollup(), ct);
        var before = await CountAsync("SELECT sum(events) + sum(people) FROM reach_daily");

        var again = await _scenario.Rollup().RunAsync(ct);

        Assert.Equal(0, again);
        Assert.Equal(before, await CountAsync("SELECT sum(events) + sum(people) FROM reach_daily"));
        await AssertRollupsEqualRawAsync(["2026", "2027"], ct);
    }

    [Fact]
    public async Task RunAsync_EventAtHalfPastMidnightInVietnam_CountsInTheNewYear()
    {
        var ct = TestContext.Current.CancellationToken;
        await ReachSeed.RollUpAllAsync(_scenario.Rollup(), ct);

        var year2027 = await _scenario.Query().ReportAsync(_scenario.Province, (await _scenario.Periods().FindAsync("2027", ct))!, ct);
        var year2026 = await _scenario.Query().ReportAsync(_scenario.Province, (await _scenario.Periods().FindAsync("2026", ct))!, ct);

        Assert.Equal(14, Figure(year2027, ReachKinds.Sent).Events);
        Assert.Equal(14 + 10, Figure(year2026, ReachKinds.Sent).Events);

        // The click at 00:45 on 31 December (UTC) is 07:45 in Vietnam, still 2026; the one 20 minutes after the send is 2027.
        Assert.Equal((1, 1), (Figure(year2027, ReachKinds.Clicked).Events, Figure(year2027, ReachKinds.Clicked).People));
    }

    [Fact]
    public async Task RunAsync_MemberMovedBetweenCommunes_CountedOnceInTheProvinceAndOnceInEachCommune()
    {
        var ct = TestContext.Current.CancellationToken;
        await ReachSeed.RollUpAllAsync(_scenario.Rollup(batchSize: 5), ct);
        var term = await _scenario.Periods().CreateAsync("term", "2026-2027", "Giai đoạn 2026–2027", new(2026, 1, 1), new(2027, 12, 31), ct);
        await ReachSeed.RollUpAllAsync(_scenario.Rollup(batchSize: 5), ct);

        var query = _scenario.Query();
        var province = await query.ReportAsync(_scenario.Province, term!, ct);
        var b = await query.ReportAsync(_scenario.CommuneB, term!, ct);
        var a = await query.ReportAsync(_scenario.CommuneA, term!, ct);

        Assert.Equal(14, Figure(province, ReachKinds.Sent).People);
        Assert.Equal(5, Figure(b, ReachKinds.Sent).People);
        Assert.Equal(10, Figure(a, ReachKinds.Sent).People);
        Assert.Equal(14 + 10 + 14, Figure(province, ReachKinds.Sent).Events);
        await AssertRollupsEqualRawAsync([term!.Code], ct);
    }

    [Fact]
    public async Task RunAsync_UnitMovedUnderAnotherParent_RebuildsAndEqualsTheRawEventsAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        await ReachSeed.RollUpAllAsync(_scenario.Rollup(), ct);

        // The chi hội is re-attached directly to commune B (a 2025-style restructuring).
        await new Seed(_database).Units.MoveAsync(_scenario.ChiHoiA1.Id, _scenario.CommuneB.Id, ct);
        await ReachSeed.RollUpAllAsync(_scenario.Rollup(batchSize: 9), ct);

        Assert.False(await CountAsync("SELECT count(*) FROM reach_rollup_state WHERE rebuild_requested") > 0);
        await AssertRollupsEqualRawAsync(["2026", "2027"], ct);
    }

    [Fact]
    public async Task RunAsync_WriterCommitsAfterALaterEvent_TheEarlierEventIsNotSkipped()
    {
        var ct = TestContext.Current.CancellationToken;
        await ReachSeed.RollUpAllAsync(_scenario.Rollup(), ct);
        var broadcast = _scenario.Broadcasts[0];

        // A slow writer takes an event id first and commits last; a fast one commits in between and the roll-up runs.
        await using var slow = await _database.DataSource.OpenConnectionAsync(ct);
        await using var slowTransaction = await slow.BeginTransactionAsync(ct);
        await slow.ExecuteAsync(
            "INSERT INTO reach_events (kind, broadcast_id, contact_id, org_unit_id, channel, at) SELECT 'clicked', @broadcast, id, org_unit_id, channel, @at FROM contacts WHERE platform_user_id = 'a1-3'",
            new { broadcast, at = ReachScenario.March.AddDays(5) }, slowTransaction);
        await new ReachSeed(_database).ClickAsync(broadcast, _scenario.Mover, ReachScenario.March.AddDays(5), ct);
        var whileOpen = await _scenario.Rollup().RunAsync(ct);
        await slowTransaction.CommitAsync(ct);
        var afterCommit = await ReachSeed.RollUpAllAsync(_scenario.Rollup(), ct);

        Assert.Equal(0, whileOpen);
        Assert.Equal(2, afterCommit);
        await AssertRollupsEqualRawAsync(["2026", "2027"], ct);
    }

    private static ReachFigure Figure(ReachReport report, string kind) => report.Totals.Single(f => f.Kind == kind);

    private async Task AssertRollupsEqualRawAsync(string[] periodCodes, CancellationToken ct)
    {
        var raw = new RawReach(_database);
        var query = _scenario.Query();
        foreach (var code in periodCodes)
        {
            var period = (await _scenario.Periods().FindAsync(code, ct))!;
            foreach (var unit in _scenario.AllUnits)
            {
                var report = await query.ReportAsync((await new Seed(_database).Units.FindAsync(unit.Id, ct))!, period, ct);
                Assert.Equal(Sorted(await raw.TotalsAsync(unit.Id, period)), Sorted(RawReach.Of(report)));
                Assert.Equal(Sorted(await raw.BroadcastsAsync(unit.Id, period)), Sorted(RawReach.BroadcastsOf(report)));
                foreach (var child in report.Units)
                {
                    var expected = (await raw.TotalsAsync(child.UnitId, period)).Where(kv => kv.Key.Channel == "*").ToDictionary(kv => kv.Key.Kind, kv => kv.Value);
                    var actual = child.Figures.Where(f => f.Events != 0 || f.People != 0).ToDictionary(f => f.Kind, f => (f.Events, f.People));
                    Assert.Equal(expected.OrderBy(kv => kv.Key), actual.OrderBy(kv => kv.Key));
                }
            }
        }
    }

    private static List<KeyValuePair<TKey, (long, long)>> Sorted<TKey>(Dictionary<TKey, (long Events, long People)> figures)
        where TKey : notnull => figures.OrderBy(kv => kv.Key.ToString(), StringComparer.Ordinal).ToList();

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<long?>(sql) ?? 0;
    }
}
