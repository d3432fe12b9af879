using Microsoft.Extensions.Logging;
using Outreach.Bot.Channels.Messenger;
using Outreach.Emulators.Messenger;
using Outreach.Scheduler.Sending;
using Outreach.Content.Messages;

namespace Outreach.Bot.Tests.Channels.Messenger;

public sealed class MessengerSenderTests
{
    [Fact]
    public async Task SendAsync_BotReply_ArrivesAsResponseWithoutTagTokenInHeaderOnly()
    {
        await using var h = await MessengerHarness.StartAsync();

        var result = await h.Sender.SendAsync(Message("Chào chị", quickReplies: [new QuickReply("Khám sàng lọc", "TOPIC_HEALTH")]), Ct);

        var send = Assert.Single(h.Emulator.Sends);
        Assert.Equal([send.MessageId!], result.PlatformMessageIds);
        Assert.Equal(("RESPONSE", null, "Chào chị", "7"), (send.MessagingType, send.Tag, send.Text, send.Metadata));
        Assert.Equal(("Khám sàng lọc", "TOPIC_HEALTH"), Assert.Single(send.QuickReplies));
        Assert.Equal("Bearer " + MessengerEmulatorOptions.DefaultPageToken, send.Request.Headers["authorization"]);
        Assert.DoesNotContain(MessengerEmulatorOptions.DefaultPageToken, send.Request.Path + send.Request.QueryString, StringComparison.Ordinal);
        Assert.Contains("appsecret_proof=" + MessengerClient.AppSecretProof(MessengerEmulatorOptions.DefaultAppSecret, MessengerEmulatorOptions.DefaultPageToken),
            send.Request.QueryString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_StaffReplyAfter25Hours_HumanAgentTagAccepted_BotReplyRefusedAsOutsideWindow()
    {
        await using var h = await MessengerHarness.StartAsync();
        h.Emulator.HumanAgentApproved = true;
        h.Clock.Advance(TimeSpan.FromHours(25));

        var staff = await h.Sender.SendAsync(Message("Cán bộ Hội trả lời chị") with { Purpose = MessagePurpose.HumanAgentReply }, Ct);
        var bot = await h.Sender.SendAsync(Message("Bot trả lời"), Ct);

        Assert.True(staff.IsSent);
        Assert.Equal(("MESSAGE_TAG", "HUMAN_AGENT"), (h.Emulator.Sends[0].MessagingType, h.Emulator.Sends[0].Tag));
        Assert.Equal((SendOutcome.OutsideWindow, "10/2018278"), (bot.Outcome, bot.ErrorCode));
        Assert.Null(h.Emulator.Sends[1].Tag);
        Assert.Equal(2, h.Emulator.Sends.Count);
    }

    [Fact]
    public async Task SendAsync_GraphSaysTemporaryFailure_RetriedAtOnceAndSent()
    {
        await using var h = await MessengerHarness.StartAsync();
        h.Emulator.FailNextSend(MessengerGraphErrors.TemporaryFailure(), status: 500);

        var result = await h.Sender.SendAsync(Message("Chào chị"), Ct);

        Assert.True(result.IsSent);
        Assert.Equal([500, 200], h.Emulator.Sends.Select(s => s.Request.ResponseStatus));
    }

    [Fact]
    public async Task SendAsync_NoAnswerInTime_TransientWithoutARetryThatCouldDuplicate()
    {
        await using var h = await MessengerHarness.StartAsync(new Dictionary<string, string?> { ["Outreach:Messenger:SendTimeoutSeconds"] = "1" });
        h.Emulator.DelayNextSend(TimeSpan.FromSeconds(3));

        var result = await h.Sender.SendAsync(Message("Chào chị"), Ct);

        Assert.Equal((SendOutcome.Transient, "timeout"), (result.Outcome, result.ErrorCode));
        await h.Emulator.WaitForRequestAsync(_ => true, TimeSpan.FromSeconds(10), Ct);
        Assert.Single(h.Emulator.Received);
    }

    [Fact]
    public async Task SendAsync_GraphUnreachable_TransientNetworkFailure()
    {
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        await using var h = await MessengerHarness.StartAsync(new Dictionary<string, string?> { ["Outreach:Messenger:GraphBaseUrl"] = $"http://127.0.0.1:{port}/" });

        var result = await h.Sender.SendAsync(Message("Chào chị"), Ct);

        Assert.Equal((SendOutcome.Transient, "network"), (result.Outcome, result.ErrorCode));
    }

    [Fact]
    public async Task SendAsync_RateLimited_NotRetriedHereAndCarriesRetryAfter()
    {
        await using var h = await MessengerHarness.StartAsync();
        h.Emulator.FailNextSend(MessengerGraphErrors.CallRateLimit(), headers: new Dictionary<string, string> { ["Retry-After"] = "2" });

        var result = await h.Sender.SendAsync(Message("Chào chị"), Ct);

        Assert.Equal((SendOutcome.RateLimited, "613", TimeSpan.FromSeconds(2)), (result.Outcome, result.ErrorCode, result.RetryAfter));
        Assert.Single(h.Emulator.Received);
    }

    [Fact]
    public async Task SendAsync_ExpiredTokenBlockedMemberUnknownPage_FinalOutcomes()
    {
        await using var h = await MessengerHarness.StartAsync();

        var unknownPage = await h.Sender.SendAsync(Message("x") with { AccountId = "999" }, Ct);
        h.Emulator.Block(MessengerHarness.Psid);
        var blocked = await h.Sender.SendAsync(Message("x"), Ct);
        h.Emulator.ExpireToken();
        var expired = await h.Sender.SendAsync(Message("x"), Ct);

        Assert.Equal((SendOutcome.AuthFailed, "unknown_page"), (unknownPage.Outcome, unknownPage.ErrorCode));
        Assert.Equal((SendOutcome.Unreachable, "551/1545041"), (blocked.Outcome, blocked.ErrorCode));
        Assert.Equal((SendOutcome.AuthFailed, "190/463"), (expired.Outcome, expired.ErrorCode));
        Assert.Equal(2, h.Emulator.Received.Count);
    }

    [Fact]
    public async Task SendAsync_LaterPartFailsForAWhile_RetrySendsOnlyTheMissingParts()
    {
        await using var h = await MessengerHarness.StartAsync();
        var text = new string('a', 1900) + "\n\n" + new string('b', 1900) + "\n\n" + new string('c', 100);
        for (var i = 0; i < 3; i++)
        {
            h.Emulator.FailNextSendWhere(b => b.GetProperty("message").GetProperty("text").GetString()!.StartsWith('b'), MessengerGraphErrors.TemporaryFailure(), 500);
        }

        var first = await h.Sender.SendAsync(Message(text), Ct);
        var retry = await h.Sender.SendAsync(Message(text), Ct);

        Assert.Equal(SendOutcome.Transient, first.Outcome);
        Assert.True(retry.IsSent);
        Assert.Equal(3, retry.PlatformMessageIds.Count);
        Assert.Equal(['a', 'b', 'c'], h.Emulator.Sends.Where(s => s.MessageId is not null).Select(s => s.Text![0]));
    }

    [Fact]
    public async Task SendAsync_MessengerNotConfigured_AuthFailedWithoutACall()
    {
        await using var h = await MessengerHarness.StartAsync(configured: false);

        var result = await h.Sender.SendAsync(Message("x"), Ct);

        Assert.Equal((SendOutcome.AuthFailed, "not_configured"), (result.Outcome, result.ErrorCode));
        Assert.Empty(h.Emulator.Received);
    }

    [Fact]
    public async Task SendSenderActionAsync_TypingOn_SentAloneAndAnsweredWithoutAMessageId()
    {
        await using var h = await MessengerHarness.StartAsync();

        var result = await h.Client.SendSenderActionAsync(h.Emulator.PageId, MessengerHarness.Psid, "typing_on", Ct);

        Assert.True(result.IsSent);
        Assert.Empty(result.PlatformMessageIds);
        Assert.Equal(("typing_on", null), (Assert.Single(h.Emulator.Sends).SenderAction, h.Emulator.Sends[0].Text));
    }

    [Fact]
    public async Task SendAsync_Sent_WritesNoLogEntryAtTheGatewaysDefaultLevel()
    {
        // A broadcast sends thousands of messages a second and the gateway logs at Information by default: a successful send
        // must not write a log entry each (Polly's telemetry wrote "Execution attempt" at Information for every call).
        using var logs = new RecordingLogs();
        await using var h = await MessengerHarness.StartAsync(logs: logs);

        var first = await h.Sender.SendAsync(Message("Chào chị"), Ct);
        var second = await h.Sender.SendAsync(Message("Chào chị lần nữa"), Ct);

        Assert.True(first.IsSent && second.IsSent);
        Assert.Equal(2, h.Emulator.Sends.Count);
        Assert.Empty(logs.Entries);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class RecordingLogs : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Category(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Category(RecordingLogs logs, string name) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Entries.Enqueue($"{name} {logLevel}: {formatter(state, exception)}");
        }
    }

    private static OutboundMessage Message(string text, IReadOnlyList<QuickReply>? quickReplies = null) => new()
    {
        Channel = "messenger", AccountId = MessengerEmulatorOptions.DefaultPageId, RecipientId = MessengerHarness.Psid, Text = text,
        QuickReplies = quickReplies ?? [], Reference = "7",
    };
}
