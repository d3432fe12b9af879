using System.Text.Json;
using Dapper;
using Outreach.Testing;

namespace Outreach.Bot.Tests.EndToEnd;

/// <summary>One member talking to the real gateway through /webchat: say something, get the reply of that turn.</summary>
internal sealed class Conversation(WebChatClient chat, TestDatabase database, string userId)
{
    private int _seen;

    public string UserId => userId;

    /// <summary>Sends a message (or a tap) and returns the first reply it produced.</summary>
    public async Task<JsonElement> SayAsync(string text, string? payload = null)
    {
        var ct = TestContext.Current.CancellationToken;
        await chat.PostAsync(userId, text, payload, cancellationToken: ct);
        var replies = await chat.WaitForRepliesAsync(userId, _seen + 1, ct);
        var reply = replies[_seen];
        _seen = replies.Count;
        return reply;
    }

    /// <summary>Waits for the next reply that was not asked for (a staff reply, a notice).</summary>
    public async Task<JsonElement> NextReplyAsync()
    {
        var replies = await chat.WaitForRepliesAsync(userId, _seen + 1, TestContext.Current.CancellationToken);
        var reply = replies[_seen];
        _seen = replies.Count;
        return reply;
    }

    /// <summary>Sends a message, waits until its turn ran, and returns how many replies that turn recorded.</summary>
    public async Task<int> SayAndCountRepliesAsync(string text)
    {
        var ct = TestContext.Current.CancellationToken;
        var before = await CountAsync("SELECT count(*) FROM outbound_messages WHERE recipient_id = @userId");
        await chat.PostAsync(userId, text, cancellationToken: ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (await CountAsync("SELECT count(*) FROM inbox_events WHERE sender_id = @userId AND status IN ('pending', 'processing')") > 0)
        {
            await Task.Delay(50, timeout.Token);
        }

        return await CountAsync("SELECT count(*) FROM outbound_messages WHERE recipient_id = @userId") - before;
    }

    public async Task<int> CountAsync(string sql)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<int>(sql, new { userId });
    }

    public async Task<long> ContactIdAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT id FROM contacts WHERE platform_user_id = @userId", new { userId });
    }

    public static string Text(JsonElement reply) => reply.GetProperty("text").GetString() ?? "";

    public static IReadOnlyList<string> Payloads(JsonElement reply) =>
        reply.GetProperty("quickReplies").EnumerateArray().Select(q => q.GetProperty("payload").GetString() ?? "").ToList();
}
