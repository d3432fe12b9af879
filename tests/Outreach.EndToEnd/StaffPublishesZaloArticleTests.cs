using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Outreach.Bot.Hosting;
using Outreach.Emulators.Messenger;
using Outreach.Emulators.Zalo;
using Outreach.Scheduler.Insights;
using Outreach.Testing;
using SkiaSharp;

namespace Outreach.EndToEnd;

/// <summary>
/// Issue 16, slice 3, in Debian's headless chromium: an editor writes a post for the Page feed and as a Zalo OA article, adds its
/// image in the editor, sees the article's preview with its cover, submits it; the approver approves it and sends it now; at its
/// time the Page gets a photo post and the OA an article that waits for Zalo's moderation, then is broadcast, once each; the
/// post's page shows the moderation ("Đã duyệt") and both parts published; the platforms' views arrive through the insights job
/// and show on the post's page and on the dashboard beside message reach. Screenshots land in
/// TestResults/screenshots/staff-publishes-zalo-article/.
/// </summary>
public sealed partial class StaffPublishesZaloArticleTests(PostgresServer server) : IAsyncLifetime
{
    private const string Title = "Khám sàng lọc ung thư vú miễn phí";
    private const string Body = "Hội LHPN tỉnh phối hợp Bệnh viện tỉnh khám sàng lọc ung thư vú miễn phí cho hội viên từ 40 tuổi, sáng thứ Bảy tại trạm y tế xã.";

    private readonly Screenshots _screenshots = new("staff-publishes-zalo-article");
    private Journey _journey = null!;
    private MessengerEmulator _messenger = null!;
    private ZaloEmulator _zalo = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _journey = await Journey.OpenAsync(server, ct);
        var seed = _journey.Seed;
        var province = await seed.UnitAsync(null, "tinh", "Hội LHPN tỉnh Thử Nghiệm", ct);
        await seed.StaffAsync("bientap.tinh", province.Id, "editor", ct);
        await seed.StaffAsync("duyet.tinh", province.Id, "approver", ct);
        _messenger = await _journey.AddAsync(MessengerEmulator.StartAsync(cancellationToken: ct));
        _zalo = await _journey.AddAsync(ZaloEmulator.StartAsync(cancellationToken: ct));
        _zalo.ModerationTime = TimeSpan.FromSeconds(3);
        var port = GatewayProcess.FreePort();
        var settings = _messenger.GatewaySettings();
        foreach (var (key, value) in _zalo.GatewaySettings())
        {
            settings[key] = value;
        }

