using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Bot.Core;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Inbox;

public sealed class TurnRunnerTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Message_AckedThenHostDiesBeforeProcessing_NextHostAnswersIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var acking = await TestHost.StartAsync(_database, new Dictionary<string, string?> { ["Outreach:Inbox:RunWorkers"] = "false" }, cancellationToken: ct))
        {
            using var http = new HttpClient { BaseAddress = acking.BaseAddress };
            var response = await new WebChatClient(http).PostAsync("member-a", "xin chào", cancellationToken: ct);
            Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        }

        await using var next = await TestHost.StartAsync(_database, cancellationToken: ct);
        using var http2 = new HttpClient { BaseAddress = next.BaseAddress };

        var replies = await new WebChatClient(http2).WaitForRepliesAsync("member-a", 1, ct);

        Assert.Contains("Hội LHPN", replies[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_DeliveredTwiceWithSameId_RunsOneTurn()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(_database, cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var chat = new WebChatClient(http);

        await chat.PostAsync("member-b", "hỏi vay vốn", clientMessageId: "same-id", cancellationToken: ct);
        await chat.PostAsync("member-b", "hỏi vay vốn", clientMessageId: "same-id", cancellationToken: ct);
        await chat.WaitForRepliesAsync("member-b", 1, ct);
        await WaitUntilInboxSettledAsync(ct);

        Assert.Single(await chat.RepliesAsync("member-b", ct));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM inbox_events WHERE sender_id = 'member-b'"));
    }

    [Fact]
    public async Task Turn_FailsAfterReplying_ReplyRolledBackAndTurnRetriedOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var bot = new FailOnceBot();
        await using var host = await TestHost.StartAsync(_database, configure: b => b.Services.AddSingleton<IBot>(bot), cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var chat = new WebChatClient(http);

        await chat.PostAsync("member-c", "xin chào", cancellationToken: ct);
        var replies = await chat.WaitForRepliesAsync("member-c", 1, ct);
        await WaitUntilInboxSettledAsync(ct);

        Assert.Equal(2, bot.Attempts);
        Assert.Equal("trả lời lần 2", Assert.Single(await chat.RepliesAsync("member-c", ct)).GetProperty("text").GetString());
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM outbound_messages"));
        Assert.Equal("trả lời lần 2", replies[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task ManyMessagesFromOneMember_RepliesKeepTheirOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(_database, configure: b => b.Services.AddSingleton<IBot>(new EchoBot()), cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var chat = new WebChatClient(http);

        for (var i = 0; i < 8; i++)
        {
            await chat.PostAsync("member-d", $"tin {i}", cancellationToken: ct);
        }

        var replies = await chat.WaitForRepliesAsync("member-d", 8, ct);

        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"đã nhận: tin {i}"), replies.Select(r => r.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Message_CreatesContactWithLastInteraction()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(_database, cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var chat = new WebChatClient(http);

        await chat.PostAsync("member-e", "chào", cancellationToken: ct);
        await chat.WaitForRepliesAsync("member-e", 1, ct);

        Assert.Equal(1, await CountAsync(
            "SELECT count(*) FROM contacts WHERE platform_user_id = 'member-e' AND channel = 'webchat' AND last_inbound_at IS NOT NULL"));
        Assert.Equal(1, await CountAsync(
            "SELECT count(*) FROM outbound_messages o JOIN contacts c ON c.id = o.contact_id WHERE c.platform_user_id = 'member-e'"));
    }

    private async Task<int> CountAsync(string sql)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<int>(sql);
    }

    private async Task WaitUntilInboxSettledAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (await CountAsync("SELECT count(*) FROM inbox_events WHERE status = 'pending'") > 0)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private sealed class FailOnceBot : IBot
    {
        private int _attempts;

        public int Attempts => _attempts;

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            var attempt = Interlocked.Increment(ref _attempts);
            await turnContext.SendActivityAsync($"trả lời lần {attempt}", cancellationToken: cancellationToken);
            if (attempt == 1)
            {
                throw new InvalidOperationException("the turn dies after its reply was recorded");
            }
        }
    }

    private sealed class EchoBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
            turnContext.SendActivityAsync("đã nhận: " + turnContext.Activity.Text, cancellationToken: cancellationToken);
    }
}
