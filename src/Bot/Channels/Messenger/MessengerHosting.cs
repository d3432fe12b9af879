using Microsoft.Extensions.Options;

namespace Outreach.Bot.Channels.Messenger;

/// <summary>Registers the Messenger channel's options, rate limits and Graph client (the adapter and sender are found by scan).</summary>
public static class MessengerHosting
{
    /// <summary>
    /// Binds and validates <c>Outreach:Messenger</c> at start-up (an empty section is valid: Messenger off) and adds the
    /// Send API client with its resilience handler.
    /// </summary>
    public static IServiceCollection AddMessengerChannel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<MessengerOptions>().BindConfiguration(MessengerOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MessengerOptions>, MessengerOptionsValidator>();
        services.AddSingleton<MessengerRateLimits>();
        services.AddSingleton<MessengerClient>();

        // The resilience pipeline owns the timeouts (per attempt and in total), so HttpClient's own 100 s is switched off.
        // Per-request logging handlers are removed: a broadcast makes thousands of calls a second and failures are logged by the client.
        services.AddHttpClient(MessengerResilience.ClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddResilienceHandler(MessengerResilience.ClientName, (builder, context) =>
                MessengerResilience.Configure(builder, context.ServiceProvider.GetRequiredService<IOptions<MessengerOptions>>().Value));
        return services;
    }
}
