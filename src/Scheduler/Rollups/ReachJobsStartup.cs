using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Outreach.Content.Time;
using Outreach.Scheduler.Insights;

namespace Outreach.Scheduler.Rollups;

/// <summary>Registers the reach roll-up (every minute) and the insights poll (its cron, Asia/Ho_Chi_Minh) as recurring jobs.</summary>
internal sealed class ReachJobsStartup(IRecurringJobManager recurringJobs, IOptions<InsightsOptions> insights) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<RollUpStatsJob>(RollUpStatsJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        recurringJobs.AddOrUpdate<PollInsightsJob>(
            PollInsightsJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), insights.Value.Cron, new RecurringJobOptions { TimeZone = VietnamTime.Zone });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
