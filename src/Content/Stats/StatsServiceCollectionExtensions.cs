using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Outreach.Content.Targets;

namespace Outreach.Content.Stats;

/// <summary>Registers reach statistics, periods, targets and tracked links (called from AddOutreachContent).</summary>
public static class StatsServiceCollectionExtensions
{
    /// <summary>Binds and validates <c>Outreach:Reach</c> and <c>Outreach:Tracking</c> at start-up and adds the stores and queries.</summary>
    public static IServiceCollection AddOutreachReach(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ReachOptions>().BindConfiguration(ReachOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TrackingOptions>().BindConfiguration(TrackingOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrackingOptions>, TrackingOptionsValidator>());
        services.TryAddSingleton<ClickLinks>();
        services.TryAddSingleton<ReachEventStore>();
        services.TryAddSingleton<ReachRollup>();
        services.TryAddSingleton<ReachQuery>();
        services.TryAddSingleton<PlatformReachStore>();
        services.TryAddSingleton<ReportPeriodStore>();
        services.TryAddSingleton<TargetStore>();
        services.TryAddSingleton<TargetQuery>();
        services.TryAddSingleton<PostInsightStore>();
        return services;
    }
}
