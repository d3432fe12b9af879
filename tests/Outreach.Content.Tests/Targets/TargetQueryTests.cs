using Outreach.Content.Stats;
using Outreach.Content.Targets;
using Outreach.Content.Tests.Stats;
using Outreach.Testing;

namespace Outreach.Content.Tests.Targets;

public sealed class TargetQueryTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private TestDatabase _database = null!;
    private ReachScenario _scenario = null!;
    private TargetStore _targets = null!;
    private ReportPeriod _year = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await server.CreateDatabaseAsync(ct);
        _scenario = await ReachScenario.CreateAsync(_database, ct);
        _targets = new TargetStore(_database.DataSource);
        await ReachSeed.RollUpAllAsync(_scenario.Rollup(), ct);
        _year = (await _scenario.Periods().FindAsync("2026", ct))!;
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task ReportAsync_ReachIndicator_AchievedIsTheDashboardsUniquePeople()
    {
        var ct = TestContext.Current.CancellationToken;
        await SetTargetAsync("members_reached", _scenario.Province.Id, 10, ct);
        await SetTargetAsync("violence_reached", _scenario.CommuneA.Id, 20, ct);

        var province = await Query().ReportAsync(_scenario.Province, _year, ct);
        var commune = await Query().ReportAsync(_scenario.CommuneA, _year, ct);
        var dashboard = await _scenario.Query().ReportAsync(_scenario.Province, _year, ct);

        var delivered = dashboard.Totals.Single(f => f.Kind == ReachKinds.Delivered).People;
        var reached = province.Targets.Single();
        Assert.Equal(delivered, reached.Achieved);
        // Broadcast 1: 9 delivery receipts and 2 reads without one; broadcast 3: one receipt at 23:50 on 31/12 (Vietnam).
        Assert.Equal(12, reached.Achieved);
        Assert.Equal("đạt 120,00% so với chỉ tiêu (12/10)", reached.Text);
        Assert.True(reached.IsMet);

        // Only broadcast 2 was about violence: one member of commune A read it (a read counts as delivered).
        Assert.Equal("đạt 5,00% so với chỉ tiêu (1/20)", commune.Targets.Single().Text);
        Assert.Equal("chưa đạt chỉ tiêu nào (0/1)", commune.Verdict);
    }

    [Fact]
    public async Task ReportAsync_ManualIndicator_AddsTheResultsOfEveryUnitBelow()
    {
        var ct = TestContext.Current.CancellationToken;
        var trained = (await _targets.FindIndicatorAsync("women_trained", ct))!;
        await SetTargetAsync("women_trained", _scenario.Province.Id, 1050, ct);
        await _targets.SetResultAsync(trained.Id, _scenario.CommuneA.Id, _year.Id, 1500, null, _scenario.Author, Now, ct);
        await _targets.SetResultAsync(trained.Id, _scenario.ChiHoiA1.Id, _year.Id, 1000, null, _scenario.Author, Now, ct);
        await _targets.SetResultAsync(trained.Id, _scenario.CommuneB.Id, _year.Id, 427, null, _scenario.Author, Now, ct);
        await _targets.SetResultAsync(trained.Id, _scenario.CommuneB.Id, _year.Id, 427, "sửa lại", _scenario.Author, Now, ct);

        var report = await Query().ReportAsync(_scenario.Province, _year, ct);

        Assert.Equal("đạt 278,76% so với chỉ tiêu (2.927/1.050)", report.Targets.Single().Text);
        Assert.Equal(2927, await Query().AchievedAsync(trained, _scenario.Province.Id, _year, ct));
        Assert.Equal(2500, await Query().AchievedAsync(trained, _scenario.CommuneA.Id, _year, ct));
    }

    [Fact]
    public async Task ReportAsync_PostsIndicator_CountsPostsOfTheSubtreeThatWentOutInThePeriod()
    {
        var ct = TestContext.Current.CancellationToken;
        await SetTargetAsync("posts_shared", _scenario.Province.Id, 3, ct);
        await SetTargetAsync("posts_shared", _scenario.CommuneA.Id, 3, ct);

        var province = await Query().ReportAsync(_scenario.Province, _year, ct);
        var commune = await Query().ReportAsync(_scenario.CommuneA, _year, ct);

        // Broadcasts 1 and 2 went out in 2026 (the third at 00:30 on 1 January 2027); only the second is commune A's.
        Assert.Equal(2, province.Targets.Single().Achieved);
        Assert.Equal("đạt 66,66% so với chỉ tiêu (2/3)", province.Targets.Single().Text);
        Assert.Equal(1, commune.Targets.Single().Achieved);
    }

    private TargetQuery Query() => new(_targets, _scenario.Query(), new Outreach.Content.Members.MemberGrowthStore(_database.DataSource), new Outreach.Content.Stats.PlatformReachStore(_database.DataSource));

    private async Task SetTargetAsync(string code, long unitId, decimal value, CancellationToken ct)
    {
        var indicator = (await _targets.FindIndicatorAsync(code, ct))!;
        await _targets.SetTargetAsync(indicator.Id, unitId, _year.Id, value, null, _scenario.Author, Now, ct);
    }
}
