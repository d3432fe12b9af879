using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Bot.Hosting;
using Outreach.Content.OrgUnits;
using Outreach.Content.Stats;
using Outreach.Scheduler.Broadcasting;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Tracking;

[Collection("tracking-hosts")]
public sealed partial class BroadcastReachEndToEndTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private OutreachHost _host = null!;
    private OrgUnit _commune = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await server.CreateDatabaseAsync(ct);
        var seed = new Seed(_database);
        var province = await seed.UnitAsync(null, "tinh", "Hội LHPN tỉnh", ct);
        _commune = await seed.UnitAsync(province.Id, "xa", "Hội LHPN xã", ct);
        await seed.StaffAsync("bientap.xa", _commune.Id, "editor", ct);
        await seed.StaffAsync("duyet.tinh", province.Id, "approver", ct);
        await seed.ContactAsync("webchat", "chi-hoa", _commune.Id, TimeSpan.FromHours(1), DateTimeOffset.UtcNow, ["health"], ct: ct);
        // No Hangfire server: the test runs the broadcast's real jobs itself (the lifecycle test covers Hangfire's scheduling),
        // so a busy machine cannot leave them queued past the budget.
        _host = await TestHost.StartAsync(_database, ClickEndpointsTests.TrackingSettings(), cancellationToken: ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task BroadcastWithALink_MemberTapsItAndReplies_TheDashboardCountsSentClickedReplied()
    {
        var ct = TestContext.Current.CancellationToken;
        using var editor = await StaffApiClient.SignInAsync(_host.BaseAddress, "bientap.xa", ct: ct);
        using var approver = await StaffApiClient.SignInAsync(_host.BaseAddress, "duyet.tinh", ct: ct);
        var (_, post) = await editor.PostAsync("/staff/api/posts", new
        {
            title = "Khám sàng lọc ung thư vú miễn phí",
            body = "Trạm y tế xã khám miễn phí cho hội viên vào thứ Bảy.",
            linkUrl = ClickEndpointsTests.PostLink,
            topic = "health",
            isPromotional = false,
            channels = new[] { "webchat" },
            audienceUnitIds = new[] { _commune.Id },
        }, ct);
        var id = post.GetProperty("id").GetInt64();
        await editor.PostAsync($"/staff/api/posts/{id}/submit", null, ct);
        await approver.PostAsync($"/staff/api/posts/{id}/approve", null, ct);
        var sendAt = DateTimeOffset.UtcNow.AddSeconds(1);
        await approver.PostAsync($"/staff/api/posts/{id}/schedule", new { sendAt }, ct);
        await _host.Services.GetRequiredService<PlanBroadcastJob>().RunAsync(id, sendAt, ct);
        long broadcastId;
        await using (var connection = await _database.DataSource.OpenConnectionAsync(ct))
        {
            broadcastId = await connection.ExecuteScalarAsync<long>("SELECT id FROM broadcasts");
        }

        await _host.Services.GetRequiredService<SendBroadcastJob>().RunAsync(broadcastId, ct);
        var chat = new WebChatClient(new HttpClient { BaseAddress = _host.BaseAddress });

        // The member's message carries her own tracked link, not the post's.
        var received = await ReceivedAsync(chat, ct);
        var text = JsonSerializer.Serialize(received[0]);
        var link = TrackedLink().Match(text).Value;
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var tap = await browser.GetAsync(_host.BaseAddress + new Uri(link).AbsolutePath.TrimStart('/'), ct);
        using var reply = await chat.PostAsync("chi-hoa", "Cho em hỏi khám ở đâu ạ?", cancellationToken: ct);
        await WaitForAsync("SELECT count(*) FROM reach_events WHERE kind = 'replied'", ct);
        await ReachSeed.RollUpAllAsync(_host.Services.GetRequiredService<ReachRollup>(), ct);
        var (_, dashboard) = await editor.GetAsync("/staff/api/stats/reach", ct);

        Assert.DoesNotContain(ClickEndpointsTests.PostLink, text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, tap.StatusCode);
        Assert.Equal(new Uri(ClickEndpointsTests.PostLink), tap.Headers.Location);
        var figures = dashboard.GetProperty("totals").EnumerateArray().ToDictionary(
            f => f.GetProperty("kind").GetString()!, f => (f.GetProperty("events").GetInt64(), f.GetProperty("people").GetInt64()));
        Assert.Equal((1, 1), figures["sent"]);
        Assert.Equal((1, 1), figures["clicked"]);
        Assert.Equal((1, 1), figures["replied"]);
    }

    // The message reaches the member through the outbox worker; a time-out says where the broadcast stopped.
    private async Task<IReadOnlyList<JsonElement>> ReceivedAsync(WebChatClient chat, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var replies = await chat.RepliesAsync("chi-hoa", ct);
            if (replies.Count > 0)
            {
                return replies;
            }

            await Task.Delay(100, ct);
        }

        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        var state = await connection.QueryAsync<string>(
            "SELECT 'post ' || status FROM posts UNION ALL SELECT 'delivery ' || status FROM deliveries UNION ALL SELECT 'job ' || (invocationdata::json ->> 't') || '.' || (invocationdata::json ->> 'm') || ' ' || coalesce(statename, '?') FROM hangfire.job"
            + " UNION ALL SELECT 'queue ' || queue || ' fetched ' || (fetchedat IS NOT NULL) FROM hangfire.jobqueue"
            + " UNION ALL SELECT 'server ' || id || ' ' || data FROM hangfire.server");
        Assert.Fail("The broadcast never reached the member: " + string.Join(", ", state));
        return [];
    }

    private async Task WaitForAsync(string countSql, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        while (await connection.ExecuteScalarAsync<long>(countSql) == 0)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "timed out: " + countSql);
            await Task.Delay(50, ct);
        }
    }

    [GeneratedRegex(@"https://outreach\.example/r/[0-9]+-[0-9]+-[A-Za-z0-9_-]+")]
    private static partial Regex TrackedLink();
}
