using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Outreach.Bot.Tests.Staff.Console;
using Outreach.Content.Dvhc;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Units;

/// <summary>
/// What a QA walk of a fresh install found on "Đơn vị" (the admin of "Hội LHPN tỉnh Quảng Trị"), on real PostgreSQL and the
/// real gateway: her province preselected for seeding and another province's list refused; pickers in tree order with
/// repeated names told apart and in Vietnamese order; a refused "Thêm đơn vị" keeps what she typed; the seed preview names
/// the parent; no district level for new units; a wrong file is a 400.
/// </summary>
public sealed class UnitsPageReviewTests(PostgresServer server) : IAsyncLifetime
{
    private UnitsWorld _world = null!;
    private long _quangTri;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _world = await UnitsWorld.StartAsync(server);
        _quangTri = (await _world.Seed.Units.CreateAsync(null, "tinh", "Hội LHPN tỉnh Quảng Trị", null, Ct)).Id;
        await _world.Seed.StaffAsync("quantri", _quangTri, "admin", Ct);
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Seed_HerProvinceIsPreselected_AnotherProvincesListIsRefusedInDryRunAndApply_HersIsPreviewedUnderItsName()
    {
        using var admin = await ConsoleClient.SignInAsync(_world.Host.BaseAddress, "quantri");
        var before = await UnitsAsync();

        var page = await admin.GetAsync("/staff/units");
        var canTho = await admin.PostFormAsync("/staff/units/seed", ("Province", "92"), ("Apply", "1"));
        var haNoi = await admin.PostFormAsync("/staff/units/seed", ("Province", "01"));
        var afterRefusals = await UnitsAsync();
        var own = await admin.PostFormAsync("/staff/units/seed", ("Province", "44"));

        Assert.Equal("44", Selected(page, "province"));
        Assert.Equal("Tỉnh An Giang (" + Count("91") + " xã, phường)", Parse(page).QuerySelector("#province option")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, canTho.Status);
        Assert.Contains(
            "'Hội LHPN tỉnh Quảng Trị' là đơn vị của Tỉnh Quảng Trị: không thể tạo các xã, phường của Thành phố Cần Thơ dưới đơn vị này.",
            Parse(canTho).QuerySelector("#province-loi")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("92", Selected(canTho, "province"));
        Assert.Equal(HttpStatusCode.BadRequest, haNoi.Status);
        Assert.Contains("Thành phố Hà Nội", haNoi.Text, StringComparison.Ordinal);
        Assert.Equal(before, afterRefusals);
        Assert.Equal(HttpStatusCode.OK, own.Status);
        var lines = Parse(own).QuerySelectorAll("[data-import-result] li").Select(li => li.TextContent).ToList();
        Assert.Equal(DvhcData.Load().CommunesOf("44").Count, lines.Count);
        Assert.All(lines, line => Assert.EndsWith("dưới 'Hội LHPN tỉnh Quảng Trị'", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seed_ANationalAdminSeedsEachProvinceUnderItsOwnUnitOnly()
    {
        var nation = await _world.Seed.Units.CreateAsync(null, "trung_uong", "Hội LHPN Việt Nam", null, Ct);
        await _world.ExecuteAsync("UPDATE org_units SET parent_id = @nation WHERE id = @quangTri", new { nation = nation.Id, quangTri = _quangTri });
        var hue = await _world.Seed.Units.CreateAsync(nation.Id, "tinh", "Hội LHPN thành phố Huế", null, Ct);
        await _world.Seed.StaffAsync("quantri.tw", nation.Id, "admin", Ct);
        using var admin = await ConsoleClient.SignInAsync(_world.Host.BaseAddress, "quantri.tw");

        var page = await admin.GetAsync("/staff/units");
        var underNation = await admin.PostFormAsync("/staff/units/seed", ("Province", "46"), ("Apply", "1"));
        var wrong = await admin.PostFormAsync("/staff/units/seed", ("UnitId", Id(_quangTri)), ("Province", "46"), ("Apply", "1"));
        var right = await admin.PostFormAsync("/staff/units/seed", ("UnitId", Id(hue.Id)), ("Province", "46"), ("Apply", "1"));

        Assert.Equal(["Hội LHPN thành phố Huế", "Hội LHPN tỉnh Quảng Trị"], Parse(page).QuerySelectorAll("#seedUnitId option").Select(o => o.TextContent).ToList());
        Assert.Equal(HttpStatusCode.BadRequest, underNation.Status);
        Assert.Contains("không phải đơn vị cấp tỉnh", underNation.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Contains("là đơn vị của Tỉnh Quảng Trị", wrong.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Equal(DvhcData.Load().CommunesOf("46").Count, await _world.ScalarAsync<int>("SELECT count(*)::int FROM org_units WHERE parent_id = @id", new { id = hue.Id }));
        Assert.Equal(0, await _world.ScalarAsync<int>("SELECT count(*)::int FROM org_units WHERE parent_id = @id AND level = 'xa'", new { id = _quangTri }));
    }

    [Fact]
    public async Task Pickers_FollowTheTreeInVietnameseOrder_RepeatedChiHoiNamesCarryTheirCommune()
    {
        var units = _world.Seed.Units;
        var dongHoi = await units.CreateAsync(_quangTri, "xa", "Phường Đồng Hới", null, Ct);
        var hoanLao = await units.CreateAsync(_quangTri, "xa", "Xã Hoàn Lão", null, Ct);
        var hoaTrach = await units.CreateAsync(_quangTri, "xa", "Xã Hòa Trạch", null, Ct);
        var dienSanh = await units.CreateAsync(_quangTri, "xa", "Xã Diên Sanh", null, Ct);
        var danHoa = await units.CreateAsync(_quangTri, "xa", "Xã Dân Hóa", null, Ct);
        await units.CreateAsync(dongHoi.Id, "chi_hoi", "Chi hội Tổ dân phố 1", null, Ct);
        await units.CreateAsync(hoanLao.Id, "chi_hoi", "Chi hội Tổ dân phố 1", null, Ct);
        await units.CreateAsync(danHoa.Id, "chi_hoi", "Chi hội thôn Ba Nương", null, Ct);
        using var admin = await ConsoleClient.SignInAsync(_world.Host.BaseAddress, "quantri");

        var unitsPage = await admin.GetAsync("/staff/units");
        var members = await admin.GetAsync("/staff/members");
        var channelAccounts = await admin.GetAsync("/staff/channel-accounts");

        string[] expected =
        [
            "Hội LHPN tỉnh Quảng Trị",
            "·· Phường Đồng Hới",
            "···· Chi hội Tổ dân phố 1 (Phường Đồng Hới)",
            "·· Xã Dân Hóa",
            "···· Chi hội thôn Ba Nương",
            "·· Xã Diên Sanh",
            "·· Xã Hòa Trạch",
            "·· Xã Hoàn Lão",
            "···· Chi hội Tổ dân phố 1 (Xã Hoàn Lão)",
        ];
        Assert.Equal(expected, Options(unitsPage, "#parentId"));
        Assert.Equal(expected, Options(members, "#unitId").Skip(1));
        Assert.Equal(expected, Options(channelAccounts, "#fb-unitId"));
        Assert.Equal(
            ["Hội LHPN tỉnh Quảng Trị", "Phường Đồng Hới", "Chi hội Tổ dân phố 1", "Xã Dân Hóa", "Chi hội thôn Ba Nương", "Xã Diên Sanh", "Xã Hòa Trạch", "Xã Hoàn Lão", "Chi hội Tổ dân phố 1"],
            Parse(unitsPage).QuerySelectorAll("table tbody tr td:first-child a").Select(a => a.TextContent).ToList());
        _ = (hoaTrach, dienSanh);
    }

    [Fact]
    public async Task AddUnit_RefusedForADuplicateCodeOrALongName_KeepsWhatSheTyped_NoDistrictLevelOffered()
    {
        var commune = await _world.Seed.Units.CreateAsync(_quangTri, "xa", "Phường Đồng Hới", "dong-hoi", Ct);
        using var admin = await ConsoleClient.SignInAsync(_world.Host.BaseAddress, "quantri");
        var longName = new string('a', 6000);

        var duplicate = await admin.PostFormAsync("/staff/units", ("ParentId", Id(commune.Id)), ("Level", "chi_hoi"), ("Name", "Chi hội Tổ dân phố 1"), ("Code", "dong-hoi"));
        var tooLong = await admin.PostFormAsync("/staff/units", ("ParentId", Id(commune.Id)), ("Level", "chi_hoi"), ("Name", longName), ("Code", "tdp-1"));

        Assert.Equal(HttpStatusCode.BadRequest, duplicate.Status);
        var form = Parse(duplicate);
        Assert.Equal("Chi hội Tổ dân phố 1", form.QuerySelector("#name")!.GetAttribute("value"));
        Assert.Equal("dong-hoi", form.QuerySelector("#code")!.GetAttribute("value"));
        Assert.Equal(Id(commune.Id), Selected(duplicate, "parentId"));
        Assert.Equal("chi_hoi", Selected(duplicate, "level"));
        Assert.Contains("dong-hoi", form.QuerySelector("#code-loi")!.TextContent, StringComparison.Ordinal);
        Assert.True(
            form.QuerySelector("#tao-don-vi")!.CompareDocumentPosition(form.QuerySelector("table")!).HasFlag(DocumentPositions.Following),
            "the form comes before the list of units");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Equal(longName, Parse(tooLong).QuerySelector("#name")!.GetAttribute("value"));
        Assert.Equal("tdp-1", Parse(tooLong).QuerySelector("#code")!.GetAttribute("value"));
        Assert.NotNull(Parse(tooLong).QuerySelector("#name-loi"));
        Assert.DoesNotContain("huyen", Options(duplicate, "#level").Concat(form.QuerySelectorAll("#level option").Select(o => o.GetAttribute("value")!)));
        Assert.DoesNotContain("Huyện/Quận/Thị xã", Options(duplicate, "#level"));
    }

    [Fact]
    public async Task Import_AWrongFileIs400WithItsMessage_InTheConsoleAndTheApisDryRun()
    {
        using var admin = await ConsoleClient.SignInAsync(_world.Host.BaseAddress, "quantri");
        using var api = await _world.SignInAsync("quantri");

        var console = await admin.PostFileAsync("/staff/units/import", "mã,tên"u8.ToArray(), "don-vi.csv");
        var dryRun = await api.PostFileAsync("/staff/api/units/import?dryRun=true", "mã,tên"u8.ToArray(), "don-vi.csv", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, console.Status);
        Assert.Contains("không phải bảng tính Excel", console.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, dryRun.Status);
    }

    private static IDocument Parse(ConsolePage page) => new HtmlParser().ParseDocument(page.Html);

    private static List<string> Options(ConsolePage page, string select) =>
        Parse(page).QuerySelectorAll(select + " option").Select(o => o.TextContent.Trim()).ToList();

    private static string? Selected(ConsolePage page, string id) =>
        Parse(page).QuerySelectorAll($"#{id} option").FirstOrDefault(o => o.HasAttribute("selected"))?.GetAttribute("value");

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Count(string province) =>
        DvhcData.Load().CommunesOf(province).Count.ToString("#,##0", CultureInfo.GetCultureInfo("vi-VN"));

    private Task<int> UnitsAsync() => _world.ScalarAsync<int>("SELECT count(*)::int FROM org_units");
}
