using Microsoft.Extensions.Time.Testing;
using Outreach.Content.Audit;
using Outreach.Content.Tests.UnitTree;
using Outreach.Content.UnitSheets;
using Outreach.Content.UnitTree;
using Outreach.Testing;

namespace Outreach.Content.Tests.UnitSheets;

/// <summary>Importing and exporting a province's tree (.xlsx) on the tree world (Đồng Nai "75", two wards, a chi hội).</summary>
public sealed class UnitImportStoreTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TreeWorld _world = null!;
    private UnitImportStore _import = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(Ct);
        _world = await TreeWorld.CreateAsync(_database, Ct);
        _import = new UnitImportStore(_database.DataSource, new FakeTimeProvider(TreeWorld.Start));
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task ExportThenImport_TheSameFile_ChangesNothing()
    {
        await _world.CreateAsync(_world.ChiHoiA1.Id, "to", "Tổ không mã", null, Ct);
        await _world.CreateAsync(_world.CommuneB.Id, "chi_hoi", "Chi hội 00042", "00042", Ct);
        await _world.Store.DeactivateAsync(_world.Admin, _world.CommuneB.Id, Ct);
        var before = await _world.Store.ListSubtreeAsync(_world.Province.Id, _world.Province.Id, true, Ct);
        var audits = await _world.ScalarAsync<long>("SELECT count(*) FROM audit_entries");

        using var file = new MemoryStream();
        await UnitSheetWriter.WriteAsync(file, before, Ct);
        file.Position = 0;
        var sheet = UnitSheetReader.Read(file);
        var outcome = await _import.ImportAsync(_world.Admin, _world.Province.Id, sheet, dryRun: false, Ct);

        Assert.Empty(sheet.Errors);
        Assert.True(outcome.Plan!.IsValid, string.Join("\n", outcome.Plan.Errors.Select(e => e.Message)));
        Assert.Equal(before.Count, outcome.Plan.Changes.Count);
        Assert.All(outcome.Plan.Changes, c => Assert.Equal(UnitChangeKind.Unchanged, c.Kind));
        Assert.Contains(sheet.Rows, r => r.Code == "00042");
        Assert.Contains(sheet.Rows, r => r.Code.StartsWith('#') && r.Name == "Tổ không mã");
        Assert.Equal(before, await _world.Store.ListSubtreeAsync(_world.Province.Id, _world.Province.Id, true, Ct));
        Assert.Equal(audits, await _world.ScalarAsync<long>("SELECT count(*) FROM audit_entries"));
    }

    [Fact]
    public async Task ImportAsync_DryRun_ListsCreatesRenamesAndMovesAndChangesNothing()
    {
        using var file = Workbooks.Units(
            ["75", "Hội LHPN tỉnh Đồng Nai", "tinh", ""],
            ["25210", "Phường Đồng Xoài (mới)", "xa", "75"],
            ["25210-kp1", "Chi hội khu phố 1", "chi_hoi", "25217"],
            ["25217", "Phường Bình Phước", "xa", "75"],
            ["25217-kp9", "Chi hội khu phố 9", "Chi hội", "25217"],
            ["25217-kp9-t1", "Tổ 1", "tổ phụ nữ", "25217-kp9"]);

        var outcome = await _import.ImportAsync(_world.Admin, _world.Province.Id, UnitSheetReader.Read(file), dryRun: true, Ct);

        Assert.False(outcome.Applied);
        Assert.Equal(
            [UnitChangeKind.Unchanged, UnitChangeKind.Rename, UnitChangeKind.Move, UnitChangeKind.Unchanged, UnitChangeKind.Create, UnitChangeKind.Create],
            outcome.Plan!.Changes.Select(c => c.Kind));
        Assert.Equal("Phường Đồng Xoài", outcome.Plan.Changes[1].OldName);
        Assert.Equal("25210", outcome.Plan.Changes[2].OldParentCode);
        Assert.Equal(4, (await _world.Store.ListSubtreeAsync(_world.Province.Id, _world.Province.Id, true, Ct)).Count);
    }

    [Fact]
    public async Task ImportAsync_Applied_BuildsTheTreeAuditsEachChangeAndAgainIsANoOp()
    {
        string[][] rows =
        [
            ["25210-kp1", "Chi hội khu phố 1", "chi_hoi", "25217"],
            ["25217-kp9-t1", "Tổ 1", "to", "25217-kp9"],
            ["25217-kp9", "Chi hội khu phố 9", "chi_hoi", "25217"],
            ["25220", "Phường Tân Bình", "xa", "75"],
        ];
        using var file = Workbooks.Units(rows);

        var outcome = await _import.ImportAsync(_world.Admin, _world.Province.Id, UnitSheetReader.Read(file), dryRun: false, Ct);
        using var again = Workbooks.Units(rows);
        var second = await _import.ImportAsync(_world.Admin, _world.Province.Id, UnitSheetReader.Read(again), dryRun: false, Ct);

        Assert.True(outcome.Applied);
        var tree = await _world.Store.ListSubtreeAsync(_world.Province.Id, _world.Province.Id, true, Ct);
        var byCode = tree.Where(u => u.Code is not null).ToDictionary(u => u.Code!);
        Assert.Equal(byCode["25217"].Id, byCode["25210-kp1"].ParentId);
        Assert.Equal(byCode["25217-kp9"].Id, byCode["25217-kp9-t1"].ParentId);
        Assert.Equal(byCode["75"].Id, byCode["25220"].ParentId);
        Assert.All(second.Plan!.Changes, c => Assert.Equal(UnitChangeKind.Unchanged, c.Kind));
        var audit = await _world.Audit.ListAsync(_world.Province.Id, null, null, 50, Ct);
        Assert.Equal(3, audit.Count(a => a.Action == AuditActions.UnitCreated && a.Detail.Contains("units.imported", StringComparison.Ordinal)));
        Assert.Equal(1, audit.Count(a => a.Action == AuditActions.UnitMoved));
        Assert.Equal(1, audit.Count(a => a.Action == AuditActions.UnitsImported));
    }

    [Fact]
    public async Task ImportAsync_SwappingParentAndChild_IsAppliedParentsFirst()
    {
        using var file = Workbooks.Units(["25210-kp1", "Chi hội khu phố 1", "chi_hoi", "75"], ["25210", "Phường Đồng Xoài", "xa", "75"]);
        var moveUp = await _import.ImportAsync(_world.Admin, _world.Province.Id, UnitSheetReader.Read(file), dryRun: false, Ct);
        Assert.True(moveUp.Applied, string.Join("\n", moveUp.Plan!.Errors.Select(e => e.Message)));

        using var swap = Workbooks.Units(["25210-kp1", "Chi hội khu phố 1", "chi_hoi", "25217"], ["25217", "Phường Bình Phước", "xa", "75"]);
        var outcome = await _import.ImportAsync(_world.Admin, _world.Province.Id, UnitSheetReader.Read(swap), dryRun: false, Ct);

        Assert.True(outcome.Applied);
        Assert.Equal(_world.CommuneB.Id, (await _world.ReloadAsync(_world.ChiHoiA1, Ct)).ParentId);
    }

    [Fact]
    public async Task ImportAsync_BadRows_EachGetsItsOwnVietnameseErrorAndNothingIsImported()
    {
        using var file = Workbooks.Units(
            ["n1", "Chi hội mới 1", "chi_hoi", "25210"],
            ["n1", "Chi hội trùng", "chi_hoi", "25210"],
            ["n2", "Chi hội mồ côi", "chi_hoi", "khong-co"],
            ["c1", "Tổ vòng 1", "to", "c2"],
            ["c2", "Tổ vòng 2", "to", "c1"],
            ["n3", "Tỉnh dưới xã", "tinh", "25210"],
            ["n4", new string('a', 500), "chi_hoi", "25210"],
            ["n5", "Chi hội cấp lạ", "ấp", "25210"],
            ["n6", "=1+1", "chi_hoi", "25210"],
            ["24", "Mã của tỉnh khác", "chi_hoi", "25210"],
            ["n7", "Không cấp trên", "chi_hoi", ""],
            ["25210-kp1", "Chi hội khu phố 1", "xa", "75"],
            ["", "Không mã", "chi_hoi", "25210"]);
        var units = await _world.ScalarAsync<long>("SELECT count(*) FROM org_units");

        var outcome = await _import.ImportAsync(_world.Admin, _world.Province.Id, UnitSheetReader.Read(file), dryRun: false, Ct);

        Assert.False(outcome.Applied);
        Assert.Equal(
        [
            "Dòng 3: mã 'n1' trùng với dòng 2.",
            "Dòng 4: không tìm thấy đơn vị cấp trên có mã 'khong-co'.",
            "Dòng 5: vòng lặp đơn vị cấp trên: c1 → c2 → c1.",
            "Dòng 6: vòng lặp đơn vị cấp trên: c2 → c1 → c2.",
            "Dòng 7: đơn vị cấp 'Tỉnh/Thành phố' không thể nằm dưới đơn vị cấp 'Xã/Phường/Đặc khu' (mã '25210').",
            "Dòng 8: Tên đơn vị dài 500 ký tự, vượt quá giới hạn 200 ký tự.",
            "Dòng 9: không có cấp đơn vị 'ấp' (dùng một trong: trung_uong, tinh, huyen, xa, chi_hoi, to).",
            "Dòng 10: ô B10 là công thức; chỉ nhập được giá trị (hãy dán dạng giá trị).",
            "Dòng 11: mã '24' đã được dùng cho một đơn vị ngoài phạm vi nhập.",
            "Dòng 12: thiếu mã đơn vị cấp trên.",
            "Dòng 13: đơn vị '25210-kp1' đang là cấp 'Chi hội'; bảng tính không đổi cấp đơn vị.",
            "Dòng 14: thiếu mã đơn vị.",
        ],
        outcome.Plan!.Errors.Select(e => e.Message));
        Assert.Equal(["n1"], outcome.Plan.Changes.Select(c => c.Code));
        Assert.Equal(units, await _world.ScalarAsync<long>("SELECT count(*) FROM org_units"));
    }

    [Fact]
    public async Task ImportAsync_UnderARootOutsideTheScope_IsNotFound()
    {
        using var file = Workbooks.Units(["x1", "Xã lạ", "xa", "24"]);

        var outcome = await _import.ImportAsync(_world.Admin, _world.OtherProvince.Id, UnitSheetReader.Read(file), dryRun: true, Ct);

        Assert.Equal(UnitOutcomeStatus.NotFound, outcome.Status);
    }

    [Fact]
    public async Task ImportAsync_CreatingUnderADeactivatedUnit_IsRefused()
    {
        await _world.Store.DeactivateAsync(_world.Admin, _world.CommuneB.Id, Ct);
        using var file = Workbooks.Units(["n1", "Chi hội mới", "chi_hoi", "25217"]);

        var outcome = await _import.ImportAsync(_world.Admin, _world.Province.Id, UnitSheetReader.Read(file), dryRun: false, Ct);

        Assert.Equal("Dòng 2: Đơn vị cấp trên 'Phường Bình Phước' đã ngừng hoạt động.", Assert.Single(outcome.Plan!.Errors).Message);
    }
}
