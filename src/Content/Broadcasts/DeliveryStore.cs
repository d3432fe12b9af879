using Dapper;
using Npgsql;

namespace Outreach.Content.Broadcasts;

/// <summary>
/// The work queue of a broadcast: chunks claimed with SKIP LOCKED and a lease, rows claimed a batch at a time within a chunk,
/// and results written in batches. A claim writes one row per batch (delivery_claims: its members, under the chunk's claim
/// token), not each delivery: a delivery is in flight ("sending") while it is still queued and named by a batch of its chunk,
/// and its outcome is the only write of its row (issue 17: the row was written twice per message). A chunk claimed again
/// after its lease ran out first turns its rows still in flight "unknown": the dead worker may have handed them to the
/// platform, and nobody may get a broadcast twice.
/// Every move to sent, delivered or read appends its reach event (reach_events) in the same statement, so the statistics
/// and the statuses cannot disagree.
/// The broadcast workers' statements (the chunk's claim, lease, wait and finish, the rows' claim, outcome and release) go
/// through <c>sending</c> (<see cref="SendingDataSource"/>: prepared when Outreach:Broadcasts:PrepareStatements
/// is on); the others (the cancel, receipts, counts) through the application's data source.
/// </summary>
public sealed class DeliveryStore(NpgsqlDataSource dataSource, SendingDataSource? sending = null)
{
    private readonly NpgsqlDataSource _sending = sending?.DataSource ?? dataSource;

    // The members of the chunk's batches (@broadcastId, @chunkNo): a subquery for NOT IN, which PostgreSQL hashes once.
    private const string InFlightSql =
        "(SELECT unnest(k.contact_ids) FROM delivery_claims k WHERE k.broadcast_id = @broadcastId AND k.chunk_no = @chunkNo)";

    // Rows of the chunk that may have been handed to a platform and have no outcome: "unknown", never resent. Their attempt
    // counts (a claim counts its attempt only with the outcome). Followed by the condition naming them.
    private const string LostSql = """
        UPDATE deliveries SET status = 'unknown', attempts = attempts + CASE WHEN status = 'queued' THEN 1 ELSE 0 END, updated_at = @now
        WHERE broadcast_id = @broadcastId AND chunk_no = @chunkNo
        """;

    // The chunk's batches (@broadcastId, @chunkNo) gone, and their rows still without an outcome (and rows an earlier version
    // left "sending") "unknown": what a worker that died holding the chunk leaves, settled by its next holder or the watchdog.
    private const string SettleBatchesSql = $"""
        WITH batches AS (
            DELETE FROM delivery_claims WHERE broadcast_id = @broadcastId AND chunk_no = @chunkNo RETURNING contact_ids)
        {LostSql}
          AND (status = 'sending' OR (status = 'queued' AND contact_id IN (SELECT unnest(contact_ids) FROM batches)))
        """;

    // The outcomes' rows put back in the queue (@requeued) leave their batch, so they may be claimed again (a CTE of RecordAsync).
    private const string LeaveBatchSql = """
        , requeued AS (
            UPDATE delivery_claims k SET contact_ids = ARRAY(SELECT x FROM unnest(k.contact_ids) AS x WHERE x <> ALL(@requeued))
            WHERE k.broadcast_id = @broadcastId AND k.chunk_no = @chunkNo AND k.claim_token = @token AND k.contact_ids && @requeued)
        """;

