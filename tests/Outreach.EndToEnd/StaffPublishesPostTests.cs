using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Outreach.Bot.Hosting;
using Outreach.Emulators.Messenger;
using Outreach.Testing;

namespace Outreach.EndToEnd;

/// <summary>
/// The console end to end, in Debian's headless chromium: a commune editor writes a post and previews it, submits it; the
/// province approver finds it in her queue, approves it and sends it now; the calendar shows it; the broadcast runs against
/// the Messenger emulator while the progress page counts up live; the reach dashboard then counts the members reached and the
/// target the approver set moves (StaffPublishesPostTests.Reach.cs). Screenshots of every step land in
/// TestResults/screenshots/staff-publishes-post/.
/// </summary>
public sealed partial class StaffPublishesPostTests(PostgresServer server) : IAsyncLifetime
{
    private const int Members = 15;
    private const string Title = "Khám sàng lọc ung thư vú miễn phí";

    private readonly Screenshots _screenshots = new("staff-publishes-post");
    private Journey _journey = null!;
    private MessengerEmulator _messenger = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _journey = await Journey.OpenAsync(server, ct);
        var seed = _journey.Seed;
        var province = await seed.UnitAsync(null, "tinh", "Hội LHPN tỉnh Thử Nghiệm", ct);
        var commune = await seed.UnitAsync(province.Id, "xa", "Hội LHPN xã An Bình", ct);
        await seed.StaffAsync("bientap.xa", commune.Id, "editor", ct);
        await seed.StaffAsync("duyet.tinh", province.Id, "approver", ct);

        // Members who wrote to the Page an hour ago: inside Messenger's 24-hour window, on our side and the emulator's.
        var lastWrote = TimeProvider.System.GetUtcNow().AddHours(-1);
        await seed.ManyContactsAsync("messenger", Members, commune.Id, "health", lastWrote, "psid-", ct);
        var page = Seed.AccountFor("messenger");
        _messenger = await _journey.AddAsync(MessengerEmulator.StartAsync(
            new MessengerEmulatorOptions { PageTokens = new Dictionary<string, string> { [page] = "test-page-token" } }, ct));
        for (var i = 1; i <= Members; i++)
        {
            _messenger.UserInteracted($"psid-{i}", lastWrote);
        }

        // Slow sending (3 a second, recorded two at a time) so the progress page has something to count live.
        var settings = _messenger.GatewaySettings();
        settings["Outreach:Broadcasts:RatePerSecond:messenger"] = "3";
        settings["Outreach:Broadcasts:Concurrency"] = "2";
        settings["Outreach:Broadcasts:WorkersPerBroadcast"] = "1";

