namespace Outreach.Scheduler.Hosting;

/// <summary>Hangfire queue names, most urgent first (Hangfire serves queues in the order given).</summary>
public static class SchedulerQueues
{
    /// <summary>Turn processing and anything a member is waiting for.</summary>
    public const string Critical = "critical";

    /// <summary>Broadcast sending.</summary>
    public const string Broadcast = "broadcast";

    /// <summary>Roll-ups, insight polling, housekeeping.</summary>
    public const string Default = "default";

    internal static readonly string[] All = [Critical, Broadcast, Default];
}
