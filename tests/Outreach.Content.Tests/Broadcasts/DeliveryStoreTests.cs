using Dapper;
using Outreach.Content.Broadcasts;
using Outreach.Testing;

namespace Outreach.Content.Tests.Broadcasts;

public sealed class DeliveryStoreTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private TestDatabase _database = null!;
    private DeliveryStore _store = null!;
    private long _broadcastId;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await server.CreateDatabaseAsync(ct);
        _store = new DeliveryStore(_database.DataSource);
        _broadcastId = await new Seed(_database).SendingBroadcastAsync(10, 5, Now, ct);
    }

    [Fact]
    public async Task ClaimRowsAsync_RenewsTheLease_AndClaimsNothingOnceTheBroadcastIsPaused()
    {
        var ct = TestContext.Current.CancellationToken;
        var chunk = (await _store.ClaimChunkAsync(_broadcastId, Now, Lease, ct))!;
        var first = await _store.ClaimRowsAsync(chunk, 2, "health", TestChannels.Eligibility(), Now.AddSeconds(50), Now.AddSeconds(50) + Lease, ct);
        var leaseEnd = await QueryAsync<DateTimeOffset>("SELECT claimed_until FROM broadcast_chunks WHERE chunk_no = " + chunk.ChunkNo, ct);
        await QueryAsync<long>("UPDATE broadcasts SET status = 'paused' WHERE id = " + _broadcastId + " RETURNING id", ct);
        var afterPause = await _store.ClaimRowsAsync(chunk, 2, "health", TestChannels.Eligibility(), Now.AddSeconds(60), Now.AddSeconds(60) + Lease, ct);

        Assert.Equal(2, first.Count);
        Assert.Equal(Now.AddSeconds(50) + Lease, Assert.Single(leaseEnd));
        Assert.Empty(afterPause);
        // The two claimed rows are in flight (their batch), the rest of the chunk (and the other chunk) still queued.
        var counts = (await _store.CountAsync(_broadcastId, ct)).Select(c => (c.Status, c.Count));
        Assert.Equal([("queued", 8), ("sending", 2)], counts);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task ClaimRowsAsync_MembersChangedSincePlanning_SayWhyByThePlannersOwnRules()
    {
        var ct = TestContext.Current.CancellationToken;
        var later = Now.AddHours(24); // everyone last wrote at Now - 1 h: Messenger's 24-hour window has closed since planning
        var members = await QueryAsync<long>("SELECT contact_id FROM deliveries WHERE chunk_no = 0 ORDER BY contact_id", ct);
        await QueryAsync<long>($"UPDATE contacts SET status = 'blocked' WHERE id = {members[0]} RETURNING id", ct);
        await new Seed(_database).UnsubscribeAsync(members[1], "health", later, ct);
        await QueryAsync<long>($"UPDATE contacts SET last_inbound_at = '{later.AddHours(-1):O}' WHERE id = {members[2]} RETURNING id", ct);
        var chunk = (await _store.ClaimChunkAsync(_broadcastId, later, Lease, ct))!;

        var rows = await _store.ClaimRowsAsync(chunk, 5, "health", TestChannels.Eligibility(), later, later + Lease, ct);

        var reasons = rows.OrderBy(r => r.ContactId).Select(r => r.SkipReason).ToList();
        Assert.Equal(0, chunk.ChunkNo);
        Assert.Equal([SkipReasons.Unreachable, SkipReasons.Unsubscribed, null, "outside_24h_window", "outside_24h_window"], reasons);
    }

    [Fact]
    public async Task ClaimChunkAsync_LeaseOfDeadWorkerRunsOut_ItsInFlightRowsBecomeUnknownAndTheRestAreSentOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var lease = TimeSpan.FromSeconds(30);
        var chunk = (await _store.ClaimChunkAsync(_broadcastId, Now, lease, ct))!;
        var inFlight = await _store.ClaimRowsAsync(chunk, 2, "health", TestChannels.Eligibility(), Now, Now + lease, ct);

        // The worker dies here. Before its lease ends nobody may take the chunk; after, the next worker does.
        var tooEarly = await _store.ClaimChunkAsync(_broadcastId, Now.AddSeconds(10), lease, ct);
        var other = await _store.ClaimChunkAsync(_broadcastId, Now.AddSeconds(11), lease, ct);
        var takenOver = (await _store.ClaimChunkAsync(_broadcastId, Now.AddSeconds(31), lease, ct))!;
        var rest = await _store.ClaimRowsAsync(takenOver, 10, "health", TestChannels.Eligibility(), Now.AddSeconds(31), Now.AddSeconds(31) + lease, ct);
        var staleRenewed = await _store.RenewChunkAsync(chunk, Now.AddSeconds(40) + lease, ct);
        var ownerRenewed = await _store.RenewChunkAsync(takenOver, Now.AddSeconds(40) + lease, ct);

        Assert.NotEqual(chunk.ChunkNo, tooEarly?.ChunkNo);
        Assert.NotEqual(chunk.ChunkNo, other?.ChunkNo);
        Assert.Equal(chunk.ChunkNo, takenOver.ChunkNo);
        Assert.False(staleRenewed, "the worker whose lease ran out still holds the chunk beside the one that took it over");
        Assert.True(ownerRenewed);
        Assert.Equal(3, rest.Count);
        Assert.Empty(rest.Select(r => r.ContactId).Intersect(inFlight.Select(r => r.ContactId)));
        var unknown = await QueryAsync<long>("SELECT contact_id FROM deliveries WHERE status = 'unknown'", ct);
        Assert.Equal(inFlight.Select(r => r.ContactId).Order(), unknown.Order());
    }

    [Fact]
    public async Task ClaimRowsAsync_RowsInFlightAreNotClaimedAgain_ARowPutBackIs_AndEachAttemptCountsOnceWithItsOutcome()
    {
        var ct = TestContext.Current.CancellationToken;
        var chunk = (await _store.ClaimChunkAsync(_broadcastId, Now, Lease, ct))!;
        var first = await _store.ClaimRowsAsync(chunk, 2, "health", TestChannels.Eligibility(), Now, Now + Lease, ct);
        var second = await _store.ClaimRowsAsync(chunk, 5, "health", TestChannels.Eligibility(), Now, Now + Lease, ct);
        var nothingLeft = await _store.ClaimRowsAsync(chunk, 5, "health", TestChannels.Eligibility(), Now, Now + Lease, ct);
        var queuedNow = await _store.QueuedAsync(_broadcastId, chunk.ChunkNo, Now, ct);

        // One sent, one put back by a rate limit for 10 s (it leaves its batch), one put back without an attempt.
        await _store.RecordAsync(
            chunk,
            [
                new DeliveryResult(first[0].ContactId, "sent", PlatformMessageId: "m"),
                new DeliveryResult(first[1].ContactId, "queued", ErrorCode: "613", NotBefore: Now.AddSeconds(10)),
                new DeliveryResult(second[0].ContactId, "queued", NotAnAttempt: true),
            ],
            Now,
            ct);
        var again = await _store.ClaimRowsAsync(chunk, 5, "health", TestChannels.Eligibility(), Now.AddSeconds(11), Now.AddSeconds(11) + Lease, ct);

        Assert.Equal(2, first.Count);
        Assert.Equal(3, second.Count);
        Assert.Empty(first.Select(r => r.ContactId).Intersect(second.Select(r => r.ContactId)));
        Assert.Empty(nothingLeft);
        Assert.Equal(new QueuedRows(false, null), queuedNow);
        Assert.Equal(new[] { first[1].ContactId, second[0].ContactId }.Order(), again.Select(r => r.ContactId).Order());
        Assert.Equal([2, 1], again.OrderBy(r => r.ContactId == first[1].ContactId ? 0 : 1).Select(r => r.Attempts));
        var attempts = await QueryAsync<(long ContactId, string Status, int Attempts)>(
            $"SELECT contact_id, status, attempts::int FROM deliveries WHERE contact_id IN ({first[0].ContactId}, {first[1].ContactId}, {second[0].ContactId}, {second[1].ContactId}) ORDER BY contact_id", ct);
        Assert.Equal(
            new[] { (first[0].ContactId, "sent", 1), (first[1].ContactId, "queued", 1), (second[0].ContactId, "queued", 0), (second[1].ContactId, "queued", 0) }.OrderBy(a => a.Item1),
            attempts);
    }

    [Fact]
    public async Task ClaimChunkAsync_TakeOverAfterSomeOutcomes_OnlyRowsWithoutOneBecomeUnknown_AndTheDeadWorkersLateOutcomesAreNotWritten()
    {
        var ct = TestContext.Current.CancellationToken;
        var lease = TimeSpan.FromSeconds(30);
        var chunk = (await _store.ClaimChunkAsync(_broadcastId, Now, lease, ct))!;
        var rows = await _store.ClaimRowsAsync(chunk, 5, "health", TestChannels.Eligibility(), Now, Now + lease, ct);
        var ids = rows.Select(r => r.ContactId).Order().ToArray();
        // Recorded before the worker died: one sent, one put back by a rate limit (may go again at Now + 5 s).
        await _store.RecordAsync(
            chunk,
            [new DeliveryResult(ids[0], "sent", PlatformMessageId: "m0"), new DeliveryResult(ids[1], "queued", ErrorCode: "613", NotBefore: Now.AddSeconds(5))],
            Now,
            ct);

        var takenOver = (await _store.ClaimChunkAsync(_broadcastId, Now.AddSeconds(31), lease, ct))!;
        await _store.RecordAsync(chunk, [new DeliveryResult(ids[2], "sent", PlatformMessageId: "late")], Now.AddSeconds(32), ct);
        var released = await _store.ReleaseUnsentAsync(chunk, [ids[3]], ct);
        var rest = await _store.ClaimRowsAsync(takenOver, 10, "health", TestChannels.Eligibility(), Now.AddSeconds(33), Now.AddSeconds(33) + lease, ct);

        var statuses = await QueryAsync<(long ContactId, string Status)>(
            $"SELECT contact_id, status FROM deliveries WHERE chunk_no = {chunk.ChunkNo} ORDER BY contact_id", ct);
        Assert.Equal([(ids[0], "sent"), (ids[1], "queued"), (ids[2], "unknown"), (ids[3], "unknown"), (ids[4], "unknown")], statuses);
        Assert.Equal(0, released);
        Assert.Equal([ids[1]], rest.Select(r => r.ContactId));
        Assert.Equal([null], await QueryAsync<string?>($"SELECT platform_message_id FROM deliveries WHERE contact_id = {ids[2]}", ct));
    }

    [Fact]
    public async Task CancelRemainingAsync_RowsInFlightKeepTheirOutcome_TheRestAreCancelled()
    {
        var ct = TestContext.Current.CancellationToken;
        var chunk = (await _store.ClaimChunkAsync(_broadcastId, Now, Lease, ct))!;
        var rows = await _store.ClaimRowsAsync(chunk, 2, "health", TestChannels.Eligibility(), Now, Now + Lease, ct);
        await QueryAsync<long>("UPDATE broadcasts SET status = 'cancelled' WHERE id = " + _broadcastId + " RETURNING id", ct);

        var cancelled = await _store.CancelRemainingAsync(_broadcastId, Now, ct);
        await _store.RecordAsync(chunk, rows.Select((r, i) => new DeliveryResult(r.ContactId, "sent", PlatformMessageId: "m_" + i)).ToList(), Now, ct);
        await _store.FinishChunkAsync(chunk, done: false, Now, ct);

        Assert.Equal(8, cancelled);
        Assert.Equal([("cancelled", 8), ("sent", 2)], (await _store.CountAsync(_broadcastId, ct)).Select(c => (c.Status, c.Count)));
        Assert.Equal(0, (await QueryAsync<int>("SELECT count(*)::int FROM delivery_claims", ct)).Single());
    }

    [Fact]
    public async Task SettleAbandonedAsync_WorkerDiedInACancelledBroadcast_ItsRowsInFlightBecomeUnknownOnceTheLeaseIsLongOver()
    {
        var ct = TestContext.Current.CancellationToken;
        var chunk = (await _store.ClaimChunkAsync(_broadcastId, Now, Lease, ct))!;
        var inFlight = await _store.ClaimRowsAsync(chunk, 2, "health", TestChannels.Eligibility(), Now, Now + Lease, ct);
        await QueryAsync<long>("UPDATE broadcasts SET status = 'cancelled' WHERE id = " + _broadcastId + " RETURNING id", ct);
        await _store.CancelRemainingAsync(_broadcastId, Now, ct);

        // The worker dies holding the chunk. While its lease may still run, nothing is settled.
        var early = await _store.SettleAbandonedAsync(Now, Now.AddSeconds(30), ct);
        var settled = await _store.SettleAbandonedAsync(Now + Lease + TimeSpan.FromSeconds(1), Now.AddMinutes(3), ct);
        var again = await _store.SettleAbandonedAsync(Now.AddMinutes(10), Now.AddMinutes(10), ct);

        Assert.Equal(0, early);
        Assert.Equal(2, settled);
        Assert.Equal(0, again);
        Assert.Equal([("cancelled", 8), ("unknown", 2)], (await _store.CountAsync(_broadcastId, ct)).Select(c => (c.Status, c.Count)));
        var unknown = await QueryAsync<long>("SELECT contact_id FROM deliveries WHERE status = 'unknown'", ct);
        Assert.Equal(inFlight.Select(r => r.ContactId).Order(), unknown.Order());
        Assert.Equal(0, (await QueryAsync<int>("SELECT count(*)::int FROM delivery_claims", ct)).Single());
        Assert.Equal(0, await _store.OpenChunkCountAsync(_broadcastId, ct));
    }

    [Fact]
    public async Task SettleAbandonedAsync_LeavesASendingBroadcastToItsNextWorker()
    {
        var ct = TestContext.Current.CancellationToken;
        var chunk = (await _store.ClaimChunkAsync(_broadcastId, Now, Lease, ct))!;
        await _store.ClaimRowsAsync(chunk, 2, "health", TestChannels.Eligibility(), Now, Now + Lease, ct);

        var settled = await _store.SettleAbandonedAsync(Now.AddMinutes(10), Now.AddMinutes(10), ct);

        Assert.Equal(0, settled);
        Assert.Equal(1, (await QueryAsync<int>("SELECT count(*)::int FROM delivery_claims", ct)).Single());
    }

    [Fact]
    public async Task ReleaseUnsentAsync_RowsNeverHandedOver_GoBackToTheQueue_NotUnknownAfterATakeOver()
    {
        var ct = TestContext.Current.CancellationToken;
        var lease = TimeSpan.FromSeconds(30);
        var chunk = (await _store.ClaimChunkAsync(_broadcastId, Now, lease, ct))!;
        var rows = await _store.ClaimRowsAsync(chunk, 5, "health", TestChannels.Eligibility(), Now, Now + lease, ct);
        var ids = rows.Select(r => r.ContactId).Order().ToArray();

        var released = await _store.ReleaseUnsentAsync(chunk, ids[2..], ct);
        var takenOver = (await _store.ClaimChunkAsync(_broadcastId, Now.AddSeconds(31), lease, ct))!;
        var rest = await _store.ClaimRowsAsync(takenOver, 10, "health", TestChannels.Eligibility(), Now.AddSeconds(31), Now.AddSeconds(31) + lease, ct);

        Assert.Equal(3, released);
        Assert.Equal(ids[2..], rest.Select(r => r.ContactId).Order());
        Assert.Equal(ids[..2], (await QueryAsync<long>("SELECT contact_id FROM deliveries WHERE status = 'unknown' ORDER BY contact_id", ct)).ToArray());
    }

    [Fact]
    public async Task ApplyReceiptAsync_ByIdThenWatermark_MovesForwardOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        var chunk = (await _store.ClaimChunkAsync(_broadcastId, Now, TimeSpan.FromMinutes(1), ct))!;
        var rows = await _store.ClaimRowsAsync(chunk, 2, "health", TestChannels.Eligibility(), Now, Now + Lease, ct);
        await _store.RecordAsync(chunk, rows.Select((r, i) => new DeliveryResult(r.ContactId, "sent", PlatformMessageId: "m_" + i)).ToList(), Now, ct);
        var member = rows[0].PlatformUserId;

        var delivered = await _store.ApplyReceiptAsync(null, "messenger", Seed.AccountFor("messenger"), member, "delivered", ["m_0"], null, Now, ct);
        var read = await _store.ApplyReceiptAsync(null, "messenger", Seed.AccountFor("messenger"), member, "read", [], Now.AddSeconds(1), Now, ct);
        var lateDelivered = await _store.ApplyReceiptAsync(null, "messenger", Seed.AccountFor("messenger"), member, "delivered", ["m_0"], null, Now, ct);

        Assert.Equal((1, 1, 0), (delivered, read, lateDelivered));
        Assert.Equal("read", (await QueryAsync<string>($"SELECT status FROM deliveries WHERE contact_id = {rows[0].ContactId}", ct)).Single());
        Assert.Equal("sent", (await QueryAsync<string>($"SELECT status FROM deliveries WHERE contact_id = {rows[1].ContactId}", ct)).Single());
    }

    [Fact]
    public async Task CancelRemainingAsync_LeavesSentRowsAndClosesPendingChunks()
    {
        var ct = TestContext.Current.CancellationToken;
        var chunk = (await _store.ClaimChunkAsync(_broadcastId, Now, TimeSpan.FromMinutes(1), ct))!;
        var rows = await _store.ClaimRowsAsync(chunk, 1, "health", TestChannels.Eligibility(), Now, Now + Lease, ct);
        await _store.RecordAsync(chunk, [new DeliveryResult(rows[0].ContactId, "sent", PlatformMessageId: "m")], Now, ct);

        var cancelled = await _store.CancelRemainingAsync(_broadcastId, Now, ct);

        Assert.Equal(9, cancelled);
        Assert.Equal(1, (await QueryAsync<int>("SELECT count(*)::int FROM deliveries WHERE status = 'sent'", ct)).Single());
        Assert.Equal(0, (await QueryAsync<int>("SELECT count(*)::int FROM broadcast_chunks WHERE status = 'pending'", ct)).Single());
    }

    private async Task<List<T>> QueryAsync<T>(string sql, CancellationToken ct)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, cancellationToken: ct))).AsList();
    }
}
