using Dapper;
using Outreach.Content.Broadcasts;
using Outreach.Scheduler.Broadcasting;
using Outreach.Testing;

namespace Outreach.Scheduler.Tests.Broadcasting;

/// <summary>
/// The host's workers' outcome batches written together (<see cref="OutcomeWriter"/>, one statement for several chunks): each
/// row still only while its own chunk is its claim's, a "sent" reach event per sent row, rows put back in the queue leave their
/// claim, and batches that come while a statement is being written go together in the next.
/// </summary>
public sealed class OutcomeWriterTests(PostgresServer server) : IAsyncLifetime
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
        _broadcastId = await new Seed(_database).SendingBroadcastAsync(12, 4, Now, ct);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task RecordMany_SeveralChunksInOneStatement_EachOnlyWhileItsChunkIsItsClaims()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = (await _store.ClaimChunkAsync(_broadcastId, Now, Lease, ct))!;
        var second = (await _store.ClaimChunkAsync(_broadcastId, Now, Lease, ct))!;
        var third = (await _store.ClaimChunkAsync(_broadcastId, Now, Lease, ct))!;
        var firstRows = await ClaimAsync(first, ct);
        var secondRows = await ClaimAsync(second, ct);
        var thirdRows = await ClaimAsync(third, ct);
        // The third chunk's worker lost it (its lease ran out, another took it): its late outcomes must not be written.
        var stale = third with { Token = Guid.NewGuid() };

        await _store.RecordAsync(
            [
                new ChunkResults(first, firstRows.Select(r => Sent(r.ContactId)).ToList(), Now.AddSeconds(1)),
                new ChunkResults(second, [Sent(secondRows[0].ContactId), new DeliveryResult(secondRows[1].ContactId, DeliveryStatuses.Failed, FailReasons.Rejected, ErrorCode: "100"), .. secondRows.Skip(2).Select(r => Sent(r.ContactId))], Now.AddSeconds(2)),
                new ChunkResults(stale, thirdRows.Select(r => Sent(r.ContactId)).ToList(), Now.AddSeconds(3)),
            ],
            ct);

        var rows = await QueryAsync<(long ContactId, int ChunkNo, string Status, int Attempts, DateTimeOffset? SentAt, string? PlatformId)>(
            "SELECT contact_id, chunk_no, status, attempts, sent_at, platform_message_id FROM deliveries WHERE broadcast_id = @id", ct);
        var events = await QueryAsync<(long ContactId, DateTimeOffset At)>(
            "SELECT contact_id, at FROM reach_events WHERE broadcast_id = @id AND kind = 'sent'", ct);
        Assert.All(rows.Where(r => r.ChunkNo == first.ChunkNo), r => Assert.Equal(("sent", 1, Now.AddSeconds(1), "m-" + r.ContactId), (r.Status, r.Attempts, r.SentAt, r.PlatformId)));
        Assert.Equal(["failed", "sent", "sent", "sent"], rows.Where(r => r.ChunkNo == second.ChunkNo).Select(r => r.Status).Order());
        Assert.All(rows.Where(r => r.ChunkNo == third.ChunkNo), r => Assert.Equal(("queued", 0), (r.Status, r.Attempts)));
        Assert.Equal(
            firstRows.Select(r => (r.ContactId, Now.AddSeconds(1))).Concat(secondRows.Where((_, i) => i != 1).Select(r => (r.ContactId, Now.AddSeconds(2)))).Order(),
            events.Order());
    }

    [Fact]
    public async Task Writer_BatchesThatComeTogetherAreWritten_ARowPutBackLeavesItsClaim_AndIsClaimedAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        var writer = new OutcomeWriter(_store);
        var first = (await _store.ClaimChunkAsync(_broadcastId, Now, Lease, ct))!;
        var second = (await _store.ClaimChunkAsync(_broadcastId, Now, Lease, ct))!;
        var firstRows = await ClaimAsync(first, ct);
        var secondRows = await ClaimAsync(second, ct);

        await Task.WhenAll(
            writer.RecordAsync(first, firstRows.Select(r => Sent(r.ContactId)).ToList(), Now, ct),
            writer.RecordAsync(second, [new DeliveryResult(secondRows[0].ContactId, DeliveryStatuses.Queued, ErrorCode: "613", NotBefore: Now.AddSeconds(-1)), .. secondRows.Skip(1).Select(r => Sent(r.ContactId))], Now, ct));
        var again = await ClaimAsync(second, ct);

        var counts = (await _store.CountAsync(_broadcastId, ct)).Select(c => (c.Status, c.Count));
        Assert.Equal([secondRows[0].ContactId], again.Select(r => r.ContactId));
        Assert.Equal([("queued", 4), ("sending", 1), ("sent", 7)], counts);
    }

    private static DeliveryResult Sent(long contactId) => new(contactId, DeliveryStatuses.Sent, PlatformMessageId: "m-" + contactId);

    private async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(ChunkClaim chunk, CancellationToken ct) =>
        await _store.ClaimRowsAsync(chunk, 10, "health", TestChannels.Eligibility(), Now, Now + Lease, ct);

    private async Task<List<T>> QueryAsync<T>(string sql, CancellationToken ct)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, new { id = _broadcastId }, cancellationToken: ct))).AsList();
    }
}
