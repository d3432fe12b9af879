using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Outreach.Scheduler.Broadcasting;

namespace Outreach.Scheduler.Hosting;

/// <summary>Registers the recurring housekeeping jobs and runs the broadcast watchdog once at start (a restart after a crash resumes at once).</summary>
internal sealed class SchedulerStartup(IRecurringJobManager recurringJobs, IBackgroundJobClient jobs, IOptions<BroadcastOptions> options)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<BroadcastWatchdogJob>(BroadcastWatchdogJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Minutely());

        // Now, and again once the leases of a host that died just before this start have surely run out.
        jobs.Enqueue<BroadcastWatchdogJob>(j => j.RunAsync(CancellationToken.None));
        jobs.Schedule<BroadcastWatchdogJob>(j => j.RunAsync(CancellationToken.None), (options.Value.Lease * 2) + TimeSpan.FromSeconds(1));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
