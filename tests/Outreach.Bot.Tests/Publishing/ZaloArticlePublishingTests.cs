using System.Globalization;
using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Bot.Hosting;
using Outreach.Bot.Tests.Channels.Zalo;
using Outreach.Bot.Tests.Staff.Console;
using Outreach.Content.OrgUnits;
using Outreach.Emulators.Common;
using Outreach.Emulators.Zalo;
using Outreach.Scheduler.Insights;
using Outreach.Scheduler.Publishing;
using Outreach.Testing;
using SkiaSharp;

namespace Outreach.Bot.Tests.Publishing;

/// <summary>
/// Issue 16, slice 3: an approved post with an image goes out as a Zalo OA article broadcast through the real gateway, Hangfire
/// and the Zalo emulator: the article is created (its cover downloaded by Zalo from the gateway), waits for Zalo's moderation,
/// then is broadcast once to the target of the settings; Zalo's refusals (moderation, quota, permission, a dead token) stop
/// that part with a Vietnamese reason on the post's page; a lost answer never makes a second article or a second broadcast.
/// </summary>
public sealed class ZaloArticlePublishingTests(PostgresServer server) : IAsyncLifetime
{
    private const string Title = "Ngày hội phụ nữ khởi nghiệp";
    private const string Body = "Hội LHPN tỉnh mời chị em đăng ký tham gia ngày hội khởi nghiệp, có tư vấn vay vốn ưu đãi.";

    private TestDatabase _database = null!;
    private ZaloEmulator _zalo = null!;
    private OutreachHost? _host;
    private OrgUnit _province = null!;

    private OutreachHost Host => _host!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await server.CreateDatabaseAsync(ct);
        var seed = new Seed(_database);
        _province = await seed.UnitAsync(null, "tinh", "Hội LHPN tỉnh Đồng Tháp", ct);
        await seed.StaffAsync("bientap.tinh", _province.Id, "editor", ct);
        await seed.StaffAsync("duyet.tinh", _province.Id, "approver", ct);
        _zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        _zalo.ModerationTime = TimeSpan.FromSeconds(2);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _zalo.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ApprovedPost_IsCreatedModeratedAndBroadcastOnce_ToTheTarget_LinkedForInsights_AndShown()
    {
        var ct = TestContext.Current.CancellationToken;
        await StartHostAsync(new() { ["Outreach:Publishing:ZaloTargetGender"] = "2", ["Outreach:Publishing:ZaloTargetAges"] = "3,4,5" }, ct);
        var postId = await PublishNowAsync(ct);

        await WaitForPublicationAsync(postId, "published", ct);
        var article = Assert.Single(_zalo.CreatedArticles);
        Assert.Equal(Title, article.Title);
        Assert.Equal(_province.Name, article.Author);
        Assert.Contains(Body, article.Body, StringComparison.Ordinal);
        Assert.Contains("https://hoiphunu.example.vn/khoi-nghiep", article.Body, StringComparison.Ordinal);
        Assert.StartsWith(Host.BaseAddress.AbsoluteUri.TrimEnd('/') + "/media/post-images/", article.CoverUrl, StringComparison.Ordinal);
        var broadcast = Assert.Single(_zalo.Broadcasts);
        Assert.Equal([article.Id!], broadcast.ArticleIds);
        Assert.Equal("2", broadcast.Target["gender"]);
        Assert.Equal("3,4,5", broadcast.Target["ages"]);
        Assert.False(broadcast.Target.ContainsKey("cities"));
        // Zalo was still moderating when first asked: the gateway waited for it.
        Assert.True(_zalo.Received.Count(r => r.Path == ZaloEmulator.ArticleVerifyPath) >= 2);

        await using (var connection = await _database.DataSource.OpenConnectionAsync(ct))
        {
            var row = await connection.QuerySingleAsync<(string ExternalId, string ArticleId, string Moderation, string BroadcastId)>(
                $"SELECT external_id, article_id, moderation, broadcast_id FROM post_publications WHERE post_id = {postId}");
            Assert.Equal((article.Id!, article.Id!, "approved", broadcast.MessageId), row);
            Assert.Equal(article.Id, await connection.ExecuteScalarAsync<string>(
                $"SELECT external_id FROM post_platform_links WHERE post_id = {postId} AND platform = 'zalo'"));
            await BroadcastFlow.PollAsync(_database, $"SELECT count(*) FROM posts WHERE id = {postId} AND status = 'sent'", n => n == 1, ct);
        }

        // A retried job creates and broadcasts nothing more.
        var occurrence = await _database.ScalarAsync<DateTimeOffset>($"SELECT occurrence_at FROM post_publications WHERE post_id = {postId}");
        await Host.Services.GetRequiredService<PublishPostJob>().RunAsync(postId, occurrence, ct);
        Assert.Single(_zalo.CreatedArticles);
        Assert.Single(_zalo.Broadcasts);

        // The insights job pulls the article's views without anyone linking it.
        _zalo.PublishArticle(article.Id!, article.Title, 2927, 41);
        await Host.Services.GetRequiredService<PollInsightsJob>().RunAsync(ct);
        Assert.Equal(2927, await _database.ScalarAsync<long>(
            $"SELECT value FROM post_insights WHERE post_id = {postId} AND platform = 'zalo' AND metric = 'total_view'"));

        // Counted toward a target where an indicator says so: views for platform_views, the post for posts_shared.
        var today = DateOnly.FromDateTime(Content.Time.VietnamTime.ToLocal(DateTimeOffset.UtcNow).DateTime);
        var year = new Content.Stats.ReportPeriod(0, "year", today.Year.ToString(CultureInfo.InvariantCulture), "Năm", new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31), false);
        var targets = Host.Services.GetRequiredService<Content.Targets.TargetStore>();
        var query = Host.Services.GetRequiredService<Content.Targets.TargetQuery>();
        Assert.Equal(2927m, await query.AchievedAsync((await targets.FindIndicatorAsync("platform_views", ct))!, _province.Id, year, ct));
        Assert.Equal(1m, await query.AchievedAsync((await targets.FindIndicatorAsync("posts_shared", ct))!, _province.Id, year, ct));

