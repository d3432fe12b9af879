using Microsoft.Extensions.Time.Testing;
using Outreach.Content.Dvhc;
using Outreach.Content.Tests.UnitTree;
using Outreach.Content.UnitMatching;
using Outreach.Content.UnitSheets;
using Outreach.Content.UnitTree;
using Outreach.Testing;

namespace Outreach.Content.Tests.Dvhc;

public sealed class ProvinceSeederTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TreeWorld _world = null!;
    private ProvinceSeeder _seeder = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(Ct);
        _world = await TreeWorld.CreateAsync(_database, Ct);
        _seeder = new ProvinceSeeder(_database.DataSource, new UnitImportStore(_database.DataSource, new FakeTimeProvider(TreeWorld.Start)));
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public void Data_HasTheReformsCounts()
    {
        var data = DvhcData.Load();

        Assert.Equal(34, data.Provinces.Count);
        Assert.Equal(3321, data.Communes.Count);
        Assert.Equal(10047, data.OldUnits.Where(o => o.CommuneCode is not null).Select(o => o.CommuneCode).Distinct().Count());
        Assert.Equal("Thành phố Đồng Nai", data.Province("75")!.FullName);
        Assert.Equal("Phường Đồng Xoài", data.Commune("25210")!.FullName);
    }

    [Fact]
    public async Task SeedAsync_DongNai_AddsEveryCommuneOnceKeepsWhatIsThereAndAgainAddsNothing()
    {
        var expected = DvhcData.Load().CommunesOf("75");

        var first = await _seeder.SeedAsync(_world.Admin, _world.Province.Id, "75", dryRun: false, Ct);
        var second = await _seeder.SeedAsync(_world.Admin, _world.Province.Id, "75", dryRun: false, Ct);

        Assert.True(first.Applied, string.Join("\n", first.Plan!.Errors.Select(e => e.Message)));
        Assert.Equal(expected.Count - 2, first.Plan!.Count(UnitChangeKind.Create));
        Assert.Equal(2, first.Plan.Count(UnitChangeKind.Unchanged));
        Assert.Equal(0, second.Plan!.Count(UnitChangeKind.Create));
        var communes = (await _world.Store.ListSubtreeAsync(_world.Province.Id, _world.Province.Id, false, Ct)).Where(u => u.Level == "xa").ToList();
        Assert.Equal(expected.Count, communes.Count);
        Assert.Equal("Phường Đồng Xoài", communes.Single(u => u.Code == "25210").Name);
        Assert.Equal("75", (await _world.ReloadAsync(_world.Province, Ct)).AdminCode);
        Assert.Equal(_world.ChiHoiA1.ParentId, communes.Single(u => u.Code == "25210").Id);
        Assert.All(communes.Where(u => u.Code != "25210" && u.Code != "25217"), u => Assert.Equal(u.Code, u.AdminCode));
    }

    [Fact]
    public async Task SeedAsync_DryRun_ListsWithoutWriting()
    {
        var outcome = await _seeder.SeedAsync(_world.Admin, _world.Province.Id, "75", dryRun: true, Ct);

        Assert.False(outcome.Applied);
        Assert.True(outcome.Plan!.Count(UnitChangeKind.Create) > 90);
        Assert.Equal(4, (await _world.Store.ListSubtreeAsync(_world.Province.Id, _world.Province.Id, true, Ct)).Count);
    }

    [Fact]
    public async Task SeedAsync_UnknownProvinceOrOutsideTheScope_IsRefused()
    {
        var unknown = await _seeder.SeedAsync(_world.Admin, _world.Province.Id, "99", dryRun: false, Ct);
        var outside = await _seeder.SeedAsync(_world.Admin, _world.OtherProvince.Id, "24", dryRun: false, Ct);

        Assert.Equal("Không có tỉnh/thành phố mã '99' trong danh mục đơn vị hành chính 2025.", Assert.Single(unknown.Plan!.Errors).Message);
        Assert.Equal(UnitOutcomeStatus.NotFound, outside.Status);
    }

    [Fact]
    public async Task SeedAsync_AnotherProvincesListUnderThisProvince_IsRefusedInDryRunAndApply_NothingWritten()
    {
        var before = await _world.ScalarAsync<int>("SELECT count(*)::int FROM org_units");

        var canTho = await _seeder.SeedAsync(_world.Admin, _world.Province.Id, "92", dryRun: false, Ct);
        var haNoi = await _seeder.SeedAsync(_world.Admin, _world.Province.Id, "01", dryRun: true, Ct);
        var underCommune = await _seeder.SeedAsync(_world.Admin, _world.CommuneA.Id, "75", dryRun: true, Ct);

        Assert.Equal(UnitOutcomeStatus.Invalid, canTho.Status);
        Assert.Equal(
            "'Hội LHPN tỉnh Đồng Nai' là đơn vị của Thành phố Đồng Nai: không thể tạo các xã, phường của Thành phố Cần Thơ dưới đơn vị này. "
            + "Hãy chọn Thành phố Đồng Nai, hoặc tạo dưới đơn vị Hội LHPN của Thành phố Cần Thơ.",
            Assert.Single(canTho.Plan!.Errors).Message);
        Assert.Equal(UnitOutcomeStatus.Invalid, haNoi.Status);
        Assert.Contains("Thành phố Hà Nội", Assert.Single(haNoi.Plan!.Errors).Message, StringComparison.Ordinal);
        Assert.Contains("không phải đơn vị cấp tỉnh", Assert.Single(underCommune.Plan!.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(before, await _world.ScalarAsync<int>("SELECT count(*)::int FROM org_units"));
        Assert.Null((await _world.ReloadAsync(_world.Province, Ct)).AdminCode);
    }

    [Fact]
    public async Task SeedAsync_AUnitNamedForNoProvince_TakesTheFirstListThenRefusesAnother()
    {
        var unnamed = await new Seed(_database).Units.CreateAsync(null, "tinh", "Hội LHPN", null, Ct);
        var admin = new UnitActor(_world.AdminId, unnamed.Id);

        var first = await _seeder.SeedAsync(admin, unnamed.Id, "44", dryRun: false, Ct);
        await _world.ScalarAsync<int>("UPDATE org_units SET admin_code = NULL WHERE id = @id RETURNING 0", new { id = unnamed.Id });
        var other = await _seeder.SeedAsync(admin, unnamed.Id, "92", dryRun: true, Ct);

        Assert.True(first.Applied);
        Assert.Equal(UnitOutcomeStatus.Invalid, other.Status);
        Assert.Contains("là đơn vị của Tỉnh Quảng Trị", Assert.Single(other.Plan!.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hội LHPN tỉnh Quảng Trị", null, null, "44")]
    [InlineData("HOI LHPN TINH QUANG TRI", null, null, "44")]
    [InlineData("Hội Liên hiệp Phụ nữ thành phố Hồ Chí Minh", null, null, "79")]
    [InlineData("Hội LHPN", "quang-tri", null, "44")]
    [InlineData("Hội LHPN", "44", null, "44")]
    [InlineData("Hội LHPN", null, "92", "92")]
    [InlineData("Hội LHPN tỉnh Quảng Trị", null, "92", "44")]
    [InlineData("Hội LHPN", "hlhpn", null, null)]
    public void UnitProvince_FromNameThenCodeThenAdminCode(string name, string? code, string? adminCode, string? expected) =>
        Assert.Equal(expected, UnitProvince.Of(DvhcData.Load(), name, code, adminCode)?.Code);

    [Fact]
    public async Task PlaceIndexStore_AfterSeeding_MatchesOldNamesAndFollowsTreeChanges()
    {
        await _seeder.SeedAsync(_world.Admin, _world.Province.Id, "75", dryRun: false, Ct);
        var store = new PlaceIndexStore(_database.DataSource);

        var index = await store.GetAsync(_world.ChiHoiA1.Id, Ct);
        var cached = await store.GetAsync(_world.Province.Id, Ct);
        var tienThanh = index!.Match("xa tien thanh")[0];
        await _world.Store.RenameAsync(_world.Admin, _world.CommuneA.Id, "Phường Đồng Xoài Mới", Ct);
        var renamed = (await store.GetAsync(_world.Province.Id, Ct))!.Match("dong xoai moi")[0];

        Assert.Same(index, cached);
        Assert.Equal(_world.CommuneA.Id, tienThanh.UnitId);
        Assert.Equal(PlaceMatchKind.OldCommune, tienThanh.Kind);
        Assert.Equal("Phường Đồng Xoài Mới", renamed.UnitName);
    }
}
