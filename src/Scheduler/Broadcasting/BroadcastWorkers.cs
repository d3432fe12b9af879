using Hangfire;
using Microsoft.Extensions.Options;

namespace Outreach.Scheduler.Broadcasting;

/// <summary>Starts a broadcast's worker jobs (a fixed few per broadcast, never one per recipient).</summary>
public sealed class BroadcastWorkers(IBackgroundJobClient jobs, IOptions<BroadcastOptions> options, TimeProvider time)
{
    public void Start(long broadcastId, DateTimeOffset? notBefore = null)
    {
        for (var worker = 0; worker < options.Value.WorkersPerBroadcast; worker++)
        {
            StartOne(broadcastId, notBefore);
        }
    }

    public void StartOne(long broadcastId, DateTimeOffset? notBefore)
    {
        if (notBefore is { } at && at > time.GetUtcNow())
        {
            jobs.Schedule<SendBroadcastJob>(j => j.RunAsync(broadcastId, CancellationToken.None), at);
        }
        else
        {
            jobs.Enqueue<SendBroadcastJob>(j => j.RunAsync(broadcastId, CancellationToken.None));
        }
    }
}
