using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Outreach.Bot.Channels;
using Outreach.Bot.Core;
using Outreach.Bot.Inbox;
using Outreach.Bot.Outbox;
using Outreach.Content.Channels;
using Outreach.Content.Inbox;
using Outreach.Content.Messages;
using Outreach.Scheduler.Sending;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Outbox;

/// <summary>The reply dispatcher on real PostgreSQL with a scripted sender: what it records for each answer a platform can give.</summary>
public sealed class ReplyDispatcherTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly ScriptedSender _sender = new();
    private TestDatabase _database = null!;
    private OutboundMessageStore _outbox = null!;
    private ReplyDispatcher _dispatcher = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        _outbox = new OutboundMessageStore(_database.DataSource, _clock);
        var registry = new ChannelRegistry([new ScriptedChannel()], [_sender]);
        _dispatcher = new ReplyDispatcher(_outbox, registry, Options.Create(new InboxOptions { MaxSendAttempts = 3 }),
            new ChannelHealthReporter(new ChannelHealthStore(_database.DataSource), _clock), _clock,
            NullLogger<ReplyDispatcher>.Instance);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Sent_RecordsThePlatformIdsAndPassesTheRowAsReference()
    {
        var id = await EnqueueAsync("chào chị");
        _sender.Next(SendResult.Sent("mid-1", "mid-2"));

        Assert.True(await _dispatcher.SendOnceAsync(TestContext.Current.CancellationToken));

        var row = await RowAsync(id);
        Assert.Equal("sent", row.Status);
        Assert.Equal(["mid-1", "mid-2"], row.Ids);
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(_sender.Received).Reference);
        Assert.Equal("chào chị", _sender.Received[0].Text);
    }

    [Fact]
    public async Task Transient_WaitsWithBackoff_ThenRetryAfterOfTheRateLimit_ThenGivesUpAtMaxAttempts()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await EnqueueAsync("chào chị");
        _sender.Next(SendResult.Failed(SendOutcome.Transient, "500", "oops"));
        _sender.Next(SendResult.Failed(SendOutcome.RateLimited, "613", "slow down", TimeSpan.FromSeconds(30)));
        _sender.Next(SendResult.Failed(SendOutcome.Transient, "500", "oops"));

        await _dispatcher.SendOnceAsync(ct);
        var first = await RowAsync(id);
        Assert.False(await _dispatcher.SendOnceAsync(ct)); // not due yet
        _clock.Advance(TimeSpan.FromSeconds(2));
        await _dispatcher.SendOnceAsync(ct);
        var second = await RowAsync(id);
        _clock.Advance(TimeSpan.FromSeconds(30));
        await _dispatcher.SendOnceAsync(ct);
        var third = await RowAsync(id);

        Assert.Equal(("pending", Now.AddSeconds(2), "500"), (first.Status, first.NextAttemptAt, first.Error));
        Assert.Equal(("pending", Now.AddSeconds(32), "613"), (second.Status, second.NextAttemptAt, second.Error));
        Assert.Equal(("failed", "500"), (third.Status, third.Error));
        Assert.Equal(3, _sender.Received.Count);
    }

    [Fact]
    public async Task Refused_IsFinalAtOnce()
    {
        var id = await EnqueueAsync("chào chị");
        _sender.Next(SendResult.Failed(SendOutcome.OutsideWindow, "10/2018278", "outside the window"));

        await _dispatcher.SendOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(("failed", "10/2018278"), ((await RowAsync(id)).Status, (await RowAsync(id)).Error));
    }

    [Fact]
    public async Task ChannelNotServedHere_FailsWithNoSenderAndNothingIsSent()
    {
        var id = await EnqueueAsync("chào chị", channel: "pigeon");

        await _dispatcher.SendOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(("failed", "no_sender"), ((await RowAsync(id)).Status, (await RowAsync(id)).Error));
        Assert.Empty(_sender.Received);
    }

    [Fact]
    public async Task TwoRepliesToOneMember_SentInOrder()
    {
        var first = await EnqueueAsync("một", seq: 0);
        var second = await EnqueueAsync("hai", seq: 1);
        _sender.Next(SendResult.Sent("a"));
        _sender.Next(SendResult.Sent("b"));

        await _dispatcher.SendOnceAsync(TestContext.Current.CancellationToken);
        await _dispatcher.SendOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["một", "hai"], _sender.Received.Select(m => m.Text));
        Assert.True(first < second);
    }

    [Fact]
    public async Task SenderThatThrows_CountsAsAnAttempt_FailsAtTheCap_AndHerNextReplyGoesOut()
    {
        var ct = TestContext.Current.CancellationToken;
        var poison = await EnqueueAsync("độc", seq: 0);
        var next = await EnqueueAsync("tiếp", seq: 1);
        _sender.Throw(new InvalidOperationException("bug in the sender"), times: 3);
        _sender.Next(SendResult.Sent("ok"));

        for (var i = 0; i < 3; i++)
        {
            Assert.True(await _dispatcher.SendOnceAsync(ct));
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.True(await _dispatcher.SendOnceAsync(ct));
        Assert.Equal(("failed", "System.InvalidOperationException"), ((await RowAsync(poison)).Status, (await RowAsync(poison)).Error));
        Assert.Equal("sent", (await RowAsync(next)).Status);
        Assert.Equal(["độc", "độc", "độc", "tiếp"], _sender.Received.Select(m => m.Text));
    }

    [Fact]
    public async Task SendingLeaseRunOut_RequeuedBelowTheCap_FailedAtIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await EnqueueAsync("treo");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.NotNull(await _outbox.ClaimNextAsync(new InboxOptions().SendLease, ct)); // a host claims it and dies mid-send
            _clock.Advance(new InboxOptions().SendLease + TimeSpan.FromSeconds(1));
            Assert.Equal(1, await _outbox.ReleaseExpiredAsync(3, ct));
            Assert.Equal(attempt < 3 ? "pending" : "failed", (await RowAsync(id)).Status);
        }

        Assert.Equal("lease_expired", (await RowAsync(id)).Error);
        Assert.Null(await _outbox.ClaimNextAsync(new InboxOptions().SendLease, ct));
    }

    [Fact]
    public async Task CrisisReply_PassesHerReplyThatIsWaitingToBeRetried_AndHerStuckOne()
    {
        var ct = TestContext.Current.CancellationToken;
        var waiting = await EnqueueAsync("câu trả lời thường", seq: 0);
        _sender.Next(SendResult.Failed(SendOutcome.Transient, "500", "oops"));
        await _dispatcher.SendOnceAsync(ct); // now backing off
        var stuck = await EnqueueAsync("đang gửi", seq: 1, member: "her");
        Assert.NotNull(await _outbox.ClaimNextAsync(new InboxOptions().SendLease, ct)); // "sending" on a host that hangs
        var hotline = await EnqueueAsync("Gọi ngay 111", seq: 0, urgent: true);
        var hotlineToHer = await EnqueueAsync("Gọi ngay 111", seq: 0, urgent: true, member: "her");
        _sender.Next(SendResult.Sent("h1"));
        _sender.Next(SendResult.Sent("h2"));

        Assert.True(await _dispatcher.SendOnceAsync(ct));
        Assert.True(await _dispatcher.SendOnceAsync(ct));

        Assert.Equal(("sent", "sent"), ((await RowAsync(hotline)).Status, (await RowAsync(hotlineToHer)).Status));
        Assert.Equal(("pending", "sending"), ((await RowAsync(waiting)).Status, (await RowAsync(stuck)).Status));
    }

    [Fact]
    public async Task TwoCrisisReplies_KeepTheirOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        await EnqueueAsync("thường", seq: 0);
        await EnqueueAsync("hotline", seq: 1, urgent: true);
        await EnqueueAsync("theo dõi", seq: 2, urgent: true);
        _sender.Next(SendResult.Sent("a"));
        _sender.Next(SendResult.Sent("b"));
        _sender.Next(SendResult.Sent("c"));

        while (await _dispatcher.SendOnceAsync(ct))
        {
        }

        Assert.Equal(["hotline", "theo dõi", "thường"], _sender.Received.Select(m => m.Text));
    }

    private Task<long> EnqueueAsync(string text, string channel = ScriptedChannel.Name, int seq = 0, bool urgent = false, string member = "member")
    {
        var message = new OutboundMessage { Channel = channel, AccountId = "page", RecipientId = member, Text = text };
        return _outbox.EnqueueAsync(null, new OutboundDraft(
            channel, "page", member, null, null, seq, MessagePurposes.Name(MessagePurpose.Reply),
            JsonSerializer.Serialize(message, OutboundMessageMapper.JsonOptions), urgent), TestContext.Current.CancellationToken);
    }

    private async Task<(string Status, string[] Ids, DateTimeOffset? NextAttemptAt, string? Error)> RowAsync(long id)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var row = await connection.QuerySingleAsync<(string Status, string[] Ids, DateTime? Next, string? Error)>(
            "SELECT status, platform_message_ids, next_attempt_at, error_code FROM outbound_messages WHERE id = @id", new { id });
        return (row.Status, row.Ids ?? [], row.Next is { } next ? new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc)) : null, row.Error);
    }

    private sealed class ScriptedChannel : IChannel
    {
        public const string Name = "scripted";

        public ChannelProfile Profile { get; } = new(Name, "Thử");

        public IReadOnlyList<Activity> ToActivities(InboxEvent inboxEvent) => [];

        public ChannelPreview Preview(OutboundMessage message) => new(Name, [], 0, 0);
    }

    private sealed class ScriptedSender : IChannelSender
    {
        private readonly Queue<Func<SendResult>> _results = new();

        public List<OutboundMessage> Received { get; } = [];

        public string Channel => ScriptedChannel.Name;

        public void Next(SendResult result) => _results.Enqueue(() => result);

        public void Throw(Exception exception, int times)
        {
            for (var i = 0; i < times; i++)
            {
                _results.Enqueue(() => throw exception);
            }
        }

        public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
        {
            Received.Add(message);
            return Task.FromResult(_results.Dequeue()());
        }
    }
}