    /// <summary>
    /// Claims the next open chunk (pending, or claimed by a worker whose lease ran out) with a fresh token. Null when none is
    /// left. Rows the previous holder left in flight (in its batches and not recorded, or "sending" as an earlier version
    /// marked them) become "unknown" in the same transaction, and its batches are gone.
    /// </summary>
    public async Task<ChunkClaim?> ClaimChunkAsync(long broadcastId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        await using var connection = await _sending.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var chunk = await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(
            """
            UPDATE broadcast_chunks SET status = 'claimed', claimed_until = @until, claim_token = @token
            WHERE broadcast_id = @broadcastId AND chunk_no = (
                SELECT chunk_no FROM broadcast_chunks
                WHERE broadcast_id = @broadcastId
                  AND ((status = 'pending' AND (not_before IS NULL OR not_before <= @now)) OR (status = 'claimed' AND claimed_until < @now))
                ORDER BY chunk_no LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING chunk_no
            """,
            new { broadcastId, now, until = now + lease, token },
            transaction,
            cancellationToken: cancellationToken));
        if (chunk is { } chunkNo)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                SettleBatchesSql,
                new { broadcastId, chunkNo, now },
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return chunk is { } claimed ? new ChunkClaim(broadcastId, claimed, token) : null;
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> queued rows of the chunk not already in flight, writing them as one batch
    /// (delivery_claims), and returns them with the member's address and whether she may still be sent now, by the same
    /// rules as planning (<see cref="Eligibility"/>: opted out since? window closed, quota used up?). In the same statement
    /// it extends the worker's lease to <paramref name="leaseUntil"/>, and it claims nothing unless the broadcast is still
    /// "sending" and the chunk still claimed by this claim (not taken over by another worker after this one's lease ran out):
    /// one durable round trip per batch, which must commit before any of them is sent. The rows themselves are not written
    /// (their attempt is counted when their outcome is recorded). An empty answer means done, stopped, taken over, or (a
    /// pause and resume in between) none of these: ask which separately.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimRowsAsync(
        ChunkClaim chunk, int limit, string topic, Eligibility eligibility, DateTimeOffset now, DateTimeOffset leaseUntil,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        ArgumentNullException.ThrowIfNull(eligibility);
        var parameters = new DynamicParameters(new { broadcastId = chunk.BroadcastId, chunkNo = chunk.ChunkNo, token = chunk.Token, limit, topic, leaseUntil });
        parameters.Add("now", now);
        eligibility.AddParameters(parameters, now);
        await using var connection = await _sending.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ClaimedDelivery>(new CommandDefinition(
            $"""
            WITH held AS (
                UPDATE broadcast_chunks SET claimed_until = @leaseUntil
                WHERE broadcast_id = @broadcastId AND chunk_no = @chunkNo AND status = 'claimed' AND claim_token = @token
                  AND EXISTS (SELECT 1 FROM broadcasts b WHERE b.id = @broadcastId AND b.status = 'sending')
                RETURNING chunk_no),
            picked AS (
                SELECT d.contact_id, d.channel, d.attempts, d.not_before
                FROM deliveries d
                WHERE d.broadcast_id = @broadcastId AND d.chunk_no = @chunkNo AND d.status = 'queued'
                  AND (d.not_before IS NULL OR d.not_before <= @now)
                  AND d.contact_id NOT IN {InFlightSql}
                  AND EXISTS (SELECT 1 FROM held)
                LIMIT @limit),
            batch AS (
                INSERT INTO delivery_claims (broadcast_id, chunk_no, claim_token, contact_ids, claimed_at)
                SELECT @broadcastId, @chunkNo, @token, array_agg(contact_id), @now FROM picked HAVING count(*) > 0)
            SELECT d.contact_id AS contactid, d.channel, c.account_id AS accountid, c.platform_user_id AS platformuserid,
                   CASE WHEN NOT {AudienceSql.IsOptedIn} THEN '{SkipReasons.Unsubscribed}' ELSE {Eligibility.ReasonSql} END
                   AS skipreason, d.attempts::int + 1 AS attempts, d.not_before IS NOT NULL AS putoffbefore
            FROM picked d
            JOIN contacts c ON c.id = d.contact_id
            {Eligibility.RulesJoin}
            {AudienceSql.SubscriptionJoin}
            """,
            parameters,
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// Writes the outcome of rows claimed by <see cref="ClaimRowsAsync"/> under <paramref name="chunk"/>, and a "sent" reach
    /// event per sent row, in one statement. Only rows still in flight are written, and only while the chunk is still this
    /// claim's (after a takeover its rows are "unknown"). A row put back in the queue leaves its batch, so it may be claimed
    /// again.
    /// </summary>
    public async Task RecordAsync(ChunkClaim chunk, IReadOnlyList<DeliveryResult> results, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            return;
        }

        var requeued = results.Where(r => r.Status == DeliveryStatuses.Queued).Select(r => r.ContactId).ToArray();
        if (requeued.Length == 0)
        {
            await RecordAsync([new ChunkResults(chunk, results, now)], cancellationToken);
            return;
        }

        // Not flushed before the commit returns (see below). A row put back in the queue leaves its batch in the same statement
        // (never one without the other); only a batch with such rows (rare: a rate limit) carries that part, which PostgreSQL
        // would plan for every statement (bench/README).
        await ExecuteUnflushedAsync(new CommandDefinition(
            $"""
            WITH recorded AS (
                UPDATE deliveries d
                SET status = r.status, skip_reason = r.reason, platform_message_id = r.platform_id, error_code = r.error,
                    not_before = r.not_before, attempts = d.attempts + CASE WHEN r.not_attempt THEN 0 ELSE 1 END,
                    sent_at = CASE WHEN r.status = 'sent' THEN @now ELSE d.sent_at END, updated_at = @now
                FROM unnest(@contactIds, @statuses, @reasons, @platformIds, @errors, @notBefores, @notAttempts)
                     AS r(contact_id, status, reason, platform_id, error, not_before, not_attempt)
                WHERE d.broadcast_id = @broadcastId AND d.contact_id = r.contact_id AND d.chunk_no = @chunkNo AND d.status = 'queued'
                  AND EXISTS (SELECT 1 FROM broadcast_chunks ch
                              WHERE ch.broadcast_id = @broadcastId AND ch.chunk_no = @chunkNo AND ch.claim_token = @token)
                RETURNING d.broadcast_id, d.contact_id, d.org_unit_id, d.channel, d.status
            ){LeaveBatchSql}
            INSERT INTO reach_events (kind, broadcast_id, contact_id, org_unit_id, channel, at)
            SELECT 'sent', broadcast_id, contact_id, org_unit_id, channel, @now FROM recorded WHERE status = 'sent'
            """,
            new
            {
                broadcastId = chunk.BroadcastId,
                chunkNo = chunk.ChunkNo,
                token = chunk.Token,
                requeued,
                now,
                contactIds = results.Select(r => r.ContactId).ToArray(),
                statuses = results.Select(r => r.Status).ToArray(),
                reasons = results.Select(r => r.SkipReason).ToArray(),
                platformIds = results.Select(r => r.PlatformMessageId).ToArray(),
                errors = results.Select(r => r.ErrorCode).ToArray(),
                notBefores = results.Select(r => r.NotBefore).ToArray(),
                notAttempts = results.Select(r => r.NotAnAttempt).ToArray(),
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Writes several batches of outcomes, of any chunks and broadcasts, in one statement (the workers of a host write theirs
    /// together: <c>OutcomeWriter</c>), as <see cref="RecordAsync(ChunkClaim, IReadOnlyList{DeliveryResult}, DateTimeOffset, CancellationToken)"/>
    /// writes one: each row only while it is still in flight and its chunk still its claim's, a "sent" reach event per sent
    /// row. No row may be put back in the queue here (that one statement takes it out of its batch).
    /// </summary>
    public async Task RecordAsync(IReadOnlyList<ChunkResults> batches, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var rows = batches.SelectMany(b => b.Results.Select(r => (b.Chunk, b.At, Result: r))).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        if (rows.Any(r => r.Result.Status == DeliveryStatuses.Queued))
        {
            throw new ArgumentException("Rows put back in the queue are written one chunk at a time.", nameof(batches));
        }

        // Not flushed before the commit returns: a crash may lose the last fraction of a second of outcomes, whose rows then stay
        // in their batch and become "unknown" (never resent) — the at-most-once rule holds, and each statement saves a WAL flush.
        // The row's chunk is compared with IS NOT DISTINCT FROM, not "=": with "=" PostgreSQL may reach the rows through
        // deliveries_chunk_idx, reading every row of each chunk for each outcome (a freshly planned broadcast has no statistics
        // yet): 44 ms instead of 2 for 128 outcomes, +20 µs a message in the fan-out (bench/README, "What the commits are").
        await ExecuteUnflushedAsync(new CommandDefinition(
            """
            WITH recorded AS (
                UPDATE deliveries d
                SET status = r.status, skip_reason = r.reason, platform_message_id = r.platform_id, error_code = r.error,
                    not_before = r.not_before, attempts = d.attempts + CASE WHEN r.not_attempt THEN 0 ELSE 1 END,
                    sent_at = CASE WHEN r.status = 'sent' THEN r.at ELSE d.sent_at END, updated_at = r.at
                FROM unnest(@broadcastIds, @chunkNos, @tokens, @contactIds, @statuses, @reasons, @platformIds, @errors, @notBefores, @notAttempts, @ats)
                     AS r(broadcast_id, chunk_no, token, contact_id, status, reason, platform_id, error, not_before, not_attempt, at)
                WHERE d.broadcast_id = r.broadcast_id AND d.contact_id = r.contact_id AND d.chunk_no IS NOT DISTINCT FROM r.chunk_no
                  AND d.status = 'queued'
                  AND EXISTS (SELECT 1 FROM broadcast_chunks ch
                              WHERE ch.broadcast_id = r.broadcast_id AND ch.chunk_no = r.chunk_no AND ch.claim_token = r.token)
                RETURNING d.broadcast_id, d.contact_id, d.org_unit_id, d.channel, d.status, r.at
            )
            INSERT INTO reach_events (kind, broadcast_id, contact_id, org_unit_id, channel, at)
            SELECT 'sent', broadcast_id, contact_id, org_unit_id, channel, at FROM recorded WHERE status = 'sent'
            """,
            new
            {
                broadcastIds = rows.Select(r => r.Chunk.BroadcastId).ToArray(),
                chunkNos = rows.Select(r => r.Chunk.ChunkNo).ToArray(),
                tokens = rows.Select(r => r.Chunk.Token).ToArray(),
                contactIds = rows.Select(r => r.Result.ContactId).ToArray(),
                statuses = rows.Select(r => r.Result.Status).ToArray(),
                reasons = rows.Select(r => r.Result.SkipReason).ToArray(),
                platformIds = rows.Select(r => r.Result.PlatformMessageId).ToArray(),
                errors = rows.Select(r => r.Result.ErrorCode).ToArray(),
                notBefores = rows.Select(r => r.Result.NotBefore).ToArray(),
                notAttempts = rows.Select(r => r.Result.NotAnAttempt).ToArray(),
                ats = rows.Select(r => r.At).ToArray(),
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Puts rows this worker claimed but never handed to a platform back in the queue (the chunk failed before their send):
    /// they leave their batch, so they are neither in flight nor "unknown" later; a row recorded meanwhile keeps its outcome.
    /// Returns how many.
    /// </summary>
    public async Task<int> ReleaseUnsentAsync(ChunkClaim chunk, IReadOnlyCollection<long> contactIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        ArgumentNullException.ThrowIfNull(contactIds);
        if (contactIds.Count == 0)
        {
            return 0;
        }

        await using var connection = await _sending.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            WITH mine AS (
                SELECT k.id, k.contact_ids FROM delivery_claims k
                WHERE k.broadcast_id = @broadcastId AND k.chunk_no = @chunkNo AND k.claim_token = @token AND k.contact_ids && @contactIds
                FOR UPDATE),
            released AS (
                UPDATE delivery_claims k SET contact_ids = ARRAY(SELECT x FROM unnest(m.contact_ids) AS x WHERE x <> ALL(@contactIds))
                FROM mine m
                WHERE k.broadcast_id = @broadcastId AND k.chunk_no = @chunkNo AND k.id = m.id
                RETURNING cardinality(m.contact_ids) - cardinality(k.contact_ids) AS released)
            SELECT coalesce(sum(released), 0)::int FROM released
            """,
            new { broadcastId = chunk.BroadcastId, chunkNo = chunk.ChunkNo, token = chunk.Token, contactIds = contactIds.ToArray() },
            cancellationToken: cancellationToken));
    }

    /// <summary>Extends the worker's lease on a chunk; false when the chunk was taken over (the worker must stop).</summary>
    public async Task<bool> RenewChunkAsync(ChunkClaim chunk, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        // A renewal lost in a crash changes nothing (the lease would run out anyway): no need to wait for the flush.
        return await ExecuteUnflushedAsync(new CommandDefinition(
            """
            UPDATE broadcast_chunks SET claimed_until = @until
            WHERE broadcast_id = @broadcastId AND chunk_no = @chunkNo AND status = 'claimed' AND claim_token = @token
            """,
            new { broadcastId = chunk.BroadcastId, chunkNo = chunk.ChunkNo, token = chunk.Token, until },
            cancellationToken: cancellationToken)) == 1;
    }

    // Commits without waiting for the WAL flush: synchronous_commit off for this transaction only, set in the same round trip
    // (the two statements go in one batch, one implicit transaction; bench "outcomes": one round trip instead of three, 4.35 → 2.96 s
    // for 100,000 outcomes). Only for writes whose loss in a crash is harmless; the claim that writes a batch before its rows'
    // sends must stay durable.
    private async Task<int> ExecuteUnflushedAsync(CommandDefinition command)
    {
        await using var connection = await _sending.OpenConnectionAsync(command.CancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "SELECT set_config('synchronous_commit', 'off', true);\n" + command.CommandText, command.Parameters,
            cancellationToken: command.CancellationToken));
    }

    /// <summary>
    /// What the chunk still has waiting: whether a queued row may be sent now, and else the earliest time a deferred one may
    /// (a platform's rate limit put it off; null: nothing queued at all).
    /// </summary>
    public async Task<QueuedRows> QueuedAsync(long broadcastId, int chunkNo, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _sending.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<QueuedRows>(new CommandDefinition(
            $"""
            SELECT coalesce(bool_or(not_before IS NULL OR not_before <= @now), false) AS readynow,
                   min(not_before) FILTER (WHERE not_before > @now) AS nextat
            FROM deliveries WHERE broadcast_id = @broadcastId AND chunk_no = @chunkNo AND status = 'queued'
              AND contact_id NOT IN {InFlightSql}
            """,
            new { broadcastId, chunkNo, now },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Closes a chunk ("done") or hands it back ("pending": the broadcast was paused, or its rows wait out a rate limit). A chunk
    /// handed back with only deferred rows is not claimed again before the earliest of them may go. Its batches go: call it only
    /// once every row claimed under <paramref name="chunk"/> has its outcome written (BroadcastSender returns only then; a chunk
    /// that failed is left to its lease, and its next holder counts its rows in flight "unknown").
    /// </summary>
    public async Task FinishChunkAsync(ChunkClaim chunk, bool done, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        await using var connection = await _sending.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM delivery_claims WHERE broadcast_id = @broadcastId AND chunk_no = @chunkNo AND claim_token = @token;
            UPDATE broadcast_chunks SET status = @status, claimed_until = NULL, claim_token = NULL,
                   not_before = CASE WHEN @status = 'done' THEN NULL ELSE (
                       SELECT CASE WHEN bool_or(d.not_before IS NULL OR d.not_before <= @now) THEN NULL ELSE min(d.not_before) END
                       FROM deliveries d
                       WHERE d.broadcast_id = @broadcastId AND d.chunk_no = @chunkNo AND d.status = 'queued') END
            WHERE broadcast_id = @broadcastId AND chunk_no = @chunkNo AND claim_token = @token
            """,
            new { broadcastId = chunk.BroadcastId, chunkNo = chunk.ChunkNo, token = chunk.Token, status = done ? "done" : "pending", now },
            cancellationToken: cancellationToken));
    }

    /// <summary>When the earliest chunk handed back to wait out a rate limit may be claimed again (null: none waits).</summary>
    public async Task<DateTimeOffset?> NextWaitingChunkAsync(long broadcastId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _sending.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<DateTimeOffset?>(new CommandDefinition(
            "SELECT min(not_before) FROM broadcast_chunks WHERE broadcast_id = @broadcastId AND status = 'pending' AND not_before > @now",
            new { broadcastId, now },
            cancellationToken: cancellationToken));
    }

    /// <summary>Chunks not done yet (pending or being worked on).</summary>
    public async Task<int> OpenChunkCountAsync(long broadcastId, CancellationToken cancellationToken)
    {
        await using var connection = await _sending.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM broadcast_chunks WHERE broadcast_id = @broadcastId AND status <> 'done'",
            new { broadcastId },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Cancels everything not yet handed to a platform: rows in flight are left to their outcome. Call it once the broadcast is
    /// no longer "sending": it first waits for claims under way (they hold their chunk's row), so their batches are seen.
    /// Returns how many deliveries were cancelled.
    /// </summary>
    public async Task<int> CancelRemainingAsync(long broadcastId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT 1 FROM broadcast_chunks WHERE broadcast_id = @broadcastId AND status = 'claimed' ORDER BY chunk_no FOR UPDATE",
            new { broadcastId },
            transaction,
            cancellationToken: cancellationToken));
        var cancelled = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE deliveries SET status = 'cancelled', updated_at = @now
            WHERE broadcast_id = @broadcastId AND status = 'queued'
              AND contact_id NOT IN (SELECT unnest(contact_ids) FROM delivery_claims WHERE broadcast_id = @broadcastId)
            """,
            new { broadcastId, now },
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE broadcast_chunks SET status = 'done', claimed_until = NULL WHERE broadcast_id = @broadcastId AND status = 'pending'",
            new { broadcastId },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return cancelled;
    }

    /// <summary>
    /// Settles the chunks of cancelled or failed broadcasts whose worker died holding them (claimed, lease ended before
    /// <paramref name="before"/>): no worker takes such a chunk over, so its rows in flight would show "sending" forever. They
    /// become "unknown" (they may have been handed to a platform: never resent), the batches go and the chunk is done.
    /// Returns how many deliveries became "unknown".
    /// </summary>
    public async Task<int> SettleAbandonedAsync(DateTimeOffset before, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var chunks = await connection.QueryAsync<(long BroadcastId, int ChunkNo)>(new CommandDefinition(
            """
            UPDATE broadcast_chunks c SET status = 'done', claimed_until = NULL
            FROM broadcasts b
            WHERE b.id = c.broadcast_id AND b.status IN ('cancelled', 'failed') AND c.status = 'claimed' AND c.claimed_until < @before
            RETURNING c.broadcast_id, c.chunk_no
            """,
            new { before },
            transaction,
            cancellationToken: cancellationToken));
        var settled = 0;
        foreach (var (broadcastId, chunkNo) in chunks)
        {
            settled += await connection.ExecuteAsync(new CommandDefinition(
                SettleBatchesSql,
                new { broadcastId, chunkNo, now },
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return settled;
    }

    /// <summary>
    /// Applies a delivery or read receipt to broadcast deliveries: those named by platform message id, plus (with a watermark)
    /// those sent to the member at or before it. Status only moves forward (sent → delivered → read), and each move appends
    /// its reach event in the same statement; a read that skips "delivered" (no delivery receipt came) counts as delivered
    /// too, so the funnel never shows more read than delivered. Returns how many deliveries moved.
    /// </summary>
    public async Task<int> ApplyReceiptAsync(
        NpgsqlTransaction? transaction, string channel, string accountId, string userId, string receipt,
        IReadOnlyList<string> platformMessageIds, DateTimeOffset? watermark, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (receipt is not (DeliveryStatuses.Delivered or DeliveryStatuses.Read))
        {
            throw new ArgumentOutOfRangeException(nameof(receipt), receipt, "A receipt is 'delivered' or 'read'.");
        }

        const string sql = """
            WITH previous AS (
                SELECT d.broadcast_id, d.contact_id, d.status AS old_status
                FROM deliveries d JOIN contacts c ON c.id = d.contact_id
                WHERE c.channel = @channel AND c.account_id = @accountId AND c.platform_user_id = @userId
                  AND (d.status = 'sent' OR (d.status = 'delivered' AND @receipt = 'read'))
                  AND (d.platform_message_id = ANY(@ids) OR (@watermark IS NOT NULL AND d.sent_at <= @watermark))
                FOR UPDATE OF d
            ), moved AS (
                UPDATE deliveries d SET status = @receipt, updated_at = @at
                FROM previous p
                WHERE d.broadcast_id = p.broadcast_id AND d.contact_id = p.contact_id
                  AND (d.status = 'sent' OR (d.status = 'delivered' AND @receipt = 'read'))
                RETURNING d.broadcast_id, d.contact_id, d.org_unit_id, d.channel, p.old_status
            ), events AS (
                INSERT INTO reach_events (kind, broadcast_id, contact_id, org_unit_id, channel, at)
                SELECT k.kind, m.broadcast_id, m.contact_id, m.org_unit_id, m.channel, @at
                FROM moved m CROSS JOIN LATERAL (VALUES ('delivered'), ('read')) AS k(kind)
                WHERE k.kind = @receipt OR (k.kind = 'delivered' AND m.old_status = 'sent')
            )
            SELECT count(*)::int FROM moved
            """;
        var args = new { channel, accountId, userId, receipt, ids = platformMessageIds.ToArray(), watermark, at };
        if (transaction is not null)
        {
            return await transaction.Connection!.ExecuteScalarAsync<int>(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken));
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
    }

    /// <summary>Deliveries of a broadcast by status and skip reason; rows in flight (claimed, no outcome yet) count as "sending".</summary>
    public async Task<IReadOnlyList<DeliveryCount>> CountAsync(long broadcastId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<DeliveryCount>(new CommandDefinition(
            """
            SELECT CASE WHEN d.status = 'queued' AND i.contact_id IS NOT NULL THEN 'sending' ELSE d.status END AS status,
                   d.skip_reason AS skipreason, count(*)::int AS count
            FROM deliveries d
            LEFT JOIN (SELECT unnest(contact_ids) AS contact_id FROM delivery_claims WHERE broadcast_id = @broadcastId) i
                   ON i.contact_id = d.contact_id
            WHERE d.broadcast_id = @broadcastId GROUP BY 1, 2 ORDER BY 1, 2
            """,
            new { broadcastId },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}

/// <summary>
/// A delivery claimed for sending: the member's address, and why she may not be sent now (null: she may).
/// <see cref="PutOffBefore"/>: a rate limit or a channel's rate put the row off before (it comes back at the time it was given).
/// </summary>
public sealed record ClaimedDelivery(
    long ContactId, string Channel, string AccountId, string PlatformUserId, string? SkipReason = null, int Attempts = 1, bool PutOffBefore = false);

/// <summary>A chunk's queued rows: whether one may be sent now, else when the earliest deferred one may (null: none queued).</summary>
public sealed record QueuedRows(bool ReadyNow, DateTimeOffset? NextAt);

/// <summary>
/// The outcome of one claimed delivery. A row put back in the queue ("queued") may carry <see cref="NotBefore"/>: a rate limit
/// asked for a wait, and the row is not claimed again before it. <see cref="NotAnAttempt"/>: the row never reached the
/// platform (this host's own budget or a hold put it off, or its chunk stopped first), so its claim is given back and does
/// not count toward the deferrals allowed.
/// </summary>
public sealed record DeliveryResult(
    long ContactId, string Status, string? SkipReason = null, string? PlatformMessageId = null, string? ErrorCode = null, DateTimeOffset? NotBefore = null,
    bool NotAnAttempt = false);

/// <summary>Outcomes of rows claimed under <see cref="Chunk"/>, recorded at <see cref="At"/>.</summary>
public sealed record ChunkResults(ChunkClaim Chunk, IReadOnlyList<DeliveryResult> Results, DateTimeOffset At);

/// <summary>How many deliveries have a status (and skip reason).</summary>
public sealed record DeliveryCount(string Status, string? SkipReason, int Count);
