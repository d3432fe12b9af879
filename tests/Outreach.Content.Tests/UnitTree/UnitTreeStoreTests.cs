using Outreach.Content.Audit;
using Outreach.Content.UnitMatching;
using Outreach.Content.UnitTree;
using Outreach.Testing;

namespace Outreach.Content.Tests.UnitTree;

public sealed class UnitTreeStoreTests(PostgresServer server) : TreeWorldTests(server)
{
    [Fact]
    public async Task CreateAsync_UnderUnitInScope_GetsAUniqueJoinCodeWithItsCheckDigitAndIsAudited()
    {
        var unit = await World.CreateAsync(World.CommuneB.Id, "chi_hoi", "  Chi hội   ấp 3 ", "25217-ap3", Ct);

        Assert.Equal("Chi hội ấp 3", unit.Name);
        Assert.Equal(World.CommuneB.Id, unit.ParentId);
        Assert.True(JoinCode.IsValid(unit.JoinCode), unit.JoinCode);
        var codes = await World.ScalarAsync<long>("SELECT count(DISTINCT join_code) FROM org_units");
        Assert.Equal(await World.ScalarAsync<long>("SELECT count(*) FROM org_units"), codes);
        var audit = await World.Audit.ListAsync(World.Province.Id, unit.Id, null, 10, Ct);
        var entry = Assert.Single(audit);
        Assert.Equal(AuditActions.UnitCreated, entry.Action);
        Assert.Equal(World.AdminId, entry.ActorId);
        Assert.Equal(TreeWorld.Start, entry.At);
        Assert.Contains("25217-ap3", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JoinCodes_MadeByTheDatabase_AllPassTheCSharpCheck()
    {
        for (var i = 0; i < 40; i++)
        {
            await World.CreateAsync(World.CommuneA.Id, "chi_hoi", $"Chi hội {i}", null, Ct);
        }

        var units = await World.Store.ListSubtreeAsync(World.Province.Id, World.Province.Id, true, Ct);

        Assert.All(units, u => Assert.True(JoinCode.IsValid(u.JoinCode), u.JoinCode));
        Assert.Equal("4", await World.ScalarAsync<string>("SELECT damm_check_digit('572')"));
        Assert.Equal('4', JoinCode.CheckDigit("572"));
    }

    [Fact]
    public async Task CreateAsync_ParentOutsideTheActorsSubtree_IsNotFound()
    {
        var outcome = await World.Store.CreateAsync(World.Admin, World.OtherProvince.Id, "xa", "Xã lạ", null, Ct);

        Assert.Equal(UnitOutcomeStatus.NotFound, outcome.Status);
        Assert.Single(await World.Store.ListSubtreeAsync(World.OtherProvince.Id, World.OtherProvince.Id, true, Ct));
    }

    [Theory]
    [InlineData("tinh", "Tỉnh/Thành phố", "Xã/Phường/Đặc khu")]
    [InlineData("xa", "Xã/Phường/Đặc khu", "Xã/Phường/Đặc khu")]
    public async Task CreateAsync_LevelNotBelowTheParents_IsRefusedInVietnamese(string level, string own, string parent)
    {
        var outcome = await World.Store.CreateAsync(World.Admin, World.CommuneA.Id, level, "Đơn vị sai cấp", null, Ct);

        Assert.Equal(UnitOutcomeStatus.Invalid, outcome.Status);
        Assert.Equal($"Đơn vị cấp '{own}' không thể nằm dưới đơn vị cấp '{parent}' (chỉ đặt cấp thấp hơn dưới cấp cao hơn).", outcome.Error);
    }

    [Theory]
    [InlineData("25210", "Mã '25210' đã được dùng cho một đơn vị khác.")]
    [InlineData("24", "Mã '24' đã được dùng cho một đơn vị khác.")]
    [InlineData("có dấu", "không hợp lệ")]
    [InlineData("#12", "không hợp lệ")]
    public async Task CreateAsync_BadOrTakenCode_IsRefused(string code, string error)
    {
        var outcome = await World.Store.CreateAsync(World.Admin, World.CommuneA.Id, "chi_hoi", "Chi hội mới", code, Ct);

        Assert.Equal(UnitOutcomeStatus.Invalid, outcome.Status);
        Assert.Contains(error, outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_NameOf500Characters_IsRefusedWithItsLength()
    {
        var outcome = await World.Store.CreateAsync(World.Admin, World.CommuneA.Id, "chi_hoi", new string('á', 500), null, Ct);

        Assert.Equal("Tên đơn vị dài 500 ký tự, vượt quá giới hạn 200 ký tự.", outcome.Error);
        Assert.Equal(2, (await World.Store.ListSubtreeAsync(World.Province.Id, World.CommuneA.Id, true, Ct)).Count);
    }

    [Fact]
    public async Task RenameAndSetCode_AreAuditedWithBeforeAndAfter()
    {
        World.Clock.Advance(TimeSpan.FromHours(1));

        var renamed = await World.Store.RenameAsync(World.Admin, World.CommuneA.Id, "Phường Đồng Xoài mới", Ct);
        var coded = await World.Store.SetCodeAsync(World.Admin, World.CommuneA.Id, "dong-xoai", Ct);

        Assert.Equal("Phường Đồng Xoài mới", renamed.Unit!.Name);
        Assert.Equal("dong-xoai", coded.Unit!.Code);
        Assert.Equal("dong-xoai", (await World.Store.FindByCodeAsync("dong-xoai", Ct))!.Code);
        var audit = await World.Audit.ListAsync(World.Province.Id, World.CommuneA.Id, null, 10, Ct);
        Assert.Equal([AuditActions.UnitCodeSet, AuditActions.UnitRenamed, AuditActions.UnitCreated], audit.Select(a => a.Action));
        Assert.Contains("Phường Đồng Xoài mới", audit[1].Detail, StringComparison.Ordinal);
        Assert.Contains("\"From\": \"25210\"", audit[0].Detail, StringComparison.Ordinal);
        Assert.Equal(TreeWorld.Start.AddHours(1), audit[0].At);
    }

    [Fact]
    public async Task Changes_OnAUnitOutsideTheScope_AreNotFoundAndChangeNothing()
    {
        var communeAdmin = new UnitActor(World.AdminId, World.CommuneA.Id);

        Assert.Equal(UnitOutcomeStatus.NotFound, (await World.Store.RenameAsync(communeAdmin, World.CommuneB.Id, "X", Ct)).Status);
        Assert.Equal(UnitOutcomeStatus.NotFound, (await World.Store.SetCodeAsync(communeAdmin, World.CommuneB.Id, "x", Ct)).Status);
        Assert.Equal(UnitOutcomeStatus.NotFound, (await World.Store.MoveAsync(communeAdmin, World.ChiHoiA1.Id, World.CommuneB.Id, Ct)).Status);
        Assert.Equal(UnitOutcomeStatus.NotFound, (await World.Store.DeactivateAsync(communeAdmin, World.CommuneB.Id, Ct)).Status);
        Assert.Equal(UnitOutcomeStatus.NotFound, (await World.Store.MergeAsync(communeAdmin, World.ChiHoiA1.Id, World.CommuneB.Id, Ct)).Outcome.Status);
        Assert.Equal("Phường Bình Phước", (await World.ReloadAsync(World.CommuneB, Ct)).Name);
        Assert.Equal(World.CommuneA.Id, (await World.ReloadAsync(World.ChiHoiA1, Ct)).ParentId);
    }

    [Fact]
    public async Task MoveAsync_ChiHoiToAnotherCommune_PathFollowsAndReachIsRebuilt()
    {
        var to = await World.CreateAsync(World.ChiHoiA1.Id, "to", "Tổ 1", null, Ct);
        await World.ScalarAsync<int>("UPDATE reach_rollup_state SET rebuild_requested = false RETURNING 1");

        var outcome = await World.Store.MoveAsync(World.Admin, World.ChiHoiA1.Id, World.CommuneB.Id, Ct);

        Assert.True(outcome.IsDone, outcome.Error);
        Assert.Equal($"{World.CommuneB.Path}{World.ChiHoiA1.Id}/", outcome.Unit!.Path);
        Assert.Equal($"{World.CommuneB.Path}{World.ChiHoiA1.Id}/{to.Id}/", (await World.ReloadAsync(to, Ct)).Path);
        Assert.True(await World.ScalarAsync<bool>("SELECT rebuild_requested FROM reach_rollup_state"));
        var audit = await World.Audit.ListAsync(World.Province.Id, World.ChiHoiA1.Id, null, 1, Ct);
        Assert.Equal(AuditActions.UnitMoved, audit[0].Action);
    }

    [Fact]
    public async Task MoveAsync_IntoItsOwnDescendantOrUnderALowerLevel_IsRefused()
    {
        var cycle = await World.Store.MoveAsync(World.Admin, World.CommuneA.Id, World.ChiHoiA1.Id, Ct);
        var self = await World.Store.MoveAsync(World.Admin, World.CommuneA.Id, World.CommuneA.Id, Ct);
        var level = await World.Store.MoveAsync(World.Admin, World.CommuneA.Id, World.CommuneB.Id, Ct);
        var own = await World.Store.MoveAsync(new UnitActor(World.AdminId, World.CommuneA.Id), World.CommuneA.Id, World.CommuneA.Id, Ct);

        Assert.Equal(UnitTreeMessages.MoveUnderItself, cycle.Error);
        Assert.Equal(UnitTreeMessages.MoveUnderItself, self.Error);
        Assert.Contains("không thể nằm dưới", level.Error, StringComparison.Ordinal);
        Assert.Equal(UnitTreeMessages.MoveOwnUnit, own.Error);
        Assert.Equal(World.Province.Id, (await World.ReloadAsync(World.CommuneA, Ct)).ParentId);
    }

    [Fact]
    public async Task DeactivateAsync_Commune_DeactivatesItsSubtreeAndReactivateUndoesOnlyThat()
    {
        var chiHoi2 = await World.CreateAsync(World.CommuneA.Id, "chi_hoi", "Chi hội 2", null, Ct);
        await World.Store.DeactivateAsync(World.Admin, chiHoi2.Id, Ct);
        World.Clock.Advance(TimeSpan.FromDays(1));

        var deactivated = await World.Store.DeactivateAsync(World.Admin, World.CommuneA.Id, Ct);
        var createUnder = await World.Store.CreateAsync(World.Admin, World.CommuneA.Id, "chi_hoi", "Chi hội mới", null, Ct);
        var reactivated = await World.Store.ReactivateAsync(World.Admin, World.CommuneA.Id, Ct);

        Assert.False(deactivated.Unit!.IsActive);
        Assert.Equal(UnitTreeMessages.ParentInactive("Phường Đồng Xoài"), createUnder.Error);
        Assert.True(reactivated.Unit!.IsActive);
        Assert.True((await World.ReloadAsync(World.ChiHoiA1, Ct)).IsActive);
        Assert.False((await World.ReloadAsync(chiHoi2, Ct)).IsActive);
        Assert.Contains("\"Units\": 2", (await World.Audit.ListAsync(World.Province.Id, World.CommuneA.Id, null, 2, Ct))[1].Detail, StringComparison.Ordinal);
        Assert.Equal(UnitTreeMessages.MoveOwnUnit, (await World.Store.DeactivateAsync(World.Admin, World.Province.Id, Ct)).Error);
    }

    [Fact]
    public async Task ListSubtreeAsync_LeavesInactiveOutUnlessAsked_AndIsEmptyOutsideTheScope()
    {
        await World.Store.DeactivateAsync(World.Admin, World.CommuneB.Id, Ct);

        var active = await World.Store.ListSubtreeAsync(World.Province.Id, World.Province.Id, false, Ct);
        var all = await World.Store.ListSubtreeAsync(World.Province.Id, World.Province.Id, true, Ct);
        var outside = await World.Store.ListSubtreeAsync(World.CommuneA.Id, World.Province.Id, true, Ct);

        Assert.Equal([World.Province.Id, World.CommuneA.Id, World.ChiHoiA1.Id], active.Select(u => u.Id));
        Assert.Equal(4, all.Count);
        Assert.Empty(outside);
    }
}
