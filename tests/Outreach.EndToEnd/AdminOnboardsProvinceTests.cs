using Dapper;
using Microsoft.Playwright;
using Outreach.Bot.Hosting;
using Outreach.Testing;

namespace Outreach.EndToEnd;

/// <summary>
/// A province admin onboards her province in chromium, at a phone's width (390 px): imports a tree .xlsx (a dry run, then
/// applies it), seeds the province's communes from the 2025 data, moves a unit, merges two communes after the confirmation
/// of what moves, opens a commune's QR page, and on "Hội viên" filters by name and moves a member. Screenshots in
/// TestResults/screenshots/admin-onboards-province/.
/// </summary>
public sealed class AdminOnboardsProvinceTests(PostgresServer server) : IAsyncLifetime
{
    private readonly Screenshots _screenshots = new("admin-onboards-province");
    private Journey _journey = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _journey = await Journey.OpenAsync(server, ct);
        var seed = _journey.Seed;
        var province = await seed.Units.CreateAsync(null, "tinh", "Hội LHPN tỉnh Lai Châu", "lai-chau", ct);
        await seed.StaffAsync("quantri.tinh", province.Id, "admin", ct);
        var lan = await seed.ContactAsync("messenger", "psid-lan", province.Id, TimeSpan.FromHours(1), DateTimeOffset.UtcNow, [], ct: ct);
        await using (var connection = await _journey.Database.DataSource.OpenConnectionAsync(ct))
        {
            await connection.ExecuteAsync("UPDATE contacts SET display_name = 'Nguyễn Thị Lan' WHERE id = @lan", new { lan });
        }

        await _journey.StartAsync(new Dictionary<string, string?> { ["Outreach:Scheduler:RunServer"] = "false" }, ct);
    }

    public ValueTask DisposeAsync() => _journey.DisposeAsync();

    [Fact]
    public async Task AdminImportsSeedsMovesMergesOpensQrAndMovesAMember()
    {
        var page = await _journey.Chromium.Context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/staff");
        await ConsoleSignIn.SubmitAsync(page, "quantri.tinh");
        await page.GotoAsync("/staff/units");

        using var sheet = Workbooks.Units(
            ["xa-an", "Xã An", "xa", "lai-chau"], ["xa-binh", "Xã Bình", "xa", "lai-chau"], ["ch-1", "Chi hội thôn 1", "chi_hoi", "xa-an"]);
        await page.GetByLabel("Tệp bảng tính (.xlsx)").SetInputFilesAsync(new FilePayload
        {
            Name = "don-vi.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = sheet.ToArray(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Chạy thử" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-import-counts]")).ToContainTextAsync("Thêm mới: 3");
        await _screenshots.TakeAsync(page, "chay-thu");
        await page.GetByRole(AriaRole.Button, new() { Name = "Áp dụng các thay đổi này" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-unit-code=ch-1]")).ToBeVisibleAsync();

        await page.GetByLabel("Tỉnh, thành phố").SelectOptionAsync("12");
        await page.GetByLabel("Ghi ngay", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo các xã, phường" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-unit-code='03388']")).ToBeVisibleAsync();
        await _screenshots.TakeAsync(page, "da-tao-xa");

        await page.Locator("[data-unit-code=ch-1] a").ClickAsync();
        await page.GetByLabel("Đơn vị cấp trên mới").SelectOptionAsync(new SelectOptionValue { Label = "·· Xã Bình" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Chuyển", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu đơn vị.");

        await page.GotoAsync("/staff/units");
        await page.Locator("[data-unit-code=xa-an] a").ClickAsync();
        await page.GetByLabel("Đơn vị tiếp nhận").SelectOptionAsync(new SelectOptionValue { Label = "·· Xã Bình" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước khi sáp nhập" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-merge-preview]")).ToContainTextAsync("Xã Bình");
        await _screenshots.TakeAsync(page, "xac-nhan-sap-nhap");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận sáp nhập" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã sáp nhập");

        await page.GetByRole(AriaRole.Link, new() { Name = "Mã QR và tài liệu tham gia (in A4)" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-join-code]")).ToBeVisibleAsync();
        await _screenshots.TakeAsync(page, "ma-qr");

        await page.GotoAsync("/staff/members");
        await page.GetByLabel("Tên").FillAsync("nguyen thi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-member-total]")).ToContainTextAsync("1 hội viên");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nguyễn Thị Lan" }).ClickAsync();
        await page.GetByLabel("Đơn vị mới").SelectOptionAsync(new SelectOptionValue { Label = "·· Xã Bình" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Chuyển hội viên" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-member-unit]")).ToHaveTextAsync("Xã Bình");
        await _screenshots.TakeAsync(page, "chuyen-hoi-vien");
    }
}
