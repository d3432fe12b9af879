using Microsoft.Extensions.Options;
using Outreach.Content.ChannelAccounts;
using Outreach.Content.Members;
using Outreach.Content.Tests.UnitTree;
using Outreach.Testing;

namespace Outreach.Content.Tests.ChannelAccounts;

/// <summary>
/// Accounts and the tree: the unit of a commune's own Page is where its members belong (a merge carries both to the survivor),
/// a unit's join material points at its own or its nearest ancestor's account, and staff see only their subtree's accounts.
/// </summary>
public sealed class ChannelAccountStoreTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TreeWorld _world = null!;
    private ChannelAccountStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(Ct);
        _world = await TreeWorld.CreateAsync(_database, Ct);
        _store = new ChannelAccountStore(_database.DataSource, _world.Clock);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task CommunePageMergedIntoAnother_MembersOfThePageNowBelongToTheSurvivor_JoinMaterialFollowsTheNearestAccount()
    {
        var province = await _store.CreateAsync(Draft("messenger", "100", _world.Province.Id), _world.AdminId, Ct);
        var communeA = await _store.CreateAsync(Draft("messenger", "200", _world.CommuneA.Id), _world.AdminId, Ct);
        var duplicate = await _store.CreateAsync(Draft("messenger", "200", _world.CommuneB.Id), _world.AdminId, Ct);
        var units = new StoredAccountUnits(new ConfiguredAccountUnits(new Monitor()));

        var beforeMerge = await UnitOfAsync(units, "200");
        var nearestForBranch = await _store.NearestAsync(_world.ChiHoiA1.Path, Ct);
        var nearestForB = await _store.NearestAsync(_world.CommuneB.Path, Ct);
        var seenByB = await _store.ListAsync(_world.CommuneB.Id, Ct);
        var seenByA = await _store.ListAsync(_world.CommuneA.Id, Ct);
        await _world.Store.MergeAsync(_world.Admin, _world.CommuneA.Id, _world.CommuneB.Id, Ct);
        var afterMerge = await UnitOfAsync(units, "200");
        var unknown = await UnitOfAsync(units, "999");

        Assert.NotNull(province);
        Assert.Null(duplicate);
        Assert.Equal(_world.CommuneA.Id, beforeMerge);
        Assert.Equal("200", nearestForBranch["messenger"]);
        Assert.Equal("100", nearestForB["messenger"]);
        Assert.Empty(seenByB);
        Assert.Equal([communeA!.Id], seenByA.Select(a => a.Id));
        Assert.Equal(_world.CommuneB.Id, afterMerge);
        Assert.Equal(_world.CommuneB.Id, (await _store.FindAsync(_world.CommuneB.Id, communeA.Id, Ct))?.OrgUnitId);
        Assert.Equal(_world.Province.Id, unknown);
    }

    private async Task<long?> UnitOfAsync(StoredAccountUnits units, string accountId)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        return (await units.FindAsync(transaction, "messenger", accountId, Ct))?.Id;
    }

    private static ChannelAccountDraft Draft(string channel, string accountId, long unitId) =>
        new(channel, accountId, "", unitId, null, "dp1:secret", null, "dp1:token");

    private sealed class Monitor : IOptionsMonitor<AccountUnitsOptions>
    {
        public AccountUnitsOptions CurrentValue { get; } = new();

        public AccountUnitsOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<AccountUnitsOptions, string?> listener) => null;
    }
}
