using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Outreach.Content.Retention;
using Outreach.Content.Time;

namespace Outreach.Scheduler.Retention;

/// <summary>
/// Registers the nightly purge of message text (<see cref="RetentionOptions.Cron"/>, Asia/Ho_Chi_Minh) as a recurring job.
/// </summary>
public sealed class RetentionJobsStartup(IRecurringJobManager recurringJobs, IOptions<RetentionOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<PurgeMessageTextJob>(
            PurgeMessageTextJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), options.Value.Cron,
            new RecurringJobOptions { TimeZone = VietnamTime.Zone });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Adds the recurring registration when this process runs a Hangfire server (the job class is found by the scheduler's scan).
    /// </summary>
    public static IServiceCollection AddRetentionJobs(IServiceCollection services, bool runServer)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (runServer)
        {
            services.AddHostedService<RetentionJobsStartup>();
        }

        return services;
    }
}
