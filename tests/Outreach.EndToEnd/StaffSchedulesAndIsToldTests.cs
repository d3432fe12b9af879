using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Outreach.Bot.Hosting;
using Outreach.Content.Broadcasts;
using Outreach.Content.Posts;
using Outreach.Testing;

namespace Outreach.EndToEnd;

/// <summary>
/// Issue 18.3, 18.4 and 18.5 in chromium set to English (the date fields must not follow it): the approver sees "Gửi tới N hội
/// viên?" before sending, and for a commune without members why nobody and where members join; sets a weekly schedule with
/// pickers, never cron; and, while she sits on the overview, a member's crisis message raises a banner and the menu's count
/// without a reload. Screenshots in TestResults/screenshots/staff-schedules-and-is-told/.
/// </summary>
public sealed partial class StaffSchedulesAndIsToldTests(PostgresServer server) : IAsyncLifetime
{
    private const int Members = 4;
    private const string Reached = "Ngày hội phụ nữ khởi nghiệp";
    private const string Nobody = "Tập huấn kỹ năng số";

    private readonly Screenshots _screenshots = new("staff-schedules-and-is-told");
    private Journey _journey = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _journey = await Journey.OpenAsync(server, ct);
        var seed = _journey.Seed;
        var province = await seed.UnitAsync(null, "tinh", "Hội LHPN tỉnh Thử Nghiệm", ct);
        var communeA = await seed.UnitAsync(province.Id, "xa", "Hội LHPN xã An Bình", ct);
        var communeB = await seed.UnitAsync(province.Id, "xa", "Hội LHPN xã Tân Lập", ct);
        var editor = await seed.StaffAsync("bientap.xa", communeA.Id, "editor", ct);
        await seed.StaffAsync("duyet.tinh", province.Id, "approver", ct);
        await seed.ManyContactsAsync("messenger", Members, communeA.Id, "union", TimeProvider.System.GetUtcNow().AddHours(-1), "psid-", ct);

        var posts = new PostStore(_journey.Database.DataSource, TimeProvider.System);
        foreach (var (title, unit) in new[] { (Reached, communeA), (Nobody, communeB) })
        {
            var post = await posts.CreateAsync(new Post
            {
                OrgUnitId = unit.Id, Title = title, Body = "Mời hội viên tham gia, chi tiết tại hội trường xã.", Topic = "union",
                Audience = Audience.Of(["messenger"], [unit.Id]), CreatedBy = editor.Id,
            }, ct);
            await posts.TransitionAsync(post.Id, PostStatuses.Draft, PostStatuses.Submitted, editor.Id, null, null, ct);
        }

