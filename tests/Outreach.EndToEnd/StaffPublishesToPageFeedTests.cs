using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Outreach.Bot.Hosting;
using Outreach.Emulators.Messenger;
using Outreach.Testing;

namespace Outreach.EndToEnd;

/// <summary>
/// Issue 16, slice 1, in Debian's headless chromium: a province editor writes a post for the Page feed only and previews it as the
/// feed shows it, submits it; the approver approves it and sends it now; at its time the post appears on the Page's feed on
/// the Messenger emulator, once, and its page shows "Đã đăng" with the Facebook post id. Screenshots land in
/// TestResults/screenshots/staff-publishes-to-page-feed/.
/// </summary>
public sealed partial class StaffPublishesToPageFeedTests(PostgresServer server) : IAsyncLifetime
{
    private const string Title = "Ngày hội phụ nữ khởi nghiệp 2026";
    private const string Body = "Hội LHPN tỉnh mời chị em đăng ký ngày hội khởi nghiệp: tư vấn vay vốn ưu đãi và gian hàng miễn phí.";

    private readonly Screenshots _screenshots = new("staff-publishes-to-page-feed");
    private Journey _journey = null!;
    private MessengerEmulator _messenger = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _journey = await Journey.OpenAsync(server, ct);
        var seed = _journey.Seed;
        var province = await seed.UnitAsync(null, "tinh", "Hội LHPN tỉnh Thử Nghiệm", ct);
        await seed.StaffAsync("bientap.tinh", province.Id, "editor", ct);
        await seed.StaffAsync("duyet.tinh", province.Id, "approver", ct);
        _messenger = await _journey.AddAsync(MessengerEmulator.StartAsync(cancellationToken: ct));
        var settings = _messenger.GatewaySettings();
        TestHost.AtAnyHour(settings);
        await _journey.StartAsync(settings, ct);
    }

    public ValueTask DisposeAsync() => _journey.DisposeAsync();

    [Fact]
    public async Task EditorWritesForTheFeed_ApproverSendsNow_ThePageFeedGetsItOnce_AndThePostShowsItsFacebookId()
    {
        var page = await _journey.Chromium.Context.NewPageAsync();
        await ConsoleSignIn.SignInAsync(page, "bientap.tinh");
        var postUrl = await WriteAndSubmitAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();

        await ConsoleSignIn.SignInAsync(page, "duyet.tinh");
        await page.GotoAsync(postUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Duyệt bài" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-post-status]")).ToHaveTextAsync("Đã duyệt");
        await page.GetByLabel("Gửi ngay").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lên lịch" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng lên bảng tin Trang Facebook của đơn vị?", Level = 1 })).ToBeVisibleAsync();
        await _screenshots.TakeAsync(page, "xac-nhan-dang");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận gửi ngay" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lên lịch gửi.");

        var posts = await _messenger.WaitForFeedPostsAsync(1, TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken);
        var published = Assert.Single(posts);
        Assert.Equal($"{Title}\n\n{Body}", published.Message);

        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(90);
        var row = page.Locator("[data-publication-status=published]");
        var status = page.Locator("[data-post-status]");
        // The Page post is recorded, then the post takes its outcome (a write of its own): wait for both.
        while (!await row.IsVisibleAsync() || (await status.TextContentAsync())?.Trim() != "Đã gửi")
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "The post page never showed the Page post as published and the post as sent.");
            await page.ReloadAsync();
        }

        await Assertions.Expect(row.Locator("[data-platform-post-id]")).ToHaveTextAsync(published.Id);
        await Assertions.Expect(row).ToContainTextAsync("Đã đăng");
        await Assertions.Expect(page.Locator("[data-post-status]")).ToHaveTextAsync("Đã gửi");
        await _screenshots.TakeAsync(page, "da-dang-len-trang");
        Assert.Single(_messenger.FeedPosts);
    }


    private async Task<string> WriteAndSubmitAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Viết bài mới" }).First.ClickAsync();
        await page.GetByLabel("Tiêu đề").FillAsync(Title);
        await page.GetByLabel("Nội dung").FillAsync(Body);
        await page.GetByLabel("Chủ đề").SelectOptionAsync("loan");
        await page.GetByLabel("Tin nhắn cho hội viên").UncheckAsync();
        await page.GetByLabel("Bảng tin Trang Facebook của đơn vị").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        var feed = page.Locator("[data-preview=facebook_feed] .bubble");
        await Assertions.Expect(feed).ToContainTextAsync(Title);
        await Assertions.Expect(feed).ToContainTextAsync(Body);
        await _screenshots.TakeAsync(page, "xem-truoc-bang-tin");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã tạo bài viết (bản nháp).");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi duyệt" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-post-status]")).ToHaveTextAsync("Chờ duyệt");
        await _screenshots.TakeAsync(page, "da-gui-duyet");
        return new Uri(page.Url).PathAndQuery.Split('?')[0];
    }

}
