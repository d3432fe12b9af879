using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using Outreach.Content.Broadcasts;
using Outreach.Content.Posts;
using Outreach.Scheduler.Sending;

namespace Outreach.Scheduler.Broadcasting;

/// <summary>
/// Sends one chunk of a broadcast as a pipeline, so that database round trips never leave the platform idle: a claimer takes
/// rows a claim batch at a time (at most one batch ahead), <see cref="BroadcastOptions.Concurrency"/> senders work through them,
/// and a recorder writes outcomes in batches as they come. Each claim renews the lease and claims only while the broadcast is
/// still sending (one durable round trip per batch); before it, the quiet hours are checked. When a claim comes back empty
/// or the quiet hours begin, rows not yet handed to a platform go back to the queue. After a crash, at most ClaimBatch +
/// 3 × Concurrency rows per worker are "unknown": claimed and not yet sent, in flight, or sent and not yet recorded.
/// A transient database error (an outage, a restart) is retried with backoff (<see cref="BroadcastOptions.DatabaseRetries"/>):
/// meanwhile the hand-offs fill and the sends wait. Should the chunk fail anyway, rows claimed but never handed to a platform
/// go back to the queue rather than ending "unknown".
/// </summary>
public sealed class BroadcastSender(
    DeliveryStore deliveries,
    BroadcastStore broadcasts,
    DeliveryAttempt attempt,
    QuietHours quietHours,
    Eligibility eligibility,
    IOptions<BroadcastOptions> options,
    TimeProvider time,
    OutcomeWriter? outcomes = null)
{
    // How long the recorder waits for a batch to fill before writing what it has (see RecordAsync).
    private static readonly TimeSpan RecordWait = TimeSpan.FromMilliseconds(50);

    private readonly ResiliencePipeline _database = TransientDatabaseRetry.Create(options.Value.DatabaseRetries, time);

    // The host's workers write their outcome batches together (one writer per process; a sender of its own in tests).
    private readonly OutcomeWriter _outcomes = outcomes ?? new OutcomeWriter(deliveries);

    /// <summary>Sends the chunk until it is empty, the broadcast stops being "sending", the quiet hours begin, or the lease is lost.</summary>
    public async Task<ChunkOutcome> SendChunkAsync(Broadcast broadcast, Post post, ChunkClaim chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(chunk);
        var batch = options.Value.Concurrency;
        // Rows are in flight (named by their claimed batch, no outcome yet) from their claim to their record; a crash leaves
        // those "unknown". Bounded hand-offs keep them to ClaimBatch + 3 × Concurrency per worker: the claimed batch not yet
        // taken (the next is claimed only once the senders have taken all of it), the sends in flight, the results waiting
        // (capacity Concurrency) and the results being written (at most Concurrency). The whole batch goes into the hand-off at
        // once: handed over one row at a time (capacity 1), every row woke every idle sender (bench/README, "hand-offs").
        var claimed = Channel.CreateBounded<ClaimedDelivery>(new BoundedChannelOptions(options.Value.ClaimBatch) { SingleWriter = true });
        var results = Channel.CreateBounded<DeliveryResult>(batch);
        var run = new ChunkRun();

        // A part that fails stops the others (a blocked hand-off would otherwise wait forever). The others end cancelled, so
        // the failure is what the await throws.
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task[] parts =
        [
            StopOthersOnFault(ClaimAsync(chunk, post, claimed, run, failed.Token), failed),
            StopOthersOnFault(SendAllAsync(broadcast.Id, post, claimed.Reader, results.Writer, run, failed.Token), failed),
            StopOthersOnFault(RecordAsync(chunk, results.Reader, batch, run, failed.Token), failed),
        ];
        try
        {
            await Task.WhenAll(parts);
        }
        catch
        {
            await ReleaseUnhandedAsync(chunk, run);
            throw;
        }

        if (run.PauseReason is { } reason)
        {
            // Every further send would fail the same way (a refused token, the account's quota or billing): stop, say why on the
            // broadcast's page, and let staff fix it and resume.
            await broadcasts.PauseForAsync(broadcast.Id, reason, run.PauseDetail, time.GetUtcNow(), cancellationToken);
            return ChunkOutcome.Stopped;
        }

        if (run.Outcome == ChunkOutcome.Done
            && await _database.ExecuteAsync(async token => await deliveries.QueuedAsync(chunk.BroadcastId, chunk.ChunkNo, time.GetUtcNow(), token), cancellationToken)
                is { ReadyNow: true } or { NextAt: not null })
        {
            // Rows a rate limit put off (recorded after the last claim): the chunk waits for them instead of closing.
            return ChunkOutcome.Waiting;
        }

        return run.Outcome;
    }

    private async Task ClaimAsync(ChunkClaim chunk, Post post, Channel<ClaimedDelivery> claimed, ChunkRun run, CancellationToken ct)
    {
        try
        {
            var renewedAt = time.GetUtcNow();
            while (!run.IsStopping)
            {
                // The next batch only once the senders have taken all of the last one (the bound on rows "unknown" after a crash).
                // A slow channel (Zalo's rate shared by the workers) can take longer than the lease over one batch: renew it meanwhile.
                while (run.NotTaken > 0)
                {
                    var drained = run.WaitForDrained();
                    if (run.NotTaken == 0)
                    {
                        break;
                    }

                    var untilRenewal = renewedAt + options.Value.Lease / 3 - time.GetUtcNow();
                    if (untilRenewal > TimeSpan.Zero)
                    {
                        try
                        {
                            await drained.WaitAsync(untilRenewal, time, ct);
                        }
                        catch (TimeoutException)
                        {
                            // Renewed below.
                        }

                        continue;
                    }

                    renewedAt = time.GetUtcNow();
                    var until = renewedAt + options.Value.Lease;
                    if (!await _database.ExecuteAsync(async token => await deliveries.RenewChunkAsync(chunk, until, token), ct))
                    {
                        run.Stop(ChunkOutcome.LeaseLost);
                        return;
                    }
                }

                if (run.IsStopping)
                {
                    return;
                }

                var now = time.GetUtcNow();
                if (quietHours.NextAllowed(post, now) > now)
                {
                    run.Stop(ChunkOutcome.Deferred);
                    return;
                }

                // The claim itself renews the lease, checks that the broadcast is still sending (nothing is claimed otherwise)
                // and says who may no longer be sent, by the planner's own rules.
                var rows = await _database.ExecuteAsync(
                    async token => await deliveries.ClaimRowsAsync(chunk, options.Value.ClaimBatch, post.Topic, eligibility, now, now + options.Value.Lease, token),
                    ct);
                foreach (var row in rows)
                {
                    run.Unhanded.TryAdd(row.ContactId, 0);
                }

                if (rows.Count == 0)
                {
                    // Why it came back empty: the broadcast stopped or the chunk was taken over; else the chunk has nothing left
                    // to claim now. Rows still queued (put off by a rate limit, or back after a pause and resume between the
                    // claim and this check) are found by the one check after the last outcome (SendChunkAsync), which hands the
                    // chunk back instead of closing it: a second check here cost a round trip per chunk (bench/README, perf17g).
                    if (await StopReasonAsync(chunk, ct) is { } stop)
                    {
                        run.Stop(stop);
                    }

                    return;
                }

                renewedAt = now;
                run.Handing(rows.Count);
                foreach (var row in rows)
                {
                    await claimed.Writer.WriteAsync(row, ct);
                }
            }
        }
        finally
        {
            claimed.Writer.TryComplete();
        }
    }

    // Why a claim came back empty: the broadcast stopped, the chunk was taken over, or (null) the chunk is done.
    private async Task<ChunkOutcome?> StopReasonAsync(ChunkClaim chunk, CancellationToken ct)
    {
        if ((await _database.ExecuteAsync(async token => await broadcasts.FindAsync(chunk.BroadcastId, token), ct))?.Status != BroadcastStatuses.Sending)
        {
            return ChunkOutcome.Stopped;
        }

        var until = time.GetUtcNow() + options.Value.Lease;
        return await _database.ExecuteAsync(async token => await deliveries.RenewChunkAsync(chunk, until, token), ct) ? null : ChunkOutcome.LeaseLost;
    }

    // The chunk failed: rows claimed but never handed to a platform go back to the queue (best effort; should the database
    // still be away, they stay in their batch and the next holder of the chunk counts them "unknown").
    private async Task ReleaseUnhandedAsync(ChunkClaim chunk, ChunkRun run)
    {
        try
        {
            var unhanded = run.Unhanded.Keys.ToList();
            await _database.ExecuteAsync(
                async token => await deliveries.ReleaseUnsentAsync(chunk, unhanded, token), CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The chunk's own failure is what the caller sees.
        }
    }

    private static async Task StopOthersOnFault(Task part, CancellationTokenSource failed)
    {
        try
        {
            await part;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await failed.CancelAsync();
            throw;
        }
    }

    private async Task SendAllAsync(
        long broadcastId, Post post, ChannelReader<ClaimedDelivery> claimed, ChannelWriter<DeliveryResult> results, ChunkRun run, CancellationToken ct)
    {
        try
        {
            await Task.WhenAll(Enumerable.Range(0, options.Value.Concurrency).Select(_ => SendAsync(broadcastId, post, claimed, results, run, ct)));
        }
        finally
        {
            results.TryComplete();
            run.SendsDone = true;
            run.SignalFull();
        }
    }

    private async Task SendAsync(
        long broadcastId, Post post, ChannelReader<ClaimedDelivery> claimed, ChannelWriter<DeliveryResult> results, ChunkRun run, CancellationToken ct)
    {
        await foreach (var row in claimed.ReadAllAsync(ct))
        {
            if (run.TakenOne() == 0)
            {
                run.SignalDrained();
            }

            // Once the chunk is stopping, claimed rows not yet handed to a platform go back to the queue.
            DeliveryResult result;
            if (run.IsStopping)
            {
                result = new DeliveryResult(row.ContactId, DeliveryStatuses.Queued, NotAnAttempt: true);
            }
            else
            {
                run.Unhanded.TryRemove(row.ContactId, out _);
                result = await attempt.SendAsync(broadcastId, post, row, ct);
            }

            if (DeliveryAttempt.AsksToPause(result))
            {
                run.PauseFor(result.SkipReason!, $"{row.Channel} {result.ErrorCode}".Trim());
                result = result with { SkipReason = null };
            }

            await results.WriteAsync(result, ct);
            if (run.ResultWritten() >= options.Value.Concurrency)
            {
                run.SignalFull();
            }
        }
    }

    // Writes a batch once it is full (Concurrency results), the senders are done, or RecordWait has passed since its first
    // result, waking once per batch (not for every result). Writing whatever had accumulated each time it caught up made
    // batches of 41–49 rows at full speed, each statement with its own cost (plan, the reach events' statement-level check,
    // commit; bench/README, "hand-offs and outcome batches"). The bound on rows in flight after a crash is unchanged: the
    // hand-off holds at most Concurrency results, the batch being written at most as many. The batch goes through the host's
    // OutcomeWriter, which writes it with the other workers' batches of the moment in one statement.
    private async Task RecordAsync(ChunkClaim chunk, ChannelReader<DeliveryResult> results, int batch, ChunkRun run, CancellationToken ct)
    {
        var buffer = new List<DeliveryResult>(batch);
        while (await results.WaitToReadAsync(ct))
        {
            if (run.ResultsWaiting < batch && !run.SendsDone)
            {
                var full = run.WaitForFull();
                if (run.ResultsWaiting < batch && !run.SendsDone)
                {
                    await Task.WhenAny(full, Task.Delay(RecordWait, time, ct));
                }
            }

            while (buffer.Count < batch && results.TryRead(out var result))
            {
                buffer.Add(result);
            }

            run.ResultsTaken(buffer.Count);
            var now = time.GetUtcNow();
            await _database.ExecuteAsync(async token => await _outcomes.RecordAsync(chunk, buffer, now, token), ct);
            buffer.Clear();
        }
    }

    private sealed class ChunkRun
    {
        private volatile bool _stopping;

        public ChunkOutcome Outcome { get; private set; } = ChunkOutcome.Done;

        /// <summary>Why the broadcast must pause (<see cref="PauseReasons"/>), and the channel and platform code behind it.</summary>
        public string? PauseReason { get; private set; }

        public string? PauseDetail { get; private set; }

        public bool IsStopping => _stopping;

        /// <summary>Rows claimed and not yet handed to a platform (released to the queue should the chunk fail).</summary>
        public ConcurrentDictionary<long, byte> Unhanded { get; } = new();

        private TaskCompletionSource? _drained;
        private TaskCompletionSource? _full;
        private int _notTaken;
        private int _resultsWaiting;
        private volatile bool _sendsDone;

        /// <summary>Claimed rows in the hand-off not yet taken by a sender.</summary>
        public int NotTaken => Volatile.Read(ref _notTaken);

        /// <summary>Results in the hand-off not yet taken by the recorder.</summary>
        public int ResultsWaiting => Volatile.Read(ref _resultsWaiting);

        /// <summary>The senders are done: no more results will come.</summary>
        public bool SendsDone
        {
            get => _sendsDone;
            set => _sendsDone = value;
        }

        public void Handing(int rows) => Interlocked.Add(ref _notTaken, rows);

        public int TakenOne() => Interlocked.Decrement(ref _notTaken);

        public int ResultWritten() => Interlocked.Increment(ref _resultsWaiting);

        public void ResultsTaken(int count) => Interlocked.Add(ref _resultsWaiting, -count);

        /// <summary>A task that completes when the hand-off next holds a full batch of results or the senders are done (check after asking).</summary>
        public Task WaitForFull()
        {
            var full = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _full, full);
            return full.Task;
        }

        public void SignalFull() => Interlocked.Exchange(ref _full, null)?.TrySetResult();

        /// <summary>A task that completes when a sender next finds the claimed batch all taken (check the count after asking).</summary>
        public Task WaitForDrained()
        {
            var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _drained, drained);
            return drained.Task;
        }

        public void SignalDrained() => Interlocked.Exchange(ref _drained, null)?.TrySetResult();

        public void Stop(ChunkOutcome outcome)
        {
            Outcome = outcome;
            _stopping = true;
        }

        public void PauseFor(string reason, string detail)
        {
            PauseReason ??= reason;
            PauseDetail ??= detail;
            Stop(ChunkOutcome.Stopped);
        }
    }
}
/// <summary>How a worker's pass over a chunk ended.</summary>
public enum ChunkOutcome
{
    /// <summary>No queued rows left in the chunk.</summary>
    Done,

    /// <summary>The broadcast was paused, cancelled or stopped: hand the chunk back.</summary>
    Stopped,

    /// <summary>The quiet hours began: hand the chunk back and continue at the next allowed time.</summary>
    Deferred,

    /// <summary>Another worker took the chunk over (this one was too slow): stop touching it.</summary>
    LeaseLost,

    /// <summary>The chunk's remaining rows wait out a platform's rate limit: hand it back until the earliest of them may go.</summary>
    Waiting,
}
