using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Outreach.Content.Broadcasts;
using Outreach.Content.Posts;
using Outreach.Scheduler.Sending;

namespace Outreach.Scheduler.Broadcasting;

/// <summary>
/// Sends one chunk of a broadcast as a pipeline, so that database round trips never leave the platform idle: a claimer takes
/// rows a batch at a time (at most one batch ahead), <see cref="BroadcastOptions.Concurrency"/> senders work through them,
/// and a recorder writes outcomes in batches as they come. Before each claim it checks that the broadcast is still sending,
/// that the quiet hours have not begun, and renews its lease; when any of these fails, rows not yet handed to a platform go
/// back to the queue. After a crash, at most the rows in flight and the next claimed batch (2 × Concurrency per worker) are "unknown".
/// </summary>
public sealed class BroadcastSender(
    DeliveryStore deliveries,
    BroadcastStore broadcasts,
    DeliveryAttempt attempt,
    QuietHours quietHours,
    IOptions<BroadcastOptions> options,
    TimeProvider time)
{
    /// <summary>Sends the chunk until it is empty, the broadcast stops being "sending", the quiet hours begin, or the lease is lost.</summary>
    public async Task<ChunkOutcome> SendChunkAsync(Broadcast broadcast, Post post, int chunkNo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        ArgumentNullException.ThrowIfNull(post);
        var batch = options.Value.Concurrency;
        // Capacity 1: the claimer stays at most one batch ahead of the senders, which bounds "unknown" rows after a crash
        // to about two batches per worker.
        var claimed = Channel.CreateBounded<ClaimedDelivery>(1);
        var results = Channel.CreateUnbounded<DeliveryResult>();
        var run = new ChunkRun();

        var claimer = ClaimAsync(broadcast.Id, post, chunkNo, claimed.Writer, run, cancellationToken);
        var senders = Enumerable.Range(0, batch).Select(_ => SendAsync(broadcast.Id, post, claimed.Reader, results.Writer, run, cancellationToken)).ToList();
        var recorder = RecordAsync(broadcast.Id, results.Reader, cancellationToken);
        try
        {
            await Task.WhenAll([claimer, .. senders]);
        }
        finally
        {
            results.Writer.TryComplete();
            await recorder;
        }

        if (run.AuthFailed)
        {
            // Every further send would fail the same way: stop and let staff fix the token, then resume.
            await broadcasts.TransitionAsync(broadcast.Id, [BroadcastStatuses.Sending], BroadcastStatuses.Paused, time.GetUtcNow(), cancellationToken);
            return ChunkOutcome.Stopped;
        }

        return run.Outcome;
    }

    private async Task ClaimAsync(long broadcastId, Post post, int chunkNo, ChannelWriter<ClaimedDelivery> claimed, ChunkRun run, CancellationToken ct)
    {
        try
        {
            while (!run.IsStopping)
            {
                if (await StopReasonAsync(broadcastId, post, chunkNo, ct) is { } stop)
                {
                    run.Stop(stop);
                    return;
                }

                var rows = await deliveries.ClaimRowsAsync(broadcastId, chunkNo, options.Value.Concurrency, post.Topic, time.GetUtcNow(), ct);
                if (rows.Count == 0)
                {
                    return;
                }

                foreach (var row in rows)
                {
                    await claimed.WriteAsync(row, ct);
                }
            }
        }
        finally
        {
            claimed.TryComplete();
        }
    }

    private async Task<ChunkOutcome?> StopReasonAsync(long broadcastId, Post post, int chunkNo, CancellationToken ct)
    {
        if ((await broadcasts.FindAsync(broadcastId, ct))?.Status != BroadcastStatuses.Sending)
        {
            return ChunkOutcome.Stopped;
        }

        if (!quietHours.IsAllowed(time.GetUtcNow(), post.AudienceChannels, post.IsPromotional))
        {
            return ChunkOutcome.Deferred;
        }

        return await deliveries.RenewChunkAsync(broadcastId, chunkNo, time.GetUtcNow() + options.Value.Lease, ct) ? null : ChunkOutcome.LeaseLost;
    }

    private async Task SendAsync(
        long broadcastId, Post post, ChannelReader<ClaimedDelivery> claimed, ChannelWriter<DeliveryResult> results, ChunkRun run, CancellationToken ct)
    {
        await foreach (var row in claimed.ReadAllAsync(ct))
        {
            // Once the chunk is stopping, claimed rows not yet handed to a platform go back to the queue.
            var result = run.IsStopping
                ? new DeliveryResult(row.ContactId, DeliveryStatuses.Queued)
                : await attempt.SendAsync(broadcastId, post, row, ct);
            if (result.ErrorCode == nameof(SendOutcome.AuthFailed))
            {
                run.StopForAuth();
            }

            await results.WriteAsync(result, ct);
        }
    }

    // Writes whatever has accumulated each time it catches up: batches grow by themselves while a write is in progress.
    private async Task RecordAsync(long broadcastId, ChannelReader<DeliveryResult> results, CancellationToken ct)
    {
        var buffer = new List<DeliveryResult>();
        while (await results.WaitToReadAsync(ct))
        {
            while (buffer.Count < 1000 && results.TryRead(out var result))
            {
                buffer.Add(result);
            }

            await deliveries.RecordAsync(broadcastId, buffer, time.GetUtcNow(), ct);
            buffer.Clear();
        }
    }

    private sealed class ChunkRun
    {
        private volatile bool _stopping;

        public ChunkOutcome Outcome { get; private set; } = ChunkOutcome.Done;

        public bool AuthFailed { get; private set; }

        public bool IsStopping => _stopping;

        public void Stop(ChunkOutcome outcome)
        {
            Outcome = outcome;
            _stopping = true;
        }

        public void StopForAuth()
        {
            AuthFailed = true;
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
}
