using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Accounts;
using Outreach.Content.ChannelTokens;
using Outreach.Scheduler.Sending;
using Outreach.Bot.Channels.Zalo.Publishing;
using Polly;

namespace Outreach.Bot.Channels.Zalo;

/// <summary>Registers the Zalo channel: options (checked at start), clients, token provider, the channel, its sender and its webhook.</summary>
public sealed class ZaloModule : IChannelModule
{
    /// <summary>
    /// Adds the Zalo services. HTTP retries are limited to failures to connect (the request never left, so repeating it cannot
    /// send a message twice or spend a refresh token twice); everything else is the outbox's message-level retry.
    /// </summary>
    public void AddServices(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ZaloOptions>().BindConfiguration(ZaloOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ZaloOptions>, ZaloOptionsValidator>());
        services.AddConfiguredChannelAccounts();
        services.TryAddSingleton<ChannelTokenStore>();
        services.TryAddSingleton<ZaloRateLimiter>();
        services.TryAddSingleton<ZaloTokenProvider>();
        services.AddHostedService<ZaloTokenKeepAliveStartup>();

        services.AddHttpClient<ZaloClient>()
            .ConfigureForSingletonUse()
            .RemoveAllLoggers()
            .AddResilienceHandler("zalo-openapi", (pipeline, context) =>
                // The app's budget of calls is taken by ZaloSender before each call, without waiting (ZaloRateLimiter.TryTake).
                AddConnectRetryAndTimeout(pipeline, context.ServiceProvider.GetRequiredService<IOptions<ZaloOptions>>().Value));
        services.AddHttpClient<ZaloOAuthClient>()
            .ConfigureForSingletonUse()
            .AddResilienceHandler("zalo-oauth", (pipeline, context) =>
                AddConnectRetryAndTimeout(pipeline, context.ServiceProvider.GetRequiredService<IOptions<ZaloOptions>>().Value));

        services.AddHttpClient(Publishing.ZaloArticlePublisher.ClientName).RemoveAllLoggers();
        services.AddSingleton<Outreach.Scheduler.Publishing.IArticlePublisher, Publishing.ZaloArticlePublisher>();
        // Profile lookups: within the OA's call budget, retried only when the connection was never made (the worker retries later).
        services.AddHttpClient(ZaloProfiles.ClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddResilienceHandler(ZaloProfiles.ClientName, (pipeline, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<IOptions<ZaloOptions>>().Value;
                pipeline.AddRateLimiter(context.ServiceProvider.GetRequiredService<ZaloRateLimiter>().Strategy);
                AddConnectRetryAndTimeout(pipeline, settings);
            });
        services.AddSingleton<IMemberProfiles, ZaloProfiles>();

        services.AddSingleton<IChannel, ZaloChannel>();
        services.AddSingleton<ZaloSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<ZaloSender>());
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapZaloWebhook().MapZaloDomainVerification().MapPostImages();

    /// <summary>True for failures before the request was sent: DNS, refused or unreachable connection.</summary>
    public static bool NeverLeft(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };

    private static void AddConnectRetryAndTimeout(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ZaloOptions settings)
    {
        if (settings.ConnectRetries > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = settings.ConnectRetries,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(NeverLeft(args.Outcome)),
            });
        }

        pipeline.AddTimeout(TimeSpan.FromSeconds(settings.RequestTimeoutSeconds));
    }
}

/// <summary>HttpClient set-up of the Zalo clients.</summary>
internal static class ZaloHttpClients
{
    // The clients live in singletons (sender, token provider): connections are recycled by the handler itself instead of
    // by the factory's handler rotation, which a captured client would never see (the factory docs' advice for this case).
    public static IHttpClientBuilder ConfigureForSingletonUse(this IHttpClientBuilder builder) => builder
        .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(2))
        .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
        .RedactLoggedHeaders(_ => true);
}
