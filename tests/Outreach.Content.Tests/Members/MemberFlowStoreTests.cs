using Microsoft.Extensions.Time.Testing;
using Outreach.Content.Members;
using Outreach.Content.Tests.UnitTree;
using Outreach.Testing;

namespace Outreach.Content.Tests.Members;

/// <summary>
/// The report's subscriber figures in the tree world of <see cref="MemberGrowthStoreTests"/>: joins in January and February,
/// in March a move from ward A to ward B and an unfollow in ward B, a return in April. Subscribing and unsubscribing are told
/// apart from moving between units, and a move inside the asked unit's subtree is neither in nor out for it.
/// </summary>
public sealed class MemberFlowStoreTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateOnly March1 = new(2026, 3, 1);
    private static readonly DateOnly March31 = new(2026, 3, 31);
    private TestDatabase _database = null!;
    private TreeWorld _world = null!;
    private MemberFlowStore _flows = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(Ct);
        _world = await TreeWorld.CreateAsync(_database, Ct);
        _flows = new MemberFlowStore(_database.DataSource);
        var january = new DateTimeOffset(2026, 1, 10, 3, 0, 0, TimeSpan.Zero);
        var januaryNight = new DateTimeOffset(2026, 1, 31, 18, 0, 0, TimeSpan.Zero);
        await _world.ContactAsync("zalo", "a1", _world.ChiHoiA1.Id, january);
        var mover = await _world.ContactAsync("zalo", "a2", _world.CommuneA.Id, january);
        var leaver = await _world.ContactAsync("messenger", "b1", _world.CommuneB.Id, january);
        await _world.ContactAsync("zalo", "b2", _world.CommuneB.Id, januaryNight);
        await _world.ContactAsync("zalo", "p1", _world.Province.Id, januaryNight);
        await _world.ContactAsync("zalo", "x1", null, januaryNight);
        var march = new DateTimeOffset(2026, 3, 5, 3, 0, 0, TimeSpan.Zero);
        await new MemberStore(_database.DataSource, TestChannels.Eligibility(), new FakeTimeProvider(march))
            .MoveAsync(_world.AdminId, _world.Province.Id, mover, _world.CommuneB.Id, Ct);
        await _world.SetStatusAsync(leaver, "unfollowed", march);
        await _world.SetStatusAsync(leaver, "active", new DateTimeOffset(2026, 4, 2, 3, 0, 0, TimeSpan.Zero));
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task FlowsAsync_ProvinceFirstQuarter_FiveSubscribedOneUnsubscribedTheMoveInsideNotCounted()
    {
        var flows = await _flows.FlowsAsync(_world.Province.Id, new DateOnly(2026, 1, 1), March31, Ct);

        var total = flows.Total;
        Assert.Equal((0L, 5L, 0L, 1L, 0L, 4L), (total.AtStart, total.Subscribed, total.MovedIn, total.Unsubscribed, total.MovedOut, total.AtEnd));
        Assert.Equal(4, total.Growth);
        Assert.Null(total.GrowthRatio);
    }

    [Fact]
    public async Task FlowsAsync_ProvinceInMarch_EachWardWithItsMovesAndUnsubscribes()
    {
        var flows = await _flows.FlowsAsync(_world.Province.Id, March1, March31, Ct);

        Assert.Equal((5L, 0L, 1L, 4L), (flows.Total.AtStart, flows.Total.Subscribed, flows.Total.Unsubscribed, flows.Total.AtEnd));
        Assert.Equal(-0.2m, flows.Total.GrowthRatio);
        var wards = flows.Children.ToDictionary(c => c.UnitId);
        var b = wards[_world.CommuneB.Id];
        Assert.Equal((2L, 0L, 1L, 1L, 0L, 2L), (b.AtStart, b.Subscribed, b.MovedIn, b.Unsubscribed, b.MovedOut, b.AtEnd));
        var a = wards[_world.CommuneA.Id];
        Assert.Equal((2L, 0L, 0L, 0L, 1L, 1L), (a.AtStart, a.Subscribed, a.MovedIn, a.Unsubscribed, a.MovedOut, a.AtEnd));
    }

    [Fact]
    public async Task FlowsAsync_WardB_TheMoverArrivesFromOutsideItsSubtree()
    {
        var flows = await _flows.FlowsAsync(_world.CommuneB.Id, March1, March31, Ct);

        Assert.Equal((2L, 0L, 1L, 1L, 0L, 2L),
            (flows.Total.AtStart, flows.Total.Subscribed, flows.Total.MovedIn, flows.Total.Unsubscribed, flows.Total.MovedOut, flows.Total.AtEnd));
        Assert.Equal(0m, flows.Total.GrowthRatio);
    }

    [Fact]
    public async Task FlowsAsync_January_AJoinAt18UtcOnThe31stIsFebruaryInVietnam()
    {
        var january = await _flows.FlowsAsync(_world.Province.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), Ct);
        var february = await _flows.FlowsAsync(_world.Province.Id, new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28), Ct);

        Assert.Equal((0L, 3L, 3L), (january.Total.AtStart, january.Total.Subscribed, january.Total.AtEnd));
        Assert.Equal((3L, 2L, 5L), (february.Total.AtStart, february.Total.Subscribed, february.Total.AtEnd));
    }

    [Fact]
    public async Task FlowsAsync_April_TheReturnCountsAsSubscribed()
    {
        var flows = await _flows.FlowsAsync(_world.Province.Id, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), Ct);

        Assert.Equal((4L, 1L, 0L, 5L), (flows.Total.AtStart, flows.Total.Subscribed, flows.Total.Unsubscribed, flows.Total.AtEnd));
        Assert.Equal(0.25m, flows.Total.GrowthRatio);
    }
}
