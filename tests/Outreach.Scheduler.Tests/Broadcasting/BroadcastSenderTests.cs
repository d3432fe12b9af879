using System.Collections.Concurrent;
using Dapper;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Outreach.Content.Broadcasts;
using Outreach.Content.Channels;
using Outreach.Content.Posts;
using Outreach.Scheduler.Broadcasting;
using Outreach.Scheduler.Sending;
using Outreach.Testing;

namespace Outreach.Scheduler.Tests.Broadcasting;

/// <summary>One chunk through the sender's pipeline (claimer, senders, recorder) on real PostgreSQL, with a counting sender.</summary>
public sealed class BroadcastSenderTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero); // 10:00 in Vietnam: no quiet hours
    private readonly CountingSender _platform = new();
    private readonly FakeTimeProvider _clock = new(Now);
    private TestDatabase _database = null!;
    private Broadcast _broadcast = null!;
    private Post _post = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await server.CreateDatabaseAsync(ct);
        var seed = new Seed(_database);
        var unit = await seed.UnitAsync(null, "tinh", "Tỉnh", ct);
        var editor = await seed.StaffAsync("editor", unit.Id, "editor", ct);
        await seed.ManyContactsAsync("messenger", 12, unit.Id, "health", Now.AddHours(-1), "psid-", ct);
        _post = await new PostStore(_database.DataSource, new FakeTimeProvider(Now)).CreateAsync(
            new Post { OrgUnitId = unit.Id, Title = "T", Body = "B", Topic = "health", Audience = Audience.Of(["messenger"], [unit.Id]), CreatedBy = editor.Id },
            ct);
        var broadcasts = new BroadcastStore(_database.DataSource);
        var created = await broadcasts.GetOrCreateAsync(_post.Id, Now, ct);
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await new AudiencePlanner(TestChannels.Eligibility()).PlanAsync(transaction, created.Id, _post, Now, 12, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE broadcasts SET status = 'sending' WHERE id = @id", new { id = created.Id }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        _broadcast = (await broadcasts.FindAsync(created.Id, ct))!;
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task SendChunkAsync_SendsEachQueuedMemberOnce_AndRecordsThemSent()
    {
        var ct = TestContext.Current.CancellationToken;
        var (sender, chunk) = await StartAsync(concurrency: 3, ct);

        var outcome = await sender.SendChunkAsync(_broadcast, _post, chunk, ct);

        Assert.Equal(ChunkOutcome.Done, outcome);
        Assert.Equal(12, _platform.Recipients.Count);
        Assert.Equal(12, _platform.Recipients.Distinct().Count());
        Assert.Equal(["sent"], await QueryAsync<string>("SELECT DISTINCT status FROM deliveries", ct));
    }

    [Fact]
    public async Task SendChunkAsync_RecorderFails_ThrowsItsErrorInsteadOfWaitingForeverOnTheFullHandOff()
    {
        var ct = TestContext.Current.CancellationToken;
        var (sender, chunk) = await StartAsync(concurrency: 1, ct);
        // Every record statement also appends reach events: without their table, each batch's write fails.
        await QueryAsync<int>("ALTER TABLE reach_events RENAME TO reach_events_gone; SELECT 1", ct);

        var failure = await Record.ExceptionAsync(() => sender.SendChunkAsync(_broadcast, _post, chunk, ct).WaitAsync(TimeSpan.FromSeconds(30), ct));

        var error = Assert.IsType<PostgresException>(failure);
        Assert.Equal(PostgresErrorCodes.UndefinedTable, error.SqlState);
        Assert.True(_platform.Recipients.Count < 12, "the sends went on after the recorder had failed");
        // Rows claimed but never handed to a send went back to the queue (out of their batch); the ones the platform got stay
        // in flight (unknown later, never resent), and so may the one send in flight (concurrency 1) when the failure stopped
        // it: whether it left the host is not known.
        var sending = await QueryAsync<string>(
            """
            SELECT c.platform_user_id FROM delivery_claims k CROSS JOIN unnest(k.contact_ids) AS x(id)
            JOIN deliveries d ON d.broadcast_id = k.broadcast_id AND d.contact_id = x.id AND d.status = 'queued'
            JOIN contacts c ON c.id = d.contact_id
            """,
            ct);
        Assert.Subset(sending.ToHashSet(), _platform.Recipients.ToHashSet());
        Assert.InRange(sending.Count - _platform.Recipients.Count, 0, 1);
        Assert.Equal(12 - sending.Count, (await QueryAsync<int>("SELECT count(*)::int FROM deliveries WHERE status = 'queued'", ct))[0] - sending.Count);
        // Its chunk's next holder counts them "unknown" and sends the rest.
        var next = await new DeliveryStore(_database.DataSource).ClaimChunkAsync(_broadcast.Id, Now.AddMinutes(2), TimeSpan.FromMinutes(1), ct);
        Assert.Equal(chunk.ChunkNo, next?.ChunkNo);
        Assert.Equal(sending.Count, await QueryScalarAsync("SELECT count(*)::int FROM deliveries WHERE status = 'unknown'", ct));
        Assert.Equal(12 - sending.Count, await QueryScalarAsync("SELECT count(*)::int FROM deliveries WHERE status = 'queued'", ct));
    }

    [Fact]
    public async Task SendChunkAsync_DatabaseAwayForAWhileMidChunk_RetriesAndRecordsEveryMemberOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var (sender, chunk) = await StartAsync(concurrency: 2, ct);
        Task? outage = null;
        _platform.OnSend = n =>
        {
            if (n == 4)
            {
                // The database goes away (every session cut, no new ones) for a moment, then comes back.
                outage = OutageAsync(TimeSpan.FromSeconds(2));
            }
        };

        var sending = sender.SendChunkAsync(_broadcast, _post, chunk, ct);
        while (!sending.IsCompleted)
        {
            // The retries' backoff runs on the test's clock.
            _clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(10, ct);
        }

        var outcome = await sending;
        await outage!;
        _database.DataSource.Clear(); // the test's own idle connections were cut too

        Assert.Equal(ChunkOutcome.Done, outcome);
        Assert.Equal(12, _platform.Recipients.Count);
        Assert.Equal(12, _platform.Recipients.Distinct().Count());
        Assert.Equal(["sent"], await QueryAsync<string>("SELECT DISTINCT status FROM deliveries", ct));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"fault broadcast-outage: members 12, sends {_platform.Recipients.Count}, duplicates {_platform.Recipients.Count - _platform.Recipients.Distinct().Count()}, " +
            $"unknown {(await QueryAsync<int>("SELECT count(*)::int FROM deliveries WHERE status <> 'sent'", ct))[0]}");
    }

    [Fact]
    public async Task SendChunkAsync_RowRefusedByOurOwnBudget25Times_IsSentInTheEnd_NotFailed()
    {
        var ct = TestContext.Current.CancellationToken;
        // psid-1's account budget is spent at each of her first 25 sends (the call never leaves): past RateLimitMaxDeferrals (20).
        _platform.Refuse = (recipient, n) => recipient == "psid-1" && n <= 25
            ? SendResult.RefusedByOwnBudget("spent", TimeSpan.FromSeconds(1))
            : null;

        var passes = await SendUntilDoneAsync(ct);

        Assert.True(passes > 25, $"only {passes} passes: the row was not put off each time");
        Assert.Equal(["sent"], await QueryAsync<string>("SELECT DISTINCT status FROM deliveries", ct));
        Assert.Equal(12, _platform.Recipients.Distinct().Count());
        Assert.Equal(12, _platform.Recipients.Count);
        // Every put-off gave its claim back: the rows count only the claims that reached the platform.
        Assert.Equal([1], await QueryAsync<int>("SELECT DISTINCT attempts::int FROM deliveries", ct));
    }

    [Fact]
    public async Task SendChunkAsync_PlatformRateLimitEveryTime_StillCountsTowardTheCapAndFails()
    {
        var ct = TestContext.Current.CancellationToken;
        // The platform itself refuses psid-1 (Meta 613: wait longer than is waited in place) at every send.
        _platform.Refuse = (recipient, _) => recipient == "psid-1"
            ? SendResult.Failed(SendOutcome.RateLimited, "613", "Calls to this api have exceeded the rate limit.", TimeSpan.FromSeconds(10))
            : null;

        await SendUntilDoneAsync(ct);

        var psid1 = await QueryAsync<(string Status, string Reason, int Attempts)>(
            "SELECT d.status, d.skip_reason, d.attempts::int FROM deliveries d JOIN contacts c ON c.id = d.contact_id WHERE c.platform_user_id = 'psid-1'", ct);
        Assert.Equal(("failed", FailReasons.RateLimited, new BroadcastOptions().RateLimitMaxDeferrals), psid1.Single());
        Assert.Equal(new BroadcastOptions().RateLimitMaxDeferrals, _platform.Recipients.Count(r => r == "psid-1"));
        Assert.Equal(11, await QueryScalarAsync("SELECT count(*)::int FROM deliveries WHERE status = 'sent'", ct));
    }

    [Fact]
    public async Task SendChunkAsync_PausedAtTheClaimAndResumedBeforeTheCheck_HandsTheChunkBack_AndEveryoneIsSentOnceLater()
    {
        var ct = TestContext.Current.CancellationToken;
        var (sender, chunk) = await StartAsync(concurrency: 3, ct);
        await using (var connection = await _database.DataSource.OpenConnectionAsync(ct))
        {
            // Staff pause the broadcast, and resume it in the same instant as the worker's claim: the claim still saw it paused
            // (it claims nothing), the worker's next look finds it sending again. A statement-level trigger fires with the claim
            // even though it updates no chunk, and resumes the broadcast once.
            await connection.ExecuteAsync(
                """
                UPDATE broadcasts SET status = 'paused' WHERE id = @id;
                CREATE TABLE resume_once (broadcast_id bigint NOT NULL);
                INSERT INTO resume_once VALUES (@id);
                CREATE FUNCTION resume_with_claim() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE broadcasts SET status = 'sending' WHERE id IN (SELECT broadcast_id FROM resume_once);
                    DELETE FROM resume_once;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER resume_with_claim AFTER UPDATE ON broadcast_chunks FOR EACH STATEMENT EXECUTE FUNCTION resume_with_claim();
                """,
                new { id = _broadcast.Id });
        }

        var first = await sender.SendChunkAsync(_broadcast, _post, chunk, ct);

        // The chunk is not closed with its members still queued: it is handed back, nothing sent, nothing "unknown".
        Assert.Equal(ChunkOutcome.Waiting, first);
        Assert.Empty(_platform.Recipients);
        Assert.Equal(["queued"], await QueryAsync<string>("SELECT DISTINCT status FROM deliveries", ct));
        Assert.Equal("sending", (await QueryAsync<string>($"SELECT status FROM broadcasts WHERE id = {_broadcast.Id}", ct)).Single());

        var deliveries = new DeliveryStore(_database.DataSource);
        await deliveries.FinishChunkAsync(chunk, done: false, _clock.GetUtcNow(), ct);
        var again = await deliveries.ClaimChunkAsync(_broadcast.Id, _clock.GetUtcNow(), TimeSpan.FromMinutes(1), ct);
        Assert.NotNull(again);
        Assert.Equal(ChunkOutcome.Done, await sender.SendChunkAsync(_broadcast, _post, again, ct));
        Assert.Equal(12, _platform.Recipients.Count);
        Assert.Equal(12, _platform.Recipients.Distinct().Count());
        Assert.Equal(["sent"], await QueryAsync<string>("SELECT DISTINCT status FROM deliveries", ct));
    }

    // Claims the chunk, sends it, hands it back while rows wait out a rate limit, and moves the clock past their wait, until done.
    private async Task<int> SendUntilDoneAsync(CancellationToken ct)
    {
        var (sender, chunk) = await StartAsync(concurrency: 3, ct);
        var deliveries = new DeliveryStore(_database.DataSource);
        for (var pass = 1; pass <= 200; pass++)
        {
            var outcome = await sender.SendChunkAsync(_broadcast, _post, chunk, ct);
            await deliveries.FinishChunkAsync(chunk, outcome == ChunkOutcome.Done, _clock.GetUtcNow(), ct);
            if (outcome == ChunkOutcome.Done)
            {
                return pass;
            }

            Assert.Equal(ChunkOutcome.Waiting, outcome);
            _clock.Advance(TimeSpan.FromSeconds(11));
            chunk = (await deliveries.ClaimChunkAsync(_broadcast.Id, _clock.GetUtcNow(), TimeSpan.FromMinutes(1), ct))!;
        }

        throw new InvalidOperationException("The chunk was not done after 200 passes.");
    }

    private async Task<int> QueryScalarAsync(string sql, CancellationToken ct) => (await QueryAsync<int>(sql, ct))[0];

    private async Task OutageAsync(TimeSpan length)
    {
        var admin = new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync($"ALTER DATABASE {_database.Name} ALLOW_CONNECTIONS false");
            await connection.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name", new { name = _database.Name });
        }

        await Task.Delay(length);
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync($"ALTER DATABASE {_database.Name} ALLOW_CONNECTIONS true");
        }
    }

    private async Task<(BroadcastSender Sender, ChunkClaim Chunk)> StartAsync(int concurrency, CancellationToken ct)
    {
        var options = Options.Create(new BroadcastOptions { Concurrency = concurrency });
        var time = _clock;
        var deliveries = new DeliveryStore(_database.DataSource);
        var eligibility = TestChannels.Eligibility(options.Value);
        var attempt = new DeliveryAttempt(
            new ChannelSenders([_platform]), new BroadcastRateLimiters(options, TestChannels.Catalog()), BroadcastMessage.Untracked, eligibility, options,
            new ChannelHealthReporter(new ChannelHealthStore(_database.DataSource), time), new ChannelThrottle(),
            new Outreach.Scheduler.Publishing.PostImageLinks(
                new Outreach.Content.Publishing.PostImageStore(_database.DataSource, time), Options.Create(new Outreach.Scheduler.Publishing.PublishingOptions())), time);
        var sender = new BroadcastSender(
            deliveries, new BroadcastStore(_database.DataSource), attempt, TestChannels.QuietHours(options.Value), eligibility, options, time);
        var chunk = await deliveries.ClaimChunkAsync(_broadcast.Id, Now, options.Value.Lease, ct);
        return (sender, chunk!);
    }

    private async Task<List<T>> QueryAsync<T>(string sql, CancellationToken ct)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, cancellationToken: ct))).AsList();
    }

    private sealed class CountingSender : IChannelSender
    {
        public string Channel => "messenger";

        private int _sends;

        public ConcurrentQueue<string> Recipients { get; } = new();

        private readonly ConcurrentDictionary<string, int> _tries = new();

        public Action<int>? OnSend { get; set; }

        /// <summary>A refusal for the recipient's n-th try (from 1), or null to send. Refusals by our own budget never reach the platform.</summary>
        public Func<string, int, SendResult?>? Refuse { get; set; }

        public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
        {
            if (Refuse?.Invoke(message.RecipientId, _tries.AddOrUpdate(message.RecipientId, 1, (_, n) => n + 1)) is { } refused)
            {
                if (!refused.RefusedHere)
                {
                    Recipients.Enqueue(message.RecipientId);
                }

                return Task.FromResult(refused);
            }

            OnSend?.Invoke(Interlocked.Increment(ref _sends));
            Recipients.Enqueue(message.RecipientId);
            return Task.FromResult(SendResult.Sent("m_" + message.RecipientId));
        }
    }
}
