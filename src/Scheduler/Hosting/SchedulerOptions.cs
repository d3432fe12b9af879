using System.ComponentModel.DataAnnotations;

namespace Outreach.Scheduler.Hosting;

/// <summary>Hangfire settings (section <c>Outreach:Scheduler</c>).</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Outreach:Scheduler";

    /// <summary>Run the Hangfire server in this process (default true). A web-only host sets it to false.</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>
    /// Hangfire workers in this process for everything but broadcasts (default 4): roll-ups, insight polling, the broadcast
    /// watchdog, retention. They never serve the broadcast queue, so broadcasts cannot starve them.
    /// </summary>
    [Range(1, 200)]
    public int WorkerCount { get; set; } = 4;

    /// <summary>
    /// Hangfire workers in this process for the broadcast queue only (default 10): planning and sending, I/O bound, so more
    /// than the core count. A broadcast runs a few workers at once (<c>Outreach:Broadcasts:WorkersPerBroadcast</c>).
    /// </summary>
    [Range(1, 200)]
    public int BroadcastWorkerCount { get; set; } = 10;

    /// <summary>
    /// How often idle workers look for enqueued jobs, in milliseconds (default 1000; Hangfire.PostgreSql's own default is 15 s,
    /// too slow for a broadcast's next step).
    /// </summary>
    [Range(50, 60_000)]
    public int QueuePollIntervalMs { get; set; } = 1000;

    /// <summary>How often due scheduled jobs (a post's send time) are moved to the queue, in milliseconds (default 15000, Hangfire's).</summary>
    [Range(100, 600_000)]
    public int SchedulePollingIntervalMs { get; set; } = 15_000;

    /// <summary>The PostgreSQL schema that holds Hangfire's tables (default "hangfire").</summary>
    [Required]
    public string SchemaName { get; set; } = "hangfire";
}
