using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Outreach.Scheduler.Broadcasting;
using Outreach.Scheduler.Insights;

namespace Outreach.Scheduler.Rollups;

/// <summary>Registers the reach jobs' options and tracked broadcast messages (called from AddOutreachScheduler).</summary>
public static class ReachJobsServiceCollectionExtensions
{
    /// <summary>Adds <c>Outreach:Insights</c>, the broadcast message composer with tracked links and, with a server, the recurring jobs.</summary>
    public static IServiceCollection AddOutreachReachJobs(this IServiceCollection services, bool runServer)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<InsightsOptions>().BindConfiguration(InsightsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<BroadcastMessage>();
        if (runServer)
        {
            services.AddHostedService<ReachJobsStartup>();
        }

        return services;
    }
}
