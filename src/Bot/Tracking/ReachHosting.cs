using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Zalo;
using Outreach.Bot.Insights;
using Outreach.Scheduler.Insights;
using Polly;

namespace Outreach.Bot.Tracking;

/// <summary>The host side of reach statistics: the click redirect and the platforms' insights sources.</summary>
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
                pipeline.AddRateLimiter(context.ServiceProvider.GetRequiredService<ZaloRateLimiter>().Strategy);
                pipeline.AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 2, Delay = TimeSpan.FromMilliseconds(300), UseJitter = true });
                pipeline.AddTimeout(TimeSpan.FromSeconds(settings.RequestTimeoutSeconds));
            });
        return services;
    }

    /// <summary>Maps <c>/r/{token}</c> (the staff's reach API is mapped with the rest of the staff API).</summary>
    public static IEndpointRouteBuilder MapOutreachReach(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapClickTracking();
        return endpoints;
    }
}
