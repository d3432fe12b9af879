using Hangfire;
using Microsoft.Extensions.Options;
using Outreach.Content.Broadcasts;
using Outreach.Content.Posts;

namespace Outreach.Scheduler.Broadcasting;

/// <summary>
/// One of a broadcast's few workers: claims chunks until none is left, then closes the broadcast when all chunks are done.
/// Several run at once (and extra ones are harmless: chunks are claimed with SKIP LOCKED and a lease).
/// </summary>
public sealed class SendBroadcastJob(
    BroadcastStore broadcasts,
    PostStore posts,
    DeliveryStore deliveries,
    BroadcastSender sender,
    BroadcastWorkers workers,
    WaitingBroadcastJobs waitingJobs,
    QuietHours quietHours,
    IOptions<BroadcastOptions> options,
    TimeProvider time)
{
    private static readonly TimeSpan WaitSlice = TimeSpan.FromSeconds(1);

    // A failing worker is not retried by Hangfire: its chunk's lease runs out and another worker (or the watchdog) takes over.
    [AutomaticRetry(Attempts = 0)]
    [Queue(Hosting.SchedulerQueues.Broadcast)]
    public async Task RunAsync(long broadcastId, CancellationToken cancellationToken)
    {
        var broadcast = await broadcasts.FindAsync(broadcastId, cancellationToken);
        var post = broadcast is null ? null : await posts.FindAsync(broadcast.PostId, cancellationToken);
        if (broadcast?.Status != BroadcastStatuses.Sending || post is null)
        {
            return;
        }

        var touched = DateTimeOffset.MinValue;
        while (true)
        {
            // In the quiet hours (or, for Zalo, outside its delivery hours) this worker hands over to one that starts when
            // sending is allowed again; a chunk that ran into them ("Deferred") comes back here.
            var now = time.GetUtcNow();
            if (quietHours.NextAllowed(post, now) is var allowed && allowed > now)
            {
                workers.StartOne(broadcastId, allowed);
                return;
            }

            var chunk = await deliveries.ClaimChunkAsync(broadcastId, now, options.Value.Lease, cancellationToken);
            if (chunk is null)
            {
                // Chunks handed back until an account's next permit, within a lease: wait for it here. A worker scheduled
                // through Hangfire would start only at its next schedule poll (up to 15 s late), and one instead of all
                // (bench/README, "With Zalo OAs"). The watchdog restarts a broadcast only after two leases without progress.
                // But a waiting worker holds one of the broadcast server's few Hangfire workers: when another job waits for one
                // (another broadcast's worker or planning), this one hands over until the chunk is due instead. It waits a second
                // at a time, so a chunk handed back meanwhile with an earlier time is not kept waiting either.
                if (await deliveries.NextWaitingChunkAsync(broadcastId, now, cancellationToken) is { } next && next - now <= options.Value.Lease)
                {
                    if (waitingJobs.Any())
                    {
                        workers.StartOne(broadcastId, next);
                        return;
                    }

                    if (now - touched >= options.Value.Lease / 4)
                    {
                        await broadcasts.TouchAsync(broadcastId, now, cancellationToken);
                        touched = now;
                    }

                    await Task.Delay(next - now < WaitSlice ? next - now : WaitSlice, time, cancellationToken);
                    continue;
                }

                await TryCompleteAsync(broadcast, post, cancellationToken);
                return;
            }

            var outcome = await sender.SendChunkAsync(broadcast, post, chunk, cancellationToken);
            if (outcome != ChunkOutcome.LeaseLost)
            {
                await deliveries.FinishChunkAsync(chunk, done: outcome == ChunkOutcome.Done, time.GetUtcNow(), cancellationToken);
            }

            await broadcasts.TouchAsync(broadcastId, time.GetUtcNow(), cancellationToken);
            if (outcome == ChunkOutcome.Stopped
                && (await broadcasts.FindAsync(broadcastId, cancellationToken))?.Status == BroadcastStatuses.Cancelled)
            {
                // Rows this worker had claimed went back to the queue after the cancel swept it: cancel them too.
                await deliveries.CancelRemainingAsync(broadcastId, time.GetUtcNow(), cancellationToken);
            }

            if (outcome is not (ChunkOutcome.Done or ChunkOutcome.Deferred or ChunkOutcome.Waiting))
            {
                return;
            }
        }
    }

    private async Task TryCompleteAsync(Broadcast broadcast, Post post, CancellationToken cancellationToken)
    {
        if (await deliveries.OpenChunkCountAsync(broadcast.Id, cancellationToken) > 0)
        {
            // Chunks handed back to wait out a rate limit: a worker goes on when the earliest may, and the watchdog waits too.
            if (await deliveries.NextWaitingChunkAsync(broadcast.Id, time.GetUtcNow(), cancellationToken) is { } next)
            {
                await broadcasts.WaitUntilAsync(broadcast.Id, next, cancellationToken);
                workers.StartOne(broadcast.Id, next);
            }

            return;
        }

        // What happened, said as it is: some sends failed is "partial", nobody reached is "failed" (issue 18.1).
        var outcome = SendingOutcome.Of(await deliveries.CountAsync(broadcast.Id, cancellationToken));
        var completed = await broadcasts.TransitionAsync(broadcast.Id, [BroadcastStatuses.Sending], outcome, time.GetUtcNow(), cancellationToken);
        if (completed && post.ScheduleKind == PostSchedule.Once)
        {
            await posts.TransitionAsync(post.Id, PostStatuses.Sending, SendingOutcome.PostStatus(outcome), null, null, null, cancellationToken);
        }
    }
}
