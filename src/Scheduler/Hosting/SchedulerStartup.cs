using Hangfire;
using Microsoft.Extensions.Hosting;
using Outreach.Scheduler.Broadcasting;

namespace Outreach.Scheduler.Hosting;

/// <summary>Registers the recurring housekeeping jobs and runs the broadcast watchdog once at start (a restart after a crash resumes at once).</summary>
internal sealed class SchedulerStartup(IRecurringJobManager recurringJobs, IBackgroundJobClient jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<BroadcastWatchdogJob>(BroadcastWatchdogJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.Enqueue<BroadcastWatchdogJob>(j => j.RunAsync(CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
