namespace Outreach.Scheduler.Hosting;

/// <summary>
/// Hangfire queue names, most urgent first (Hangfire serves queues in the order given). Broadcasts have a server of their own
/// (<see cref="SchedulerOptions.BroadcastWorkerCount"/> workers); the other queues share another
/// (<see cref="SchedulerOptions.WorkerCount"/>), so three broadcasts at once cannot hold up the roll-up or the watchdog.
/// </summary>
public static class SchedulerQueues
{
    /// <summary>Turn processing and anything a member is waiting for.</summary>
    public const string Critical = "critical";

    /// <summary>Broadcast sending.</summary>
    public const string Broadcast = "broadcast";

    /// <summary>Roll-ups, insight polling, housekeeping.</summary>
    public const string Default = "default";

    /// <summary>The queues of the housekeeping server (its own workers, never taken by broadcasts), most urgent first.</summary>
    internal static readonly string[] Housekeeping = [Critical, Default];

    /// <summary>The queue of the broadcast server.</summary>
    internal static readonly string[] Broadcasting = [Broadcast];
}
