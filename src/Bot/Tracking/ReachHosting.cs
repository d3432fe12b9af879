using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Zalo;
using Outreach.Bot.Insights;
using Outreach.Bot.Staff.Apis;
using Outreach.Scheduler.Insights;
using Polly;

namespace Outreach.Bot.Tracking;

/// <summary>The host side of reach statistics: the click redirect, the staff stats/targets/exports API, the platforms' insights sources.</summary>
public static class ReachHosting
{
    /// <summary>Adds the insights sources (Graph and Zalo clients; reads are idempotent, so transient failures are retried).</summary>
    public static IServiceCollection AddOutreachReachHost(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IInsightsSource, MessengerPostInsights>();
        services.AddSingleton<IInsightsSource, ZaloArticleInsights>();
        services.AddHttpClient(MessengerPostInsights.ClientName).AddStandardResilienceHandler();
        services.AddHttpClient(ZaloArticleInsights.ClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(ZaloArticleInsights.ClientName, (pipeline, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<IOptions<ZaloOptions>>().Value;
                pipeline.AddRateLimiter(context.ServiceProvider.GetRequiredService<ZaloRateLimiter>().Limiter);
                pipeline.AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 2, Delay = TimeSpan.FromMilliseconds(300), UseJitter = true });
                pipeline.AddTimeout(TimeSpan.FromSeconds(settings.RequestTimeoutSeconds));
            });
        return services;
    }

    /// <summary>Maps <c>/r/{token}</c> and the staff API groups /stats, /targets, /exports and the posts' platform links.</summary>
    public static IEndpointRouteBuilder MapOutreachReach(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapClickTracking();
        endpoints.MapGroup("/staff/api").MapStatsApi().MapTargetsApi().MapExportsApi().MapPostInsightsApi();
        return endpoints;
    }
}
