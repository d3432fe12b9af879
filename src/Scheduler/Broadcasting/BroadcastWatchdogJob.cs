using Hangfire;
using Microsoft.Extensions.Options;
using Outreach.Content.Broadcasts;
using Outreach.Content.Posts;

namespace Outreach.Scheduler.Broadcasting;

/// <summary>
/// Restarts the workers of broadcasts that stopped progressing (their host died mid-send). Runs every minute and once at
/// start-up; extra workers are harmless, so it never needs to know whether the old ones are really gone. It also gives a post
/// still "sending" the outcome of its finished sending (a host that died between the two writes left it so), and settles the
/// rows a dead worker left in flight in a broadcast cancelled meanwhile (no worker takes its chunk over): "unknown".
/// </summary>
public sealed class BroadcastWatchdogJob(
    BroadcastStore broadcasts, PostStore posts, BroadcastWorkers workers, DeliveryStore deliveries, IOptions<BroadcastOptions> options,
    TimeProvider time)
{
    public const string RecurringJobId = "broadcast-watchdog";

    [AutomaticRetry(Attempts = 0)]
    [Queue(Hosting.SchedulerQueues.Default)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var broadcastId in await broadcasts.ListStalledAsync(now - (options.Value.Lease * 2), now, cancellationToken))
        {
            await broadcasts.TouchAsync(broadcastId, now, cancellationToken);
            workers.Start(broadcastId);
        }

        await deliveries.SettleAbandonedAsync(now - options.Value.Lease, now, cancellationToken);
        await posts.FinishStrandedAsync(cancellationToken);
    }
}
