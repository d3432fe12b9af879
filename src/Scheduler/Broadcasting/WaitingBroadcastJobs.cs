using Hangfire;

namespace Outreach.Scheduler.Broadcasting;

/// <summary>The broadcast server's Hangfire queue, as a worker waiting for its next chunk sees it.</summary>
public sealed class WaitingBroadcastJobs(JobStorage storage)
{
    /// <summary>True when a job waits in the broadcast queue for a free worker (another broadcast's worker, a planning).</summary>
    public bool Any()
    {
        var monitoring = storage.GetMonitoringApi();
        return Hosting.SchedulerQueues.Broadcasting.Any(queue => monitoring.EnqueuedCount(queue) > 0);
    }
}
