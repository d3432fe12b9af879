using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Bot.Hosting;
using Outreach.Bot.Tests.Channels.Zalo;
using Outreach.Emulators.Messenger;
using Outreach.Emulators.Zalo;
using Outreach.Scheduler.Insights;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Insights;

public sealed class PollInsightsJobTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private MessengerEmulator _messenger = null!;
    private ZaloEmulator _zalo = null!;
    private OutreachHost _host = null!;
    private long _post;
    private long _otherPost;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await server.CreateDatabaseAsync(ct);
        var seed = new Seed(_database);
        var unit = await seed.UnitAsync(null, "tinh", "Tỉnh", ct);
        var author = await seed.StaffAsync("bientap", unit.Id, "editor", ct);
        var reach = new ReachSeed(_database);
        _post = await PostOfAsync(await reach.BroadcastAsync(unit.Id, author.Id, "health", DateTimeOffset.UtcNow, ct: ct));
        _otherPost = await PostOfAsync(await reach.BroadcastAsync(unit.Id, author.Id, "loan", DateTimeOffset.UtcNow, ct: ct));
        _messenger = await MessengerEmulator.StartAsync(cancellationToken: ct);
        _zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        var settings = ZaloTestGateway.Settings(_zalo);
        foreach (var (key, value) in _messenger.GatewaySettings())
        {
            settings[key] = value;
        }

        settings["Outreach:Scheduler:RunServer"] = "false";
        settings["Outreach:Insights:FacebookMetrics:0"] = "post_total_media_view_unique";
        settings["Outreach:Insights:FacebookMetrics:1"] = "post_impressions_unique";
        settings["Outreach:Insights:FacebookMetrics:2"] = "post_clicks";
        settings["Outreach:Insights:FacebookMetrics:3"] = "post_reactions_by_type_total";
        _host = await TestHost.StartAsync(_database, settings, cancellationToken: ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _messenger.DisposeAsync();
        await _zalo.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task RunAsync_LinkedPagePostAndArticle_StoresWhatThePlatformsReport_AndDropsTheDeadMetric()
    {
        var ct = TestContext.Current.CancellationToken;
        var pagePost = _messenger.PageId + "_7001";
        _messenger.PublishPost(pagePost, new Dictionary<string, JsonNode>
        {
            ["post_total_media_view_unique"] = 812,
            ["post_clicks"] = 37,
            ["post_reactions_by_type_total"] = new JsonObject { ["like"] = 21, ["love"] = 4 },
        });
        for (var i = 0; i < 15; i++)
        {
            _zalo.PublishArticle($"bai{i}", $"Bài {i}", views: 100 + i, shares: i);
        }

        using var editor = await StaffApiClient.SignInAsync(_host.BaseAddress, "bientap", ct: ct);
        var (linked, _) = await editor.PutAsync($"/staff/api/posts/{_post}/platform-links", new { facebookPostId = pagePost, zaloArticleId = "bai2" }, ct);

        await Job().RunAsync(ct);
        var firstRun = _messenger.InsightsRequests.Count;
        await Job().RunAsync(ct);
        var (status, insights) = await editor.GetAsync($"/staff/api/posts/{_post}/insights", ct);

        Assert.Equal(HttpStatusCode.OK, linked);
        Assert.Equal(HttpStatusCode.OK, status);
        var metrics = insights.GetProperty("metrics").EnumerateArray()
            .ToDictionary(m => m.GetProperty("platform").GetString() + ":" + m.GetProperty("metric").GetString(), m => m.GetProperty("value").GetInt64());
        Assert.Equal(
            new Dictionary<string, long>
            {
                ["facebook:post_clicks"] = 37, ["facebook:post_reactions_by_type_total.like"] = 21, ["facebook:post_reactions_by_type_total.love"] = 4,
                ["facebook:post_total_media_view_unique"] = 812, ["zalo:total_share"] = 2, ["zalo:total_view"] = 102,
            },
            metrics);
        Assert.All(insights.GetProperty("links").EnumerateArray(), l => Assert.Equal(JsonValueKind.Null, l.GetProperty("lastError").ValueKind));

        // First run: the set with the dead metric fails whole, then one request per metric; the second run asks only the live ones.
        Assert.Equal(1 + 4, firstRun);
        var second = _messenger.InsightsRequests[^1];
        Assert.Equal("?metric=post_total_media_view_unique,post_clicks,post_reactions_by_type_total", second.QueryString.Split('&')[0]);
        Assert.Equal(200, second.ResponseStatus);
        Assert.Equal("Bearer " + MessengerEmulatorOptions.DefaultPageToken, second.Headers["authorization"]);
        Assert.True(_zalo.ArticleRequests.Count >= 2);
        Assert.All(_zalo.ArticleRequests, r => Assert.Contains("limit=10", r.QueryString, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_PostOfAnUnknownPageAndAMissingArticle_RecordsWhyOnTheLink()
    {
        var ct = TestContext.Current.CancellationToken;
        _zalo.PublishArticle("baikhac", "Bài khác", views: 5, shares: 0);
        using var editor = await StaffApiClient.SignInAsync(_host.BaseAddress, "bientap", ct: ct);
        await editor.PutAsync($"/staff/api/posts/{_otherPost}/platform-links", new { facebookPostId = "999_1", zaloArticleId = "khongco" }, ct);

        await Job().RunAsync(ct);
        var (_, insights) = await editor.GetAsync($"/staff/api/posts/{_otherPost}/insights", ct);

        var errors = insights.GetProperty("links").EnumerateArray().ToDictionary(l => l.GetProperty("platform").GetString()!, l => l.GetProperty("lastError").GetString());
        Assert.Equal("unknown_page", errors["facebook"]);
        Assert.Equal("article_not_found", errors["zalo"]);
        Assert.Equal(0, insights.GetProperty("metrics").GetArrayLength());
    }

    [Fact]
    public async Task PlatformLinks_BadIdsOrAnotherUnitsPost_Refused()
    {
        var ct = TestContext.Current.CancellationToken;
        using var editor = await StaffApiClient.SignInAsync(_host.BaseAddress, "bientap", ct: ct);

        var (bad, body) = await editor.PutAsync($"/staff/api/posts/{_post}/platform-links", new { facebookPostId = "https://facebook.com/x", zaloArticleId = "a b" }, ct);
        var (missing, _) = await editor.PutAsync("/staff/api/posts/987654/platform-links", new { zaloArticleId = "bai1" }, ct);

        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Equal(["facebookPostId", "zaloArticleId"], body.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    private PollInsightsJob Job() => _host.Services.GetRequiredService<PollInsightsJob>();

    private async Task<long> PostOfAsync(long broadcastId)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT post_id FROM broadcasts WHERE id = @broadcastId", new { broadcastId });
    }
}
