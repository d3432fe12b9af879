using Outreach.Content.Alerts;
using Outreach.Content.Contacts;
using Outreach.Content.Handoffs;
using Outreach.Content.OrgUnits;
using Outreach.Testing;

namespace Outreach.Content.Tests.Contacts;

/// <summary>
/// <see cref="ContactScope"/> through the stores that use it: a province with two communes (and a tổ under commune A),
/// handoffs and crisis alerts of members of each and of a member with no unit, as each unit's staff see them.
/// </summary>
public sealed class ContactScopeTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 6, 1, 5, 0, 0, TimeSpan.Zero);
    private TestDatabase _database = null!;
    private HandoffStore _store = null!;
    private CrisisAlertStore _alerts = null!;
    private OrgUnit _province = null!;
    private OrgUnit _communeA = null!;
    private OrgUnit _communeB = null!;
    private OrgUnit _toA = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(Ct);
        _store = new HandoffStore(_database.DataSource);
        _alerts = new CrisisAlertStore(_database.DataSource);
        var seed = new Seed(_database);
        _province = await seed.UnitAsync(null, "tinh", "Tỉnh", Ct);
        _communeA = await seed.UnitAsync(_province.Id, "xa", "Xã A", Ct);
        _communeB = await seed.UnitAsync(_province.Id, "xa", "Xã B", Ct);
        _toA = await seed.UnitAsync(_communeA.Id, "to", "Tổ 1 xã A", Ct);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task ListOpenAsync_EachUnit_SeesItsSubtreeAndOnlyTopUnitSeesMembersWithoutUnit()
    {
        var inTo = await OpenAsync("to-a", _toA.Id, HandoffReasons.Member, Noon);
        var inB = await OpenAsync("xa-b", _communeB.Id, HandoffReasons.Member, Noon.AddMinutes(1));
        var nowhere = await OpenAsync("khong-ro", null, HandoffReasons.Member, Noon.AddMinutes(2));

        var communeA = await _store.ListOpenAsync(_communeA.Id, Ct);
        var communeB = await _store.ListOpenAsync(_communeB.Id, Ct);
        var to = await _store.ListOpenAsync(_toA.Id, Ct);
        var province = await _store.ListOpenAsync(_province.Id, Ct);

        Assert.Equal([inTo], communeA.Select(h => h.Id));
        Assert.Equal("Tổ 1 xã A", communeA[0].OrgUnitName);
        Assert.Equal([inB], communeB.Select(h => h.Id));
        Assert.Equal([inTo], to.Select(h => h.Id));
        Assert.Equal([inTo, inB, nowhere], province.Select(h => h.Id));
        Assert.Null(await _store.FindAsync(nowhere, _communeA.Id, Ct));
        Assert.NotNull(await _store.FindAsync(nowhere, _province.Id, Ct));
        Assert.Equal(1, await _store.CountWaitingAsync(_communeA.Id, Ct));
        Assert.Equal(3, await _store.CountWaitingAsync(_province.Id, Ct));
        Assert.Empty(await _store.ListOpenAsync(-1, Ct));
    }

    [Fact]
    public async Task ListOpenAsync_CrisisRequestedLater_ComesFirstThenOldestFirst()
    {
        var first = await OpenAsync("som", _communeA.Id, HandoffReasons.Member, Noon);
        var second = await OpenAsync("sau", _communeA.Id, HandoffReasons.Member, Noon.AddMinutes(5));
        var crisis = await OpenAsync("khan-cap", _communeA.Id, HandoffReasons.Crisis, Noon.AddMinutes(10));
        await _store.TakeAsync(first, _communeA.Id, "7", Noon.AddMinutes(11), Ct);

        var queue = await _store.ListOpenAsync(_communeA.Id, Ct);

        Assert.Equal([crisis, first, second], queue.Select(h => h.Id));
        Assert.Equal(HandoffStatuses.Active, queue[1].Status);
        Assert.Equal(2, await _store.CountWaitingAsync(_communeA.Id, Ct));
    }

    [Fact]
    public async Task TakeAndReleaseAsync_OtherUnitsHandoff_ChangeNothing()
    {
        var inB = await OpenAsync("xa-b", _communeB.Id, HandoffReasons.Member, Noon);

        var taken = await _store.TakeAsync(inB, _communeA.Id, "7", Noon.AddMinutes(1), Ct);
        var released = await _store.ReleaseAsync(inB, _communeA.Id, "7", Noon.AddMinutes(2), Ct);
        var takenInScope = await _store.TakeAsync(inB, _province.Id, "8", Noon.AddMinutes(3), Ct);
        var releasedInScope = await _store.ReleaseAsync(inB, _communeB.Id, "9", Noon.AddMinutes(4), Ct);

        Assert.Null(taken);
        Assert.Null(released);
        Assert.Equal("8", takenInScope?.TakenBy);
        Assert.Equal(HandoffStatuses.Closed, releasedInScope?.Status);
        Assert.Equal(HandoffStatuses.Closed, (await _store.FindAsync(inB, _communeB.Id, Ct))?.Status);
    }

    [Fact]
    public async Task CrisisAlerts_ListedAndAcknowledgedOnlyWithinScope_WithTheMembersHandoff()
    {
        var handoffA = await OpenAsync("nguy-a", _communeA.Id, HandoffReasons.Crisis, Noon, alert: true);
        await OpenAsync("nguy-b", _communeB.Id, HandoffReasons.Crisis, Noon, alert: true);
        await AlertWithoutContactAsync();

        var seenByA = Assert.Single(await _alerts.ListOpenAsync(_communeA.Id, Ct));
        var seenByB = Assert.Single(await _alerts.ListOpenAsync(_communeB.Id, Ct));
        var seenByProvince = await _alerts.ListOpenAsync(_province.Id, Ct);
        var acknowledgedByA = await _alerts.AcknowledgeAsync(seenByB.Id, _communeA.Id, "7", Noon.AddMinutes(1), Ct);
        var visibleToA = await _alerts.IsVisibleAsync(seenByB.Id, _communeA.Id, Ct);
        var acknowledgedByB = await _alerts.AcknowledgeAsync(seenByB.Id, _communeB.Id, "8", Noon.AddMinutes(2), Ct);

        Assert.Equal(handoffA, seenByA.HandoffId);
        Assert.Equal(["danger"], seenByA.Categories);
        Assert.Equal(3, seenByProvince.Count);
        Assert.Contains(seenByProvince, a => a.ContactId is null);
        Assert.False(acknowledgedByA);
        Assert.False(visibleToA);
        Assert.True(acknowledgedByB);
        Assert.Empty(await _alerts.ListOpenAsync(_communeB.Id, Ct));
        Assert.Single(await _alerts.ListOpenAsync(_communeA.Id, Ct));
    }

    private async Task<long> OpenAsync(string userId, long? unitId, string reason, DateTimeOffset at, bool alert = false)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(Ct);
        await using var tx = await connection.BeginTransactionAsync(Ct);
        var contacts = new ContactStore(_database.DataSource);
        var contact = await contacts.UpsertAsync(tx, "webchat", "local", userId, at, Ct);
        var (handoff, _) = await _store.RequestAsync(tx, contact.Id, reason, at, Ct);
        if (alert)
        {
            await _alerts.RecordAsync(tx, contact.Id, "webchat", new CrisisAssessment([CrisisCategory.Danger], false), null, at, Ct);
        }

        await tx.CommitAsync(Ct);
        await contacts.SetOrgUnitAsync(contact.Id, unitId, Ct);
        return handoff.Id;
    }

    private async Task AlertWithoutContactAsync()
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(Ct);
        await using var tx = await connection.BeginTransactionAsync(Ct);
        await _alerts.RecordAsync(tx, null, "webchat", new CrisisAssessment([CrisisCategory.Abuse], false), null, Noon, Ct);
        await tx.CommitAsync(Ct);
    }
}