        settings["Urls"] = $"http://127.0.0.1:{port}";
        settings["Outreach:Publishing:PublicBaseUrl"] = $"http://127.0.0.1:{port}/";
        settings["Outreach:Publishing:ZaloVerifySeconds"] = "1";
        TestHost.AtAnyHour(settings);
        await _journey.StartAsync(settings, ct);
    }

    public ValueTask DisposeAsync() => _journey.DisposeAsync();

    [Fact]
    public async Task PostWithAnImage_GoesToThePageAndAsAZaloArticleOnce_ModerationAndViewsShowBesideMessageReach()
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await _journey.Chromium.Context.NewPageAsync();
        await ConsoleSignIn.SignInAsync(page, "bientap.tinh");
        var postUrl = await WriteWithImageAndSubmitAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();

        await ConsoleSignIn.SignInAsync(page, "duyet.tinh");
        await page.GotoAsync(postUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Duyệt bài" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-post-status]")).ToHaveTextAsync("Đã duyệt");
        await page.GetByLabel("Gửi ngay").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lên lịch" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-confirm-zalo]")).ToBeVisibleAsync();
        await _screenshots.TakeAsync(page, "xac-nhan-dang");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận gửi ngay" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lên lịch gửi.");

        var feed = Assert.Single(await _messenger.WaitForFeedPostsAsync(1, TimeSpan.FromSeconds(90), ct));
        Assert.Equal("image/jpeg", feed.PhotoType);
        var article = await WaitForBroadcastAsync(ct);

        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(90);
        var zaloRow = page.Locator("[data-zalo-article][data-publication-status=published]");
        var status = page.Locator("[data-post-status]");
        while (!await zaloRow.IsVisibleAsync() || (await status.TextContentAsync())?.Trim() != "Đã gửi")
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "The post page never showed the Zalo article as broadcast and the post as sent.");
            await page.ReloadAsync();
        }

        await Assertions.Expect(zaloRow).ToContainTextAsync("Đã duyệt");
        await Assertions.Expect(zaloRow.Locator("[data-platform-post-id]")).ToHaveTextAsync(article);
        await Assertions.Expect(page.Locator("[data-publication-status=published]").First).ToBeVisibleAsync();
        await _screenshots.TakeAsync(page, "da-duyet-va-gui");

        // The platforms report views; the insights job reads them without anyone linking the posts.
        _zalo.PublishArticle(article, Title, 1234, 56);
        _messenger.PublishPost(feed.Id, new Dictionary<string, System.Text.Json.Nodes.JsonNode>
        {
            ["post_total_media_view_unique"] = 2927, ["post_media_view"] = 5557, ["post_clicks"] = 12,
        });
        await _journey.Host.Services.GetRequiredService<PollInsightsJob>().RunAsync(ct);
        await page.ReloadAsync();
        var reach = page.Locator("[data-post-reach]");
        await Assertions.Expect(reach.Locator("[data-platform-reach=zalo] [data-measure=views]")).ToHaveTextAsync("1.234");
        await Assertions.Expect(reach.Locator("[data-platform-reach=facebook] [data-measure=views]")).ToHaveTextAsync("5.557");
        await Assertions.Expect(reach.Locator("[data-platform-reach=facebook] [data-measure=viewers]")).ToHaveTextAsync("2.927");
        await _screenshots.TakeAsync(page, "tiep-can-cua-bai");

        await page.GotoAsync("/staff/reach");
        var table = page.Locator("[data-platform-posts]");
        await Assertions.Expect(table.Locator("[data-platform=zalo] [data-measure=views]")).ToHaveTextAsync("1.234");
        await Assertions.Expect(table.Locator("[data-platform=facebook] [data-measure=viewers]")).ToHaveTextAsync("2.927");
        await table.ScrollIntoViewIfNeededAsync();
        await _screenshots.TakeAsync(page, "bang-dieu-khien-trang-va-oa");

        Assert.Single(_messenger.FeedPosts);
        Assert.Single(_zalo.CreatedArticles);
        Assert.Single(_zalo.Broadcasts);
    }

    private async Task<string> WaitForBroadcastAsync(CancellationToken ct)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(90);
        while (_zalo.Broadcasts.Count == 0)
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "Zalo never got the article broadcast.");
            await Task.Delay(200, ct);
        }

        return Assert.Single(Assert.Single(_zalo.Broadcasts).ArticleIds);
    }


    private async Task<string> WriteWithImageAndSubmitAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Viết bài mới" }).First.ClickAsync();
        await page.GetByLabel("Tiêu đề").FillAsync(Title);
        await page.GetByLabel("Nội dung").FillAsync(Body);
        await page.GetByLabel("Chủ đề").SelectOptionAsync("loan");
        await page.GetByLabel("Tin nhắn cho hội viên").UncheckAsync();
        await page.GetByLabel("Bảng tin Trang Facebook của đơn vị").CheckAsync();
        await page.GetByLabel("Bài viết Zalo OA gửi người theo dõi").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã tạo bài viết (bản nháp).");
        var postUrl = new Uri(page.Url).PathAndQuery.Split('?')[0];

        await page.GotoAsync(postUrl + "/edit");
        await page.GetByLabel("Chọn ảnh").SetInputFilesAsync(new FilePayload { Name = "kham-sang-loc.jpg", MimeType = "image/jpeg", Buffer = Jpeg() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải ảnh lên" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-post-image]")).ToBeVisibleAsync();

        await page.GotoAsync(postUrl);
        var preview = page.Locator("[data-preview=zalo_article]");
        await Assertions.Expect(preview.Locator("[data-zalo-cover]")).ToBeVisibleAsync();
        await Assertions.Expect(preview).ToContainTextAsync(Title);
        await Assertions.Expect(preview).ToContainTextAsync("Tác giả: Hội LHPN tỉnh Thử Nghiệm");
        await preview.ScrollIntoViewIfNeededAsync();
        await _screenshots.TakeAsync(page, "xem-truoc-bai-viet-zalo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi duyệt" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-post-status]")).ToHaveTextAsync("Chờ duyệt");
        return postUrl;
    }

    private static byte[] Jpeg()
    {
        using var bitmap = new SKBitmap(320, 180);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(236, 72, 153));
            using var paint = new SKPaint { Color = SKColors.White };
            canvas.DrawCircle(160, 90, 60, paint);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
