using System.Text.Json;
using Dapper;
using Outreach.Bot.Tests.Channels.Zalo;
using Outreach.Bot.Tests.EndToEnd;
using Outreach.Emulators.Zalo;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Unanswered;

/// <summary>
/// The member side of issue 14.2–14.3 against the real bot, pack and PostgreSQL: every typed question is recorded with how it
/// ended, answers carry "Hữu ích" / "Chưa đúng" (numbered lines on Zalo), her verdict (tapped, typed, or a typed number) is
/// counted per entry and "Chưa đúng" queues the question; the fallback and crisis messages never get the buttons, and a crisis
/// message is recorded without its text.
/// </summary>
public sealed class AnswerFeedbackTests(PostgresServer server) : IAsyncLifetime
{
    private const string HotlineQuestion = "số điện thoại tổng đài hỗ trợ phụ nữ bị bạo lực";
    private const string OffTopic = "kết quả xổ số miền bắc hôm nay";
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task AnswerCarriesFeedback_WrongTapQueuesTheQuestion_FallbackQueuedWithoutButtons_SmalltalkNotAQuestion()
    {
        await using var host = await TestHost.StartAsync(_database, TestHost.WithoutJobServer(), cancellationToken: TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var member = new Conversation(new WebChatClient(http), _database, "member-fb-1");

        var answer = await member.SayAsync(HotlineQuestion);
        var wrong = Payload(answer, "Chưa đúng");
        var sorry = await member.SayAsync("Chưa đúng", wrong);
        var fallback = await member.SayAsync(OffTopic);
        await member.SayAsync("chào em");

        Assert.Contains("1900 969 680", Conversation.Text(answer), StringComparison.Ordinal);
        Assert.StartsWith("FEEDBACK:useful:", Payload(answer, "Hữu ích"), StringComparison.Ordinal);
        Assert.StartsWith("FEEDBACK:wrong:", wrong, StringComparison.Ordinal);
        Assert.StartsWith("Dạ, em xin lỗi", Conversation.Text(sorry), StringComparison.Ordinal);
        Assert.DoesNotContain(Conversation.Payloads(fallback), p => p.StartsWith("FEEDBACK:", StringComparison.Ordinal));
        var rows = await QuestionsAsync("member-fb-1");
        Assert.Equal([(HotlineQuestion, "answer", "wrong"), (OffTopic, "fallback", "fallback")], rows);
        Assert.Equal("wrong", await ScalarAsync<string>("SELECT feedback FROM bot_answers"));
    }

    [Fact]
    public async Task TypedSaiRoiRightAfterAnswer_Queued_UsefulTapCounted_CrisisRecordedWithoutTextOrButtons()
    {
        await using var host = await TestHost.StartAsync(_database, TestHost.WithoutJobServer(), cancellationToken: TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var first = new Conversation(new WebChatClient(http), _database, "member-fb-2");
        var second = new Conversation(new WebChatClient(http), _database, "member-fb-3");

        await first.SayAsync(HotlineQuestion);
        var sorry = await first.SayAsync("sai rồi em ơi");
        var answer = await second.SayAsync(HotlineQuestion);
        var thanks = await second.SayAsync("Hữu ích", Payload(answer, "Hữu ích"));
        var crisis = await second.SayAsync("chồng em đang đánh em, cứu em với");
        var afterCrisis = await second.SayAsync("sai rồi");

        Assert.StartsWith("Dạ, em xin lỗi", Conversation.Text(sorry), StringComparison.Ordinal);
        Assert.StartsWith("Dạ, cảm ơn chị", Conversation.Text(thanks), StringComparison.Ordinal);
        Assert.StartsWith("Gọi ngay 113", Conversation.Text(crisis), StringComparison.Ordinal);
        Assert.Empty(Conversation.Payloads(crisis));
        Assert.DoesNotContain("xin lỗi", Conversation.Text(afterCrisis), StringComparison.Ordinal);
        Assert.Equal([(HotlineQuestion, "answer", "wrong")], await QuestionsAsync("member-fb-2"));
        var crisisRow = await ScalarAsync<string>(
            """
            SELECT row_to_json(q)::text FROM member_questions q JOIN contacts c ON c.id = q.contact_id
            WHERE c.platform_user_id = 'member-fb-3' AND q.outcome = 'crisis'
            """);
        Assert.Contains("\"text\":null", crisisRow, StringComparison.Ordinal);
        Assert.DoesNotContain("đánh", crisisRow, StringComparison.Ordinal);
        Assert.DoesNotContain("danh", crisisRow, StringComparison.Ordinal);
        Assert.Equal("useful", await ScalarAsync<string>(
            "SELECT string_agg(a.feedback, ',') FROM bot_answers a JOIN contacts c ON c.id = a.contact_id WHERE c.platform_user_id = 'member-fb-3'"));
    }

    [Fact]
    public async Task Zalo_AnswerEndsWithNumberedHuuIchChuaDung_TypedTwoQueuesTheQuestion()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var host = await TestHost.StartAsync(_database, TestHost.WithoutJobServer(ZaloTestGateway.Settings(zalo)), cancellationToken: ct);
        var bodies = new ZaloWebhookBodies(zalo);

        await zalo.PostWebhookAsync(host.Webhook(), bodies.Text("z-1", HotlineQuestion), ct);
        var answer = await zalo.WaitForMessageAsync(m => m.UserId == "z-1", TimeSpan.FromSeconds(30), ct);
        await zalo.PostWebhookAsync(host.Webhook(), bodies.Text("z-1", "2"), ct);
        var sorry = await zalo.WaitForMessageAsync(m => m.UserId == "z-1" && m.MessageId != answer.MessageId, TimeSpan.FromSeconds(30), ct);

        Assert.Contains("1900 969 680", answer.Text, StringComparison.Ordinal);
        Assert.Contains("\n1. Hữu ích\n2. Chưa đúng\n", answer.Text, StringComparison.Ordinal);
        Assert.StartsWith("Dạ, em xin lỗi", sorry.Text, StringComparison.Ordinal);
        Assert.Equal([(HotlineQuestion, "answer", "wrong")], await QuestionsAsync("z-1"));
    }

    private static string Payload(JsonElement reply, string title) =>
        reply.GetProperty("quickReplies").EnumerateArray().Single(q => q.GetProperty("title").GetString() == title).GetProperty("payload").GetString()!;

    private async Task<List<(string Text, string Outcome, string? Missed)>> QuestionsAsync(string userId)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var rows = await connection.QueryAsync<(string, string, string?)>(
            """
            SELECT q.text, q.outcome, q.missed FROM member_questions q JOIN contacts c ON c.id = q.contact_id
            WHERE c.platform_user_id = @userId ORDER BY q.id
            """,
            new { userId });
        return rows.ToList();
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }
}
