using System.Net;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Outreach.Bot.Tests.EndToEnd;
using Outreach.Bot.Tests.Staff.Console;
using Outreach.Content.Retention;
using Outreach.Content.Staff;
using Outreach.Content.Stats;
using Outreach.Scheduler.Retention;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Retention;

/// <summary>
/// Message text is removed after the configured retention, crisis conversations sooner; the rows (and so the figures) stay,
/// work in progress is never touched, and the pages that show conversations still work.
/// </summary>
public sealed class MessageRetentionTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task CrisisTextGoesAfter30Days_OtherTextAfter180_RowsAndWorkInProgressStay()
    {
        var ct = TestContext.Current.CancellationToken;
        var seed = new Seed(_database);
        var province = await seed.UnitAsync(null, "tinh", "Tỉnh", ct);
        await seed.StaffAsync("quantri", province.Id, "admin", ct);
        await using (var host = await TestHost.StartAsync(_database, cancellationToken: ct))
        {
            using var http = new HttpClient { BaseAddress = host.BaseAddress };
            var an = new Conversation(new WebChatClient(http), _database, "chi-an");
            await an.SayAsync("xin chào");
            await an.SayAsync("kết quả xổ số hôm nay");
            await new Conversation(new WebChatClient(http), _database, "chi-binh").SayAsync("chồng em đang đánh em");
            await BroadcastFlow.PollAsync(_database,
                "SELECT count(*) FROM hangfire.set WHERE key = 'recurring-jobs' AND value = 'purge-message-text'", n => n == 1, ct);
        }

        await ExecuteAsync(
            """
            INSERT INTO inbox_events (channel, platform_event_id, kind, account_id, sender_id, payload, status, received_at)
            VALUES ('webchat', 'dang-cho', 'message', 'local', 'chi-cho', '{"userId":"chi-cho","text":"còn chờ xử lý"}', 'pending', now() - interval '400 days')
            """, ct);
        var rowsBefore = await CountRowsAsync(ct);
        var now = DateTimeOffset.UtcNow;

        await RunJobAsync(now.AddDays(40), ct);
        var crisisInbox = await InboxTextAsync("chi-binh", ct);
        var crisisReplies = await ReplyTextsAsync("chi-binh", ct);
        var otherInbox = await InboxTextAsync("chi-an", ct);
        var otherReplies = await ReplyTextsAsync("chi-an", ct);
        var questionBefore = await ScalarAsync("SELECT count(*) FROM member_questions WHERE text IS NOT NULL", ct);
        await RunJobAsync(now.AddDays(181), ct);

        Assert.DoesNotContain("đánh", crisisInbox, StringComparison.Ordinal);
        Assert.All(crisisReplies, Assert.Null);
        Assert.Contains("xin chào", otherInbox, StringComparison.Ordinal);
        Assert.All(otherReplies, text => Assert.NotNull(text));
        Assert.DoesNotContain("xin chào", await InboxTextAsync("chi-an", ct), StringComparison.Ordinal);
        Assert.All(await ReplyTextsAsync("chi-an", ct), Assert.Null);
        Assert.Contains("còn chờ xử lý", await InboxTextAsync("chi-cho", ct), StringComparison.Ordinal);
        Assert.Equal(rowsBefore, await CountRowsAsync(ct));
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM inbox_events WHERE status = 'done' AND purged_at IS NULL", ct));
        Assert.Equal(1, await ScalarAsync("SELECT count(*) FROM crisis_alerts", ct));
        Assert.Equal(1, questionBefore);
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM member_questions WHERE text IS NOT NULL OR wording IS NOT NULL", ct));
        Assert.Equal(2, await ScalarAsync("SELECT count(*) FROM member_questions WHERE purged_at IS NOT NULL OR outcome = 'crisis'", ct));
    }

    [Fact]
    public async Task AfterThePurge_WebChatAndTheHandoffPageStillAnswer_WithoutTheText()
    {
        var ct = TestContext.Current.CancellationToken;
        var seed = new Seed(_database);
        var province = await seed.UnitAsync(null, "tinh", "Tỉnh", ct);
        await seed.StaffAsync("quantri", province.Id, "admin", ct);
        await using var host = await TestHost.StartAsync(_database, TestHost.WithoutJobServer(), cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        await new Conversation(new WebChatClient(http), _database, "chi-binh").SayAsync("chồng em đang đánh em");
        var handoff = await ScalarAsync("SELECT id FROM handoffs", ct);

        await RunJobAsync(DateTimeOffset.UtcNow.AddDays(31), ct);
        var replies = await new WebChatClient(http).RepliesAsync("chi-binh", ct);
        using var staff = await ConsoleClient.SignInAsync(host.BaseAddress, "quantri");
        var page = await staff.GetAsync($"/staff/handoffs/{handoff}");

        Assert.NotEmpty(replies);
        Assert.All(replies, r => Assert.Equal(System.Text.Json.JsonValueKind.Null, r.GetProperty("text").ValueKind));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain("đánh", page.Text, StringComparison.Ordinal);
    }

    private async Task RunJobAsync(DateTimeOffset at, CancellationToken ct)
    {
        var job = new PurgeMessageTextJob(
            new RetentionStore(_database.DataSource), new SignInFailureStore(_database.DataSource), new ReportPeriodStore(_database.DataSource),
            Options.Create(new RetentionOptions { BatchSize = 100 }),
            new FakeTimeProvider(at), NullLogger<PurgeMessageTextJob>.Instance);
        await job.RunAsync(ct);
    }

    private async Task<string> InboxTextAsync(string member, CancellationToken ct)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        return string.Join("\n", await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT payload::text FROM inbox_events WHERE sender_id = @member", new { member }, cancellationToken: ct)));
    }

    private async Task<List<string?>> ReplyTextsAsync(string member, CancellationToken ct)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        var texts = (await connection.QueryAsync<string?>(new CommandDefinition(
            "SELECT body->>'text' FROM outbound_messages WHERE recipient_id = @member", new { member }, cancellationToken: ct))).AsList();
        Assert.NotEmpty(texts);
        return texts;
    }

    private async Task<(long Inbox, long Outbox)> CountRowsAsync(CancellationToken ct) =>
        (await ScalarAsync("SELECT count(*) FROM inbox_events", ct), await ScalarAsync("SELECT count(*) FROM outbound_messages", ct));

    private async Task<long> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, cancellationToken: ct));
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, cancellationToken: ct));
    }
}
