using Hangfire;
using Microsoft.Extensions.Logging;
using Outreach.Content.Stats;

namespace Outreach.Scheduler.Rollups;

/// <summary>
/// Brings the reach roll-ups up to date (every minute). Each batch is one transaction with its watermark, so a run that
/// dies is simply redone by the next; two runs never overlap (Hangfire's lock here, an advisory lock in the roll-up).
/// </summary>
public sealed partial class RollUpStatsJob(ReachRollup rollup, ILogger<RollUpStatsJob> logger)
{
    public const string RecurringJobId = "reach-rollup";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [Queue(Hosting.SchedulerQueues.Default)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var consumed = await rollup.RunAsync(cancellationToken);
        if (consumed > 0)
        {
            Log.RolledUp(logger, consumed);
        }
    }
}