        // No Hangfire server: nothing is sent; the console asks what is new every second.
        await _journey.StartAsync(new Dictionary<string, string?>
        {
            ["Outreach:Scheduler:RunServer"] = "false",
            ["Outreach:Staff:Live:PollSeconds"] = "1",
        }, ct, locale: "en-US");
    }

    public ValueTask DisposeAsync() => _journey.DisposeAsync();

    [Fact]
    public async Task ApproverConfirmsWithTheCount_SeesWhyNobody_SchedulesWeeklyWithoutCron_AndACrisisArrivesLive()
    {
        var page = await _journey.Chromium.Context.NewPageAsync();
        await ConsoleSignIn.SignInAsync(page, "duyet.tinh");

        await ConfirmWithTheCountAsync(page);
        await NobodyAndWhyAsync(page);
        await WeeklyWithoutCronAsync(page);
        await CrisisArrivesLiveAsync(page);
    }

    private async Task ConfirmWithTheCountAsync(IPage page)
    {
        await OpenAndApproveAsync(page, Reached);
        await page.GetByLabel("Gửi ngay").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lên lịch" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Gửi tới {Members} hội viên?", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-zero-cause]")).ToHaveCountAsync(0);
        await _screenshots.TakeAsync(page, "xac-nhan-so-hoi-vien");

        // Going back keeps the form as it was; nothing was scheduled.
        await page.GetByRole(AriaRole.Button, new() { Name = "Quay lại sửa lịch" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Gửi ngay")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("[data-post-status]")).ToHaveTextAsync("Đã duyệt");
    }

    private async Task NobodyAndWhyAsync(IPage page)
    {
        await OpenAndApproveAsync(page, Nobody);
        await page.GetByLabel("Gửi ngay").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lên lịch" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gửi tới 0 hội viên?", Level = 1 })).ToBeVisibleAsync();
        var why = page.Locator("[data-zero-cause=no_members]");
        await Assertions.Expect(why).ToContainTextAsync("Chưa có hội viên nào dùng Messenger trong các đơn vị đã chọn.");
        await Assertions.Expect(why.GetByRole(AriaRole.Link, new() { Name = "Mã QR và tài liệu tham gia · Hội LHPN xã Tân Lập" })).ToBeVisibleAsync();
        await _screenshots.TakeAsync(page, "khong-ai-nhan-va-ly-do");
    }

    private async Task WeeklyWithoutCronAsync(IPage page)
    {
        await OpenAsync(page, Reached);
        await page.GetByLabel("Hằng tuần").CheckAsync();
        await Assertions.Expect(page.GetByLabel("Ngày gửi (ngày/tháng/năm)")).ToBeHiddenAsync();
        await page.GetByLabel("Gửi lúc (giờ:phút, 24 giờ)").FillAsync("08:00");
        // Thứ Hai and Thứ Năm (cron's numbering: 1 and 4), the boxes the page shows under "Vào các ngày".
        await page.Locator("input[name=Weekdays][value='1']").CheckAsync();
        await page.Locator("input[name=Weekdays][value='4']").CheckAsync();
        await Assertions.Expect(page.Locator("#cron")).ToBeHiddenAsync();
        await _screenshots.TakeAsync(page, "lich-hang-tuan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lên lịch" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-repeat]")).ToHaveTextAsync("Hằng tuần vào Thứ Hai, Thứ Năm lúc 08:00");
        await _screenshots.TakeAsync(page, "lich-hang-tuan-xac-nhan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận lên lịch" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lên lịch gửi.");
        await Assertions.Expect(page.Locator("[data-schedule]")).ToHaveTextAsync("Hằng tuần vào Thứ Hai, Thứ Năm lúc 08:00");

        // Once, on a date typed day first whatever the browser's language.
        await page.GetByLabel("Một lần, vào lúc").CheckAsync();
        await Assertions.Expect(page.GetByLabel("Ngày gửi (ngày/tháng/năm)")).ToHaveAttributeAsync("placeholder", "dd/mm/yyyy");
        await Menu(page, "Lịch gửi").ClickAsync();
        await Assertions.Expect(page.Locator("table.calendar").GetByRole(AriaRole.Link, new() { Name = Reached }).First).ToBeVisibleAsync();
        await _screenshots.TakeAsync(page, "lich-gui-hang-tuan");
    }

    private async Task CrisisArrivesLiveAsync(IPage page)
    {
        await Menu(page, "Tổng quan").ClickAsync();
        var count = page.Locator("[data-live-count=total]");
        var before = int.Parse((await count.TextContentAsync())!.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Locator("[data-live-banner]")).ToHaveCountAsync(0);

        using var http = new HttpClient { BaseAddress = _journey.Host.BaseAddress };
        var answer = await new WebChatClient(http).PostAsync("chi-binh", "chồng em đang đánh em", cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(answer.IsSuccessStatusCode);

        var banner = page.Locator("[data-live-banner=alert]");
        await Assertions.Expect(banner).ToContainTextAsync("Cảnh báo khẩn cấp mới", new() { Timeout = 30_000 });
        await Assertions.Expect(banner).ToHaveAttributeAsync("role", "alert");
        await Assertions.Expect(count).Not.ToHaveTextAsync(before.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await _screenshots.TakeAsync(page, "canh-bao-moi-khong-tai-lai");
        await banner.GetByRole(AriaRole.Link, new() { Name = "Mở hộp thư hỗ trợ" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-crisis-alerts]")).ToBeVisibleAsync();
    }

    private async Task OpenAndApproveAsync(IPage page, string title)
    {
        await Menu(page, "Chờ duyệt").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Duyệt bài" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-post-status]")).ToHaveTextAsync("Đã duyệt");
    }

    private static async Task OpenAsync(IPage page, string title)
    {
        await Menu(page, "Bài viết").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = title }).First.ClickAsync();
    }


    private static ILocator Menu(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Menu chính" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

}