        using var console = await ConsoleClient.SignInAsync(Host.BaseAddress, "duyet.tinh");
        var dashboard = (await console.GetAsync($"/staff/reach?unitId={_province.Id}&period={year.Code}")).Text;
        Assert.Contains($"data-platform-post=\"{postId}\" data-platform=\"zalo\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\" data-measure=\"views\">2.927</td>", dashboard, StringComparison.Ordinal);

        var page = (await console.GetAsync($"/staff/posts/{postId}")).Text;
        Assert.Contains("data-post-reach", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\" data-measure=\"views\">2.927</td>", page, StringComparison.Ordinal);
        Assert.Contains("data-moderation=\"approved\"", page, StringComparison.Ordinal);
        Assert.Contains("Đã duyệt", page, StringComparison.Ordinal);
        Assert.Contains("Đã đăng", page, StringComparison.Ordinal);
        Assert.Contains(article.Id!, page, StringComparison.Ordinal);
        Assert.Contains("Bài viết Zalo OA gửi người theo dõi", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModerationRefusal_StopsWithZalosReasonInVietnamese_AndNothingIsBroadcast()
    {
        var ct = TestContext.Current.CancellationToken;
        await StartHostAsync([], ct);
        _zalo.RejectNextArticle("cover image contains medicine advertising");
        var postId = await PublishNowAsync(ct);

        await WaitForPublicationAsync(postId, "failed", ct);
        Assert.Empty(_zalo.Broadcasts);
        var (moderation, reason) = await RowAsync(postId, ct);
        Assert.Equal("rejected", moderation);
        Assert.Contains("Zalo từ chối bài viết khi kiểm duyệt", reason, StringComparison.Ordinal);
        Assert.Contains("cover image contains medicine advertising", reason, StringComparison.Ordinal);
        await BroadcastFlow.PollAsync(_database, $"SELECT count(*) FROM posts WHERE id = {postId} AND status = 'failed'", n => n == 1, ct);

        using var console = await ConsoleClient.SignInAsync(Host.BaseAddress, "duyet.tinh");
        var page = (await console.GetAsync($"/staff/posts/{postId}")).Text;
        Assert.Contains("data-moderation=\"rejected\"", page, StringComparison.Ordinal);
        Assert.Contains("Bị từ chối", page, StringComparison.Ordinal);
        Assert.Contains("data-moderation-reason", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ZalosBroadcastQuotaReached_StopsWithTheReason_TheApprovedArticleIsKept()
    {
        var ct = TestContext.Current.CancellationToken;
        await StartHostAsync([], ct);
        _zalo.BroadcastsPerDay = 0;
        var postId = await PublishNowAsync(ct);

        await WaitForPublicationAsync(postId, "failed", ct);
        Assert.Empty(_zalo.Broadcasts);
        Assert.Single(_zalo.CreatedArticles);
        var (moderation, reason) = await RowAsync(postId, ct);
        Assert.Equal("approved", moderation);
        Assert.Contains("hết hạn mức gửi bài viết", reason, StringComparison.Ordinal);
        Assert.Equal("-211", await _database.ScalarAsync<string>($"SELECT error_code FROM post_publications WHERE post_id = {postId}"));
    }

    [Fact]
    public async Task TheGatewaysOwnDailyLimit_StopsTheSecondPostBeforeZaloIsAsked()
    {
        var ct = TestContext.Current.CancellationToken;
        await StartHostAsync([], ct);
        _zalo.BroadcastsPerDay = 5;
        var first = await PublishNowAsync(ct);
        await WaitForPublicationAsync(first, "published", ct);

        var second = await PublishNowAsync(ct, "Ngày hội phụ nữ khởi nghiệp, đợt 2");
        await WaitForPublicationAsync(second, "failed", ct);
        Assert.Single(_zalo.Broadcasts);
        var (_, reason) = await RowAsync(second, ct);
        Assert.Contains("đã gửi 1 bài viết hôm nay (giới hạn 1 bài/ngày)", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-223, "chưa cho ứng dụng dùng API bài viết")]
    [InlineData(-224, "Gói dịch vụ hiện tại của OA không có API bài viết")]
    public async Task MissingPermissionOrPackage_StopsAtCreateWithTheReason(int code, string expected)
    {
        var ct = TestContext.Current.CancellationToken;
        await StartHostAsync([], ct);
        _zalo.RefuseArticleApi(code);
        var postId = await PublishNowAsync(ct);

        await WaitForPublicationAsync(postId, "failed", ct);
        Assert.Empty(_zalo.CreatedArticles);
        Assert.Empty(_zalo.Broadcasts);
        var (moderation, reason) = await RowAsync(postId, ct);
        Assert.Null(moderation);
        Assert.Contains(expected, reason, StringComparison.Ordinal);
        Assert.Equal(code.ToString(CultureInfo.InvariantCulture), await _database.ScalarAsync<string>($"SELECT error_code FROM post_publications WHERE post_id = {postId}"));

        using var console = await ConsoleClient.SignInAsync(Host.BaseAddress, "duyet.tinh");
        var page = (await console.GetAsync($"/staff/posts/{postId}")).Text;
        Assert.Contains("Không đăng được", page, StringComparison.Ordinal);
        Assert.Contains(expected, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredTokenThatCannotBeRefreshed_StopsWithTheReason()
    {
        var ct = TestContext.Current.CancellationToken;
        await StartHostAsync([], ct);
        _zalo.RevokeConsent();
        var postId = await PublishNowAsync(ct);

        await WaitForPublicationAsync(postId, "failed", ct);
        Assert.Empty(_zalo.CreatedArticles);
        var (_, reason) = await RowAsync(postId, ct);
        Assert.Contains("cấp quyền lại cho ứng dụng", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATransientBroadcastFailure_IsRetriedWithTheStoredArticle_NeverASecondArticle()
    {
        var ct = TestContext.Current.CancellationToken;
        await StartHostAsync([], ct);
        _zalo.Inject(new Fault { Status = 200, Body = ZaloApiErrors.Body(-200), PathContains = ZaloEmulator.BroadcastPath });
        var postId = await PublishNowAsync(ct);

        await WaitForPublicationAsync(postId, "published", ct);
        Assert.Single(_zalo.CreatedArticles);
        Assert.Single(_zalo.Broadcasts);
        Assert.Equal(2, _zalo.Received.Count(r => r.Path == ZaloEmulator.BroadcastPath));
    }

    [Fact]
    public async Task AfterACrashBetweenCreateAndBroadcast_TheStoredArticleIdIsBroadcast_WithoutCreatingAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        // No Hangfire server: the job is run by hand, as a host coming back after the crash would.
        await StartHostAsync(new() { ["Outreach:Scheduler:RunServer"] = "false" }, ct);
        var postId = await PublishNowAsync(ct);
        var job = Host.Services.GetRequiredService<PublishPostJob>();
        var occurrence = DateTimeOffset.UtcNow.AddSeconds(-1);
        await job.RunAsync(postId, occurrence, ct);
        Assert.Single(_zalo.CreatedArticles);
        Assert.Empty(_zalo.Broadcasts);
        using (var console = await ConsoleClient.SignInAsync(Host.BaseAddress, "duyet.tinh"))
        {
            var waiting = (await console.GetAsync($"/staff/posts/{postId}")).Text;
            Assert.Contains("data-moderation=\"waiting\"", waiting, StringComparison.Ordinal);
            Assert.Contains("<span class=\"badge waiting\">Chờ duyệt</span>", waiting, StringComparison.Ordinal);
        }

        // The host died after Zalo approved the article and the id was stored, before the broadcast: the row stays "pending".
        await Task.Delay(_zalo.ModerationTime + TimeSpan.FromMilliseconds(200), ct);
        var token = await _database.ScalarAsync<string>($"SELECT article_token FROM post_publications WHERE post_id = {postId}");
        var articleId = _zalo.CreatedArticles.Single(a => a.Token == token).Id
            ?? await VerifyOnZaloAsync(token, ct);
        await using (var connection = await _database.DataSource.OpenConnectionAsync(ct))
        {
            await connection.ExecuteAsync(
                $"UPDATE post_publications SET article_id = '{articleId}', moderation = 'approved', retry_at = NULL WHERE post_id = {postId}");
        }

        await job.RunAsync(postId, occurrence, ct);
        Assert.Single(_zalo.CreatedArticles);
        var broadcast = Assert.Single(_zalo.Broadcasts);
        Assert.Equal([articleId], broadcast.ArticleIds);
        Assert.Equal("published", await _database.ScalarAsync<string>($"SELECT status FROM post_publications WHERE post_id = {postId}"));
    }

    [Fact]
    public async Task ALostCreateAnswer_IsFoundInTheOasArticles_AndBroadcastWithoutASecondArticle()
    {
        var ct = TestContext.Current.CancellationToken;
        await StartHostAsync(new() { ["Outreach:Publishing:UncertainWaitSeconds"] = "3" }, ct);
        _zalo.ModerationTime = TimeSpan.FromSeconds(1);
        _zalo.LoseNextAnswer(ZaloEmulator.ArticleCreatePath);
        var postId = await PublishNowAsync(ct);

        await WaitForPublicationAsync(postId, "published", ct);
        Assert.Single(_zalo.CreatedArticles);
        Assert.Single(_zalo.Broadcasts);
        Assert.Equal(1, _zalo.Received.Count(r => r.Path == ZaloEmulator.ArticleCreatePath));
    }

    [Fact]
    public async Task ALostBroadcastAnswer_IsNeverSentAgain_AndStaffAreToldToCheck()
    {
        var ct = TestContext.Current.CancellationToken;
        await StartHostAsync([], ct);
        _zalo.LoseNextAnswer(ZaloEmulator.BroadcastPath);
        var postId = await PublishNowAsync(ct);

        await WaitForPublicationAsync(postId, "failed", ct);
        Assert.Single(_zalo.Broadcasts);
        Assert.Equal(1, _zalo.Received.Count(r => r.Path == ZaloEmulator.BroadcastPath));
        var (_, reason) = await RowAsync(postId, ct);
        Assert.Contains("không gửi lại để tránh gửi hai lần", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APostWithoutAnImage_StopsWithTheReason_AndTheCoverAddressServesOnlyTheRightHash()
    {
        var ct = TestContext.Current.CancellationToken;
        await StartHostAsync([], ct);
        var postId = await PublishNowAsync(ct, withImage: false);

        await WaitForPublicationAsync(postId, "failed", ct);
        Assert.Empty(_zalo.CreatedArticles);
        var (_, reason) = await RowAsync(postId, ct);
        Assert.Contains("Bài viết Zalo cần ảnh bìa", reason, StringComparison.Ordinal);

        using var http = new HttpClient { BaseAddress = Host.BaseAddress };
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/media/post-images/1/" + new string('0', 64), UriKind.Relative), ct)).StatusCode);
    }

    [Fact]
    public async Task ZaloChosenForAUnitWithoutAnOa_IsRefusedWithTheReason()
    {
        var ct = TestContext.Current.CancellationToken;
        var commune = await new Seed(_database).UnitAsync(_province.Id, "xa", "Hội LHPN xã", ct);
        await new Seed(_database).StaffAsync("bientap.xa", commune.Id, "editor", ct);
        await StartHostAsync([], ct);
        await using (var connection = await _database.DataSource.OpenConnectionAsync(ct))
        {
            // The seeded OA belongs to the province only.
            await connection.ExecuteAsync($"UPDATE channel_accounts SET org_unit_id = {_province.Id} WHERE channel = 'zalo'");
        }

        using var editor = await StaffApiClient.SignInAsync(Host.BaseAddress, "bientap.xa", ct: ct);
        var (status, body) = await editor.PostAsync("/staff/api/posts", Request(Title, commune.Id), ct);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("chưa có Zalo OA nào đang hoạt động", body.ToString(), StringComparison.Ordinal);
    }

    private async Task StartHostAsync(Dictionary<string, string?> extra, CancellationToken ct)
    {
        var port = GatewayProcess.FreePort();
        var settings = ZaloTestGateway.Settings(_zalo);
        settings["Urls"] = $"http://127.0.0.1:{port}";
        settings["Outreach:Publishing:PublicBaseUrl"] = $"http://127.0.0.1:{port}/";
        TestHost.AtAnyHour(settings);
        settings["Outreach:Publishing:UncertainWaitSeconds"] = "1";
        settings["Outreach:Publishing:RetrySeconds"] = "1";
        settings["Outreach:Publishing:ZaloVerifySeconds"] = "1";
        settings["Outreach:Publishing:RequestTimeoutSeconds"] = "5";
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        _host = await TestHost.StartAsync(_database, settings, cancellationToken: ct);
    }

    private object Request(string title, long unitId) => new
    {
        title,
        body = Body,
        linkUrl = "https://hoiphunu.example.vn/khoi-nghiep",
        topic = "loan",
        isPromotional = true,
        channels = new[] { "zalo" },
        audienceUnitIds = new[] { unitId },
        destinations = new[] { "zalo_article" },
    };

    private async Task<long> PublishNowAsync(CancellationToken ct, string title = Title, bool withImage = true)
    {
        using var editor = await StaffApiClient.SignInAsync(Host.BaseAddress, "bientap.tinh", ct: ct);
        using var approver = await StaffApiClient.SignInAsync(Host.BaseAddress, "duyet.tinh", ct: ct);
        var (created, post) = await editor.PostAsync("/staff/api/posts", Request(title, _province.Id), ct);
        Assert.True(created == HttpStatusCode.Created, post.ToString());
        var id = post.GetProperty("id").GetInt64();
        if (withImage)
        {
            var (uploaded, image) = await editor.PostFileAsync($"/staff/api/posts/{id}/image", Jpeg(120, 80), "bia.jpg", ct);
            Assert.True(uploaded == HttpStatusCode.OK, image.ToString());
        }

        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/staff/api/posts/{id}/submit", null, ct)).Status);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostAsync($"/staff/api/posts/{id}/approve", null, ct)).Status);
        var (scheduled, body) = await approver.PostAsync($"/staff/api/posts/{id}/schedule", new { sendAt = DateTimeOffset.UtcNow }, ct);
        Assert.True(scheduled == HttpStatusCode.OK, body.ToString());
        return id;
    }

    private Task<long> WaitForPublicationAsync(long postId, string status, CancellationToken ct) =>
        BroadcastFlow.PollAsync(_database, $"SELECT count(*) FROM post_publications WHERE post_id = {postId} AND status = '{status}'", n => n > 0, ct);

    private async Task<(string? Moderation, string Reason)> RowAsync(long postId, CancellationToken ct)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleAsync<(string?, string)>(
            new CommandDefinition($"SELECT moderation, reason FROM post_publications WHERE post_id = {postId}", cancellationToken: ct));
    }

    // What a host that had verified the article before dying knew: the id Zalo gives for the stored token.
    private async Task<string> VerifyOnZaloAsync(string token, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = _zalo.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, ZaloEmulator.ArticleVerifyPath)
        {
            Content = new StringContent($"{{\"token\":\"{token}\"}}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("access_token", _zalo.IssueAccessToken());
        using var response = await http.SendAsync(request, ct);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return json.RootElement.GetProperty("data").GetProperty("id").GetString()!;
    }

    private static byte[] Jpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(200, 30, 90));
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
