using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Outreach.Content.Members;
using Outreach.Content.Stats;
using Outreach.Content.Targets;
using Outreach.Content.Tests.UnitTree;
using Outreach.Testing;

namespace Outreach.Content.Tests.Members;

/// <summary>
/// Members connected over 2026 in the tree world: joins in January and February, a move between the two wards and an
/// unfollow in March, a member placed directly in the province, one who never gets a unit, and a return in April.
/// </summary>
public sealed class MemberGrowthStoreTests(PostgresServer server) : IAsyncLifetime
{
    // 2026-01-31 18:00 UTC is 1 February 01:00 in Vietnam: that join belongs to February.
    private static readonly DateTimeOffset JanuaryNight = new(2026, 1, 31, 18, 0, 0, TimeSpan.Zero);
    private TestDatabase _database = null!;
    private TreeWorld _world = null!;
    private MemberGrowthStore _growth = null!;
    private long _mover;
    private long _leaver;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(Ct);
        _world = await TreeWorld.CreateAsync(_database, Ct);
        _growth = new MemberGrowthStore(_database.DataSource);
        var january = new DateTimeOffset(2026, 1, 10, 3, 0, 0, TimeSpan.Zero);
        await _world.ContactAsync("zalo", "a1", _world.ChiHoiA1.Id, january);
        _mover = await _world.ContactAsync("zalo", "a2", _world.CommuneA.Id, january);
        _leaver = await _world.ContactAsync("messenger", "b1", _world.CommuneB.Id, january);
        await _world.ContactAsync("zalo", "b2", _world.CommuneB.Id, JanuaryNight);
        await _world.ContactAsync("zalo", "p1", _world.Province.Id, JanuaryNight);
        await _world.ContactAsync("zalo", "x1", null, JanuaryNight);
        var march = new DateTimeOffset(2026, 3, 5, 3, 0, 0, TimeSpan.Zero);
        await new MemberStore(_database.DataSource, TestChannels.Eligibility(), new FakeTimeProvider(march)).MoveAsync(_world.AdminId, _world.Province.Id, _mover, _world.CommuneB.Id, Ct);
        await _world.SetStatusAsync(_leaver, "unfollowed", march);
        await _world.SetStatusAsync(_leaver, "active", new DateTimeOffset(2026, 4, 2, 3, 0, 0, TimeSpan.Zero));
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task SeriesAsync_ProvinceByMonth_CountsJoinsAndLeavesButNotMovesInside()
    {
        var series = await _growth.SeriesAsync(_world.Province.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 30), GrowthStep.Month, null, Ct);

        Assert.Equal(0, series.ConnectedAtStart);
        Assert.Equal(
        [
            new GrowthPoint(new(2026, 1, 1), new(2026, 1, 31), 3, 0, 3),
            new GrowthPoint(new(2026, 2, 1), new(2026, 2, 28), 2, 0, 5),
            new GrowthPoint(new(2026, 3, 1), new(2026, 3, 31), 0, 1, 4),
            new GrowthPoint(new(2026, 4, 1), new(2026, 4, 30), 1, 0, 5),
        ],
        series.Points);
    }

    [Fact]
    public async Task SeriesAsync_Ward_SeesTheMoverArriveAndOneChannelOnly()
    {
        var ward = await _growth.SeriesAsync(_world.CommuneB.Id, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), GrowthStep.Month, null, Ct);
        var zalo = await _growth.SeriesAsync(_world.CommuneB.Id, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), GrowthStep.Week, "zalo", Ct);

        Assert.Equal((2L, 1L, 1L, 2L), (ward.ConnectedAtStart, ward.Joined, ward.Left, ward.ConnectedAtEnd));
        Assert.Equal((1L, 1L, 0L, 2L), (zalo.ConnectedAtStart, zalo.Joined, zalo.Left, zalo.ConnectedAtEnd));
        Assert.Equal(new DateOnly(2026, 3, 1), zalo.Points[0].Start);
        Assert.Equal(new DateOnly(2026, 3, 1), zalo.Points[0].End);
        Assert.Equal(new DateOnly(2026, 3, 2), zalo.Points[1].Start);
    }

    [Fact]
    public async Task ChildrenAsync_Province_EachWardWithItsSubtree()
    {
        var children = await _growth.ChildrenAsync(_world.Province.Id, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), null, Ct);

        Assert.Equal(
            [new UnitGrowth(_world.CommuneB.Id, "Phường Bình Phước", "xa", 1, 1, 2), new UnitGrowth(_world.CommuneA.Id, "Phường Đồng Xoài", "xa", 0, 1, 1)],
            children);
    }

    [Fact]
    public async Task TargetQuery_MembersIndicator_CountsConnectedAtThePeriodsEnd()
    {
        var periods = new ReportPeriodStore(_database.DataSource);
        var q1 = (await periods.CreateAsync("custom", "2026-q1", "Quý I/2026", new(2026, 1, 1), new(2026, 3, 31), Ct))!;
        var targets = new TargetStore(_database.DataSource);
        var all = (await targets.FindIndicatorAsync("members_connected", Ct))!;
        var zalo = (await targets.FindIndicatorAsync("members_connected_zalo", Ct))!;
        await targets.SetTargetAsync(all.Id, _world.Province.Id, q1.Id, 8, null, _world.AdminId, TreeWorld.Start, Ct);
        await targets.SetTargetAsync(zalo.Id, _world.Province.Id, q1.Id, 3, null, _world.AdminId, TreeWorld.Start, Ct);
        var rollup = new ReachRollup(_database.DataSource, Options.Create(new ReachOptions()), TimeProvider.System);
        var query = new TargetQuery(targets, new ReachQuery(_database.DataSource, rollup), _growth, new PlatformReachStore(_database.DataSource));

        var report = await query.ReportAsync(new(_world.Province.Id, null, "tinh", "75", _world.Province.Name, _world.Province.Path, 0), q1, Ct);

        Assert.Equal("zalo", zalo.Channel);
        Assert.Equal(IndicatorSources.Members, all.Source);
        Assert.Equal([4m, 4m], report.Targets.Select(t => t.Achieved));
        Assert.Equal("đạt 50,00% so với chỉ tiêu (4/8)", report.Targets[0].Text);
        Assert.True(report.Targets[1].IsMet);
    }
}