        // "Gửi ngay" means now at any hour of the test run: no quiet hours (from = until is an empty window).
        TestHost.AtAnyHour(settings);
        await _journey.StartAsync(settings, ct);
    }

    public ValueTask DisposeAsync() => _journey.DisposeAsync();

    [Fact]
    public async Task EditorWritesApproverSendsNow_MembersReceiveItProgressCountsUpLiveAndTheTargetBarMoves()
    {
        var page = await _journey.Chromium.Context.NewPageAsync();

        await SignInAsync(page, "bientap.xa");
        var postUrl = await WriteAndSubmitAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();

        await SignInAsync(page, "duyet.tinh");
        await SetTargetAsync(page);
        await ApproveAndSendNowAsync(page, postUrl);
        await CheckCalendarAsync(page);
        var seen = await WatchProgressAsync(page, postUrl);
        await SeeReachMoveAsync(page);

        Assert.True(seen.Distinct().Count() >= 2, $"The progress page never counted up by itself: it showed {string.Join(", ", seen)}.");
        var received = _messenger.Sends.Where(s => s.Accepted && s.Text?.StartsWith(Title, StringComparison.Ordinal) == true).ToList();
        Assert.Equal(Members, received.Select(s => s.RecipientId).Distinct().Count());
        Assert.All(received, s => Assert.Equal("UPDATE", s.MessagingType));
    }

    private async Task SignInAsync(IPage page, string username)
    {
        await page.GotoAsync("/staff");
        await Assertions.Expect(page).ToHaveURLAsync(LoginUrl());
        await page.GetByLabel("Tên đăng nhập").FillAsync(username);
        await page.GetByLabel("Mật khẩu").FillAsync(Seed.Password);
        await _screenshots.TakeAsync(page, $"dang-nhap-{username}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tổng quan", Level = 1 })).ToBeVisibleAsync();
    }

    private async Task<string> WriteAndSubmitAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Viết bài mới" }).First.ClickAsync();
        await page.GetByLabel("Tiêu đề").FillAsync(Title);
        await page.GetByLabel("Nội dung").FillAsync(
            "Hội LHPN xã phối hợp Trạm y tế khám miễn phí cho hội viên từ 40 tuổi, sáng thứ Bảy tại hội trường xã.");
        await page.GetByLabel("Đường dẫn (không bắt buộc)").FillAsync("https://hoiphunu.example.vn/kham-sang-loc");
        await page.GetByLabel("Chủ đề").SelectOptionAsync("health");
        // No Zalo OA is configured here: the editor does not offer Zalo (issue 18.8).
        await Assertions.Expect(page.GetByLabel("Zalo")).ToHaveCountAsync(0);
        await page.GetByLabel("Hội LHPN xã An Bình").CheckAsync();

        // An urgent notice is not held back by the night's quiet hours, so the journey runs at any time of day.
        await page.GetByLabel("Tin tuyên truyền", new() { Exact = false }).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        var preview = page.Locator("[data-preview=messenger] .bubble");
        await Assertions.Expect(preview).ToHaveCountAsync(1);
        await Assertions.Expect(preview).ToContainTextAsync(Title);
        await Assertions.Expect(preview).ToContainTextAsync("https://hoiphunu.example.vn/kham-sang-loc");
        await _screenshots.TakeAsync(page, "xem-truoc");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã tạo bài viết (bản nháp).");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi duyệt" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-post-status]")).ToHaveTextAsync("Chờ duyệt");
        await _screenshots.TakeAsync(page, "da-gui-duyet");
        return new Uri(page.Url).PathAndQuery.Split('?')[0];
    }

    private async Task ApproveAndSendNowAsync(IPage page, string postUrl)
    {
        await Menu(page, "Chờ duyệt").ClickAsync();
        var queued = page.GetByRole(AriaRole.Link, new() { Name = Title });
        await Assertions.Expect(queued).ToBeVisibleAsync();
        await _screenshots.TakeAsync(page, "hang-cho-duyet");
        await queued.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(postUrl) + "$"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Duyệt bài" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-post-status]")).ToHaveTextAsync("Đã duyệt");
        await page.GetByLabel("Gửi ngay").CheckAsync();
        await _screenshots.TakeAsync(page, "da-duyet-len-lich");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lên lịch" }).ClickAsync();

        // Nothing goes before she sees how many members it goes to (issue 18.4).
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Gửi tới {Members} hội viên?", Level = 1 })).ToBeVisibleAsync();
        await _screenshots.TakeAsync(page, "xac-nhan-gui");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận gửi ngay" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lên lịch gửi.");
    }

    private async Task CheckCalendarAsync(IPage page)
    {
        await Menu(page, "Lịch gửi").ClickAsync();
        var today = page.Locator("td.today");
        await Assertions.Expect(today.GetByRole(AriaRole.Link, new() { Name = Title })).ToBeVisibleAsync();
        await _screenshots.TakeAsync(page, "lich-gui");
    }

    // Opens the sending as soon as it exists and records the "done" count the page shows, without reloading it, until it completes.
    private async Task<List<string>> WatchProgressAsync(IPage page, string postUrl)
    {
        await page.GotoAsync(postUrl);
        var sending = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Đợt gửi") });
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(120);
        while (!await sending.IsVisibleAsync())
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "The post was never planned into a sending.");
            await page.ReloadAsync();
        }

        await sending.ClickAsync();
        var done = page.Locator("[data-count=done]").First;
        var seen = new List<string> { await done.InnerTextAsync() };
        await _screenshots.TakeAsync(page, "dang-gui");
        var finished = page.Locator("[data-broadcast-status=completed]");
        while (!await finished.IsVisibleAsync())
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline.AddSeconds(60),
                $"The sending never completed; the page showed {string.Join(", ", seen)}.");
            await page.WaitForTimeoutAsync(250);
            seen.Add(await done.InnerTextAsync());
        }

        var sent = page.Locator("[data-count=sent]").First;
        await Assertions.Expect(sent).ToHaveTextAsync(Members.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("[data-broadcast-controls]")).ToBeHiddenAsync();
        await _screenshots.TakeAsync(page, "da-gui-xong");
        return seen;
    }

    private static ILocator Menu(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Menu chính" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    [GeneratedRegex("/staff/login")]
    private static partial Regex LoginUrl();
}
