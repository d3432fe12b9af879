using Microsoft.Extensions.Time.Testing;
using Outreach.Content.Audit;
using Outreach.Content.Broadcasts;
using Outreach.Content.Members;
using Outreach.Content.Tests.UnitTree;
using Outreach.Content.UnitTree;
using Outreach.Testing;

namespace Outreach.Content.Tests.Members;

public sealed class MemberStoreTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = TreeWorld.Start;
    private TestDatabase _database = null!;
    private TreeWorld _world = null!;
    private MemberStore _members = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(Ct);
        _world = await TreeWorld.CreateAsync(_database, Ct);
        _members = new MemberStore(_database.DataSource, TestChannels.Eligibility(), new FakeTimeProvider(Now));
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task PlaceAsync_ActiveUnit_PlacesHerAndRecordsThatSheJoined()
    {
        var contact = await _world.ContactAsync("zalo", "z1", null, Now.AddDays(-1));

        var placement = await _members.PlaceAsync(contact, _world.ChiHoiA1.Id, Ct);

        Assert.Equal(new Placement(PlacementStatus.Placed, _world.ChiHoiA1.Id, "Chi hội khu phố 1"), placement);
        Assert.Equal(_world.ChiHoiA1.Id, await _world.ScalarAsync<long>("SELECT org_unit_id FROM contacts WHERE id = @contact", new { contact }));
        Assert.Equal(Now, await _world.ScalarAsync<DateTimeOffset>(
            "SELECT at FROM member_transitions WHERE contact_id = @contact AND from_unit_id IS NULL AND to_unit_id = @unit",
            new { contact, unit = _world.ChiHoiA1.Id }));
    }

    [Fact]
    public async Task PlaceAsync_DeactivatedUnit_IsRefusedAndNothingChanges()
    {
        var contact = await _world.ContactAsync("zalo", "z1", _world.CommuneB.Id, Now.AddDays(-1));
        await _world.Store.DeactivateAsync(_world.Admin, _world.CommuneA.Id, Ct);

        var placement = await _members.PlaceAsync(contact, _world.ChiHoiA1.Id, Ct);

        Assert.Equal(PlacementStatus.UnitInactive, placement.Status);
        Assert.Equal(_world.CommuneB.Id, await _world.ScalarAsync<long>("SELECT org_unit_id FROM contacts WHERE id = @contact", new { contact }));
        Assert.Equal(PlacementStatus.UnitNotFound, (await _members.PlaceAsync(contact, 999_999, Ct)).Status);
    }

    [Fact]
    public async Task PlaceAsync_MergedUnit_PlacesHerInTheSurvivor()
    {
        var contact = await _world.ContactAsync("messenger", "m1", null, Now.AddDays(-1));
        await _world.Store.MergeAsync(_world.Admin, _world.CommuneB.Id, _world.CommuneA.Id, Ct);

        var placement = await _members.PlaceAsync(contact, _world.CommuneB.Id, Ct);

        Assert.Equal(_world.CommuneA.Id, placement.UnitId);
    }

    [Fact]
    public async Task MoveAsync_WithinTheScope_MovesAndAudits_OutsideIsNotFound_InactiveIsRefused()
    {
        var contact = await _world.ContactAsync("zalo", "z1", _world.CommuneA.Id, Now.AddDays(-1));
        var communeAdmin = _world.CommuneA.Id;

        var outside = await _members.MoveAsync(_world.AdminId, communeAdmin, contact, _world.CommuneB.Id, Ct);
        var moved = await _members.MoveAsync(_world.AdminId, _world.Province.Id, contact, _world.CommuneB.Id, Ct);
        var notHers = await _members.MoveAsync(_world.AdminId, communeAdmin, contact, _world.ChiHoiA1.Id, Ct);
        await _world.Store.DeactivateAsync(_world.Admin, _world.ChiHoiA1.Id, Ct);
        var inactive = await _members.MoveAsync(_world.AdminId, _world.Province.Id, contact, _world.ChiHoiA1.Id, Ct);

        Assert.Equal(MemberOutcomeStatus.NotFound, outside.Status);
        Assert.True(moved.IsDone);
        Assert.Equal(MemberOutcomeStatus.NotFound, notHers.Status);
        Assert.Equal("Đơn vị 'Chi hội khu phố 1' đã ngừng hoạt động, không nhận thêm hội viên.", inactive.Error);
        var audit = Assert.Single(await new AuditStore(_database.DataSource).ListAsync(_world.Province.Id, null, contact, 10, Ct));
        Assert.Equal(AuditActions.MemberMoved, audit.Action);
        Assert.Equal(_world.AdminId, audit.ActorId);
        Assert.Contains($"\"FromUnitId\": {_world.CommuneA.Id}", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_EachFilter_FindsTheMembersItShould()
    {
        var hoa = await _world.ContactAsync("zalo", "z1", _world.ChiHoiA1.Id, Now.AddDays(-30), Now.AddDays(-2), "Nguyễn Thị Hoa", ["health"]);
        var lan = await _world.ContactAsync("messenger", "m1", _world.CommuneA.Id, Now.AddDays(-10), Now.AddHours(-3), "Trần Thị Lan", ["loan"]);
        var mai = await _world.ContactAsync("messenger", "m2", _world.CommuneB.Id, Now.AddDays(-3), Now.AddDays(-2), "Lê Mai", ["health", "loan"]);
        var nowhere = await _world.ContactAsync("zalo", "z2", null, Now.AddDays(-1), null, "Chưa rõ");
        var gone = await _world.ContactAsync("zalo", "z3", _world.CommuneA.Id, Now.AddDays(-1), null, "Đã xóa");
        await _members.EraseAsync(_world.AdminId, _world.Province.Id, gone, Ct);

        Assert.Equal([lan, mai, hoa, nowhere], await IdsAsync(_world.Province.Id, new MemberFilter()));
        Assert.Equal([hoa], await IdsAsync(_world.Province.Id, new MemberFilter { Name = "nguyen thi" }));
        Assert.Equal([lan, hoa], await IdsAsync(_world.Province.Id, new MemberFilter { Name = "THỊ" }));
        Assert.Equal([lan, mai], await IdsAsync(_world.Province.Id, new MemberFilter { Channel = "messenger" }));
        Assert.Equal([lan, hoa], await IdsAsync(_world.Province.Id, new MemberFilter { UnitId = _world.CommuneA.Id }));
        Assert.Equal([mai, hoa], await IdsAsync(_world.Province.Id, new MemberFilter { Topics = ["health"] }));
        Assert.Equal([mai, nowhere], await IdsAsync(_world.Province.Id, new MemberFilter { JoinedFrom = Now.AddDays(-5) }));
        Assert.Equal([lan], await IdsAsync(_world.Province.Id, new MemberFilter { LastInteractionFrom = Now.AddDays(-1) }));
        Assert.Equal([lan, hoa], await IdsAsync(_world.Province.Id, new MemberFilter { WindowOpen = true }));
        Assert.Equal([mai, nowhere], await IdsAsync(_world.Province.Id, new MemberFilter { WindowOpen = false }));
        Assert.Equal([gone], await IdsAsync(_world.Province.Id, new MemberFilter { Status = "erased" }));
        Assert.Equal([lan, hoa], await IdsAsync(_world.CommuneA.Id, new MemberFilter()));
        Assert.Empty(await IdsAsync(_world.CommuneA.Id, new MemberFilter { UnitId = _world.CommuneB.Id }));

        var page = await _members.ListAsync(_world.Province.Id, new MemberFilter(), Now, 1, 2, Ct);
        Assert.Equal(4, page.Total);
        Assert.Equal([mai, hoa], page.Rows.Select(r => r.ContactId));
        Assert.Equal(["Sức khỏe, khám sàng lọc", "Vay vốn, khởi nghiệp"], page.Rows[0].Topics); // by their Vietnamese names
        Assert.Equal("Phường Bình Phước", page.Rows[0].OrgUnitName);
    }

    [Fact]
    public async Task CountsAsync_PerUnitAndSubtree_WithUnplacedOnlyForTheTopUnit()
    {
        await _world.ContactAsync("zalo", "z1", _world.ChiHoiA1.Id, Now);
        await _world.ContactAsync("zalo", "z2", _world.ChiHoiA1.Id, Now);
        await _world.ContactAsync("zalo", "z3", _world.CommuneA.Id, Now);
        var left = await _world.ContactAsync("zalo", "z4", _world.CommuneB.Id, Now);
        await _world.SetStatusAsync(left, "unfollowed", Now);
        await _world.ContactAsync("zalo", "z5", null, Now);

        var province = await _members.CountsAsync(_world.Province.Id, Ct);
        var commune = await _members.CountsAsync(_world.CommuneA.Id, Ct);

        Assert.Equal(1, province.Unplaced);
        Assert.Equal(0, commune.Unplaced);
        var counts = province.Units.ToDictionary(u => u.UnitId, u => (u.Direct, u.Subtree));
        Assert.Equal((0, 3), counts[_world.Province.Id]);
        Assert.Equal((1, 3), counts[_world.CommuneA.Id]);
        Assert.Equal((2, 2), counts[_world.ChiHoiA1.Id]);
        Assert.Equal((0, 0), counts[_world.CommuneB.Id]);
        Assert.Equal([_world.CommuneA.Id, _world.ChiHoiA1.Id], commune.Units.Select(u => u.UnitId));
    }

    private async Task<List<long>> IdsAsync(long scope, MemberFilter filter) =>
        (await _members.ListAsync(scope, filter, Now, 0, 50, Ct)).Rows.Select(r => r.ContactId).ToList();
}
