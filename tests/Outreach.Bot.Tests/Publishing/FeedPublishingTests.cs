using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Bot.Hosting;
using Outreach.Bot.Tests.Staff.Console;
using Outreach.Content.OrgUnits;
using Outreach.Emulators.Messenger;
using Outreach.Scheduler.Broadcasting;
using Outreach.Scheduler.Insights;
using Outreach.Scheduler.Publishing;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Publishing;

/// <summary>
/// Issue 16, slice 1: an approved post goes to the feed of its unit's Page at its time, once, through the real gateway, Hangfire
/// and the Messenger emulator; Graph's refusals stop that part with a Vietnamese reason on the post's page; a lost answer is
/// reconciled against the Page's feed instead of publishing again.
/// </summary>
public sealed class FeedPublishingTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private MessengerEmulator _messenger = null!;
    private OutreachHost _host = null!;
    private OrgUnit _province = null!;
    private OrgUnit _commune = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await server.CreateDatabaseAsync(ct);
        var seed = new Seed(_database);
        _province = await seed.UnitAsync(null, "tinh", "Hội LHPN tỉnh", ct);
        _commune = await seed.UnitAsync(_province.Id, "xa", "Hội LHPN xã", ct);
        await seed.StaffAsync("bientap.tinh", _province.Id, "editor", ct);
        await seed.StaffAsync("bientap.xa", _commune.Id, "editor", ct);
        await seed.StaffAsync("duyet.tinh", _province.Id, "approver", ct);
        _messenger = await MessengerEmulator.StartAsync(cancellationToken: ct);
        var settings = _messenger.GatewaySettings();
        TestHost.AtAnyHour(settings);
        settings["Outreach:Publishing:UncertainWaitSeconds"] = "1";
        settings["Outreach:Publishing:RetrySeconds"] = "1";
        settings["Outreach:Publishing:RequestTimeoutSeconds"] = "5";
        _host = await TestHost.StartAsync(_database, settings, cancellationToken: ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _messenger.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ApprovedFeedPost_IsPublishedOnceOnTheUnitsPage_LinkedForInsights_AndShownWithItsId()
    {
        var ct = TestContext.Current.CancellationToken;
        var postId = await PublishNowAsync(["facebook_feed"], ct);

        var publicationStatus = await WaitForPublicationAsync(postId, "published", ct);
        Assert.Equal("published", publicationStatus);
        var feed = _messenger.FeedPosts;
        var published = Assert.Single(feed);
        Assert.Equal(_messenger.PageId, published.PageId);
        Assert.Equal($"Ngày hội phụ nữ khởi nghiệp\n\n{Body}", published.Message);
        Assert.Equal("https://hoiphunu.example.vn/khoi-nghiep", published.Link);

        await using (var connection = await _database.DataSource.OpenConnectionAsync(ct))
        {
            Assert.Equal(published.Id, await connection.ExecuteScalarAsync<string>($"SELECT external_id FROM post_publications WHERE post_id = {postId}"));
            Assert.Equal(published.Id, await connection.ExecuteScalarAsync<string>(
                $"SELECT external_id FROM post_platform_links WHERE post_id = {postId} AND platform = 'facebook'"));
            await BroadcastFlow.PollAsync(_database, $"SELECT count(*) FROM posts WHERE id = {postId} AND status = 'sent'", n => n == 1, ct);
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM broadcasts WHERE post_id = {postId} AND planned_at IS NOT NULL"));
        }

        // A retried plan and a retried publishing job publish nothing twice.
        var occurrence = await OccurrenceAsync(postId, ct);
        await _host.Services.GetRequiredService<PublishPostJob>().RunAsync(postId, occurrence, ct);
        await _host.Services.GetRequiredService<PublishPostJob>().RunAsync(postId, occurrence, ct);
        Assert.Single(_messenger.FeedPosts);

        // The insights job pulls the Page post without anyone linking it by hand.
        _messenger.PublishPost(published.Id, new Dictionary<string, System.Text.Json.Nodes.JsonNode>
        {
            ["post_total_media_view_unique"] = 321, ["post_media_view"] = 456, ["post_clicks"] = 12,
        });
        await _host.Services.GetRequiredService<PollInsightsJob>().RunAsync(ct);
        await using (var connection = await _database.DataSource.OpenConnectionAsync(ct))
        {
            Assert.Equal(321, await connection.ExecuteScalarAsync<long>(
                $"SELECT value FROM post_insights WHERE post_id = {postId} AND platform = 'facebook' AND metric = 'post_total_media_view_unique'"));
        }

        using var console = await ConsoleClient.SignInAsync(_host.BaseAddress, "duyet.tinh");
        var page = (await console.GetAsync($"/staff/posts/{postId}")).Text;
        Assert.Contains($"data-publication-status=\"published\"", page, StringComparison.Ordinal);
        Assert.Contains(published.Id, page, StringComparison.Ordinal);
        Assert.Contains("Đã đăng", page, StringComparison.Ordinal);
        Assert.Contains("Bảng tin Trang Facebook của đơn vị", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageTokenWithoutManagePosts_StopsThatPartWithTheReason_AndTheMessagesStillGo()
    {
        var ct = TestContext.Current.CancellationToken;
        _messenger.RevokeManagePosts();
        var postId = await PublishNowAsync(["messages", "facebook_feed"], ct);

        Assert.Equal("failed", await WaitForPublicationAsync(postId, "failed", ct));
        Assert.Empty(_messenger.FeedPosts);
        await using (var connection = await _database.DataSource.OpenConnectionAsync(ct))
        {
            var reason = await connection.ExecuteScalarAsync<string>($"SELECT reason FROM post_publications WHERE post_id = {postId}");
            Assert.Contains("thiếu quyền đăng bài pages_manage_posts", reason, StringComparison.Ordinal);
            Assert.Equal("200", await connection.ExecuteScalarAsync<string>($"SELECT error_code FROM post_publications WHERE post_id = {postId}"));
            // The message part is the broadcast's: it was planned as before.
            Assert.Equal(1, await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM broadcasts WHERE post_id = {postId}"));
        }

        using var console = await ConsoleClient.SignInAsync(_host.BaseAddress, "duyet.tinh");
        var page = (await console.GetAsync($"/staff/posts/{postId}")).Text;
        Assert.Contains("data-publication-status=\"failed\"", page, StringComparison.Ordinal);
        Assert.Contains("Không đăng được", page, StringComparison.Ordinal);
        Assert.Contains("pages_manage_posts", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredPageToken_StopsWithTheReasonAndMarksTheAccount()
    {
        var ct = TestContext.Current.CancellationToken;
        _messenger.ExpireToken();
        var postId = await PublishNowAsync(["facebook_feed"], ct);

        Assert.Equal("failed", await WaitForPublicationAsync(postId, "failed", ct));
        Assert.Empty(_messenger.FeedPosts);
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        Assert.Contains("đã hết hạn hoặc không còn hợp lệ", await connection.ExecuteScalarAsync<string>(
            $"SELECT reason FROM post_publications WHERE post_id = {postId}"), StringComparison.Ordinal);
        Assert.Equal("token_refused", await connection.ExecuteScalarAsync<string>(
            $"SELECT health_state FROM channel_accounts WHERE account_id = '{_messenger.PageId}'"));
        await BroadcastFlow.PollAsync(_database, $"SELECT count(*) FROM posts WHERE id = {postId} AND status = 'failed'", n => n == 1, ct);
    }

    [Fact]
    public async Task PageRequestLimit_ShowsTheReasonWhileWaiting_ThenPublishesOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        // Long enough that the first attempt meets it even on a loaded machine (signing in and approving can take seconds).
        _messenger.ThrottlePage(TimeSpan.FromSeconds(20));
        var postId = await PublishNowAsync(["facebook_feed"], ct);

        await BroadcastFlow.PollAsync(_database,
            $"SELECT count(*) FROM post_publications WHERE post_id = {postId} AND error_code = '32' AND reason LIKE '%giới hạn số lần gọi%Sẽ thử lại lúc%'",
            n => n == 1, ct);
        Assert.Equal("published", await WaitForPublicationAsync(postId, "published", ct));
        Assert.Single(_messenger.FeedPosts);
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        Assert.True(await connection.ExecuteScalarAsync<int>($"SELECT attempts FROM post_publications WHERE post_id = {postId}") >= 2);
    }

    [Fact]
    public async Task AnswerLostAfterGraphPublished_IsFoundOnTheFeed_NeverPublishedTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        _messenger.LoseNextFeedAnswer();
        var postId = await PublishNowAsync(["facebook_feed"], ct);

        Assert.Equal("published", await WaitForPublicationAsync(postId, "published", ct));
        var published = Assert.Single(_messenger.FeedPosts);
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        Assert.Equal(published.Id, await connection.ExecuteScalarAsync<string>($"SELECT external_id FROM post_publications WHERE post_id = {postId}"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>($"SELECT attempts FROM post_publications WHERE post_id = {postId}"));
        // The feed was read to find it.
        Assert.Contains(_messenger.Received, r => r.Method == "GET" && r.Path.EndsWith("/feed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostEditedAfterApproval_NeedsApprovalAgain_AndItsOldTimePublishesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        using var editor = await StaffApiClient.SignInAsync(_host.BaseAddress, "bientap.tinh", ct: ct);
        using var approver = await StaffApiClient.SignInAsync(_host.BaseAddress, "duyet.tinh", ct: ct);
        var postId = await CreateAsync(editor, ["facebook_feed"], ct);
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/staff/api/posts/{postId}/submit", null, ct)).Status);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostAsync($"/staff/api/posts/{postId}/approve", null, ct)).Status);
        var sendAt = DateTimeOffset.UtcNow.AddHours(2);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostAsync($"/staff/api/posts/{postId}/schedule", new { sendAt }, ct)).Status);

        var (edited, body) = await editor.PutAsync($"/staff/api/posts/{postId}", Request(["facebook_feed"], "Nội dung đã sửa sau khi duyệt."), ct);
        Assert.Equal(HttpStatusCode.OK, edited);
        Assert.Equal("submitted", body.GetProperty("status").GetString());

        await _host.Services.GetRequiredService<PlanBroadcastJob>().RunAsync(postId, sendAt, ct);
        Assert.Empty(_messenger.FeedPosts);
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM post_publications WHERE post_id = {postId}"));
    }

    [Fact]
    public async Task FeedChosenForAUnitWithoutAPage_IsRefusedWithTheReason_AndAnUnknownDestinationToo()
    {
        var ct = TestContext.Current.CancellationToken;
        using var editor = await StaffApiClient.SignInAsync(_host.BaseAddress, "bientap.xa", ct: ct);
        var (status, body) = await editor.PostAsync("/staff/api/posts", Request(["facebook_feed"], Body, _commune.Id), ct);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("chưa có Trang Facebook nào đang hoạt động", body.ToString(), StringComparison.Ordinal);

        (status, body) = await editor.PostAsync("/staff/api/posts", Request(["tiktok"], Body, _commune.Id), ct);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Chọn ít nhất một nơi đăng", body.ToString(), StringComparison.Ordinal);
    }

    private const string Body = "Hội LHPN tỉnh mời chị em đăng ký tham gia ngày hội khởi nghiệp, có tư vấn vay vốn ưu đãi.";

    private object Request(string[] destinations, string body = Body, long? unitId = null) => new
    {
        title = "Ngày hội phụ nữ khởi nghiệp",
        body,
        linkUrl = "https://hoiphunu.example.vn/khoi-nghiep",
        topic = "loan",
        isPromotional = true,
        channels = new[] { "messenger" },
        audienceUnitIds = new[] { unitId ?? _province.Id },
        destinations,
    };

    private async Task<long> CreateAsync(StaffApiClient editor, string[] destinations, CancellationToken ct)
    {
        var (created, post) = await editor.PostAsync("/staff/api/posts", Request(destinations), ct);
        Assert.True(created == HttpStatusCode.Created, post.ToString());
        return post.GetProperty("id").GetInt64();
    }

    private async Task<long> PublishNowAsync(string[] destinations, CancellationToken ct)
    {
        using var editor = await StaffApiClient.SignInAsync(_host.BaseAddress, "bientap.tinh", ct: ct);
        using var approver = await StaffApiClient.SignInAsync(_host.BaseAddress, "duyet.tinh", ct: ct);
        var id = await CreateAsync(editor, destinations, ct);
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/staff/api/posts/{id}/submit", null, ct)).Status);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostAsync($"/staff/api/posts/{id}/approve", null, ct)).Status);
        var (scheduled, body) = await approver.PostAsync($"/staff/api/posts/{id}/schedule", new { sendAt = DateTimeOffset.UtcNow }, ct);
        Assert.True(scheduled == HttpStatusCode.OK, body.ToString());
        return id;
    }

    private async Task<string> WaitForPublicationAsync(long postId, string status, CancellationToken ct)
    {
        await BroadcastFlow.PollAsync(_database, $"SELECT count(*) FROM post_publications WHERE post_id = {postId} AND status = '{status}'", n => n > 0, ct);
        return status;
    }

    private async Task<DateTimeOffset> OccurrenceAsync(long postId, CancellationToken ct)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<DateTimeOffset>(new CommandDefinition(
            $"SELECT occurrence_at FROM post_publications WHERE post_id = {postId}", cancellationToken: ct));
    }
}
