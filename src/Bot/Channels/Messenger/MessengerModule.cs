using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Accounts;
using Outreach.Scheduler.Sending;

namespace Outreach.Bot.Channels.Messenger;

/// <summary>Registers the Messenger channel: options (checked at start), rate limits, the Graph client, the channel, its sender and its webhook.</summary>
public sealed class MessengerModule : IChannelModule
{
    public void AddServices(IServiceCollection services)
    {
        AddClient(services);
        services.AddSingleton<IChannel, MessengerChannel>();
        services.AddSingleton<MessengerSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<MessengerSender>());
        // Page feed posts: no resilience handler (a resent POST could publish twice; PublishPostJob retries after checking the feed).
        services.AddHttpClient(MessengerFeedPublisher.ClientName).RemoveAllLoggers();
        services.AddSingleton<Outreach.Scheduler.Publishing.IFeedPublisher, MessengerFeedPublisher>();
        // Profile lookups: one attempt of at most 10 s; the profile worker retries later.
        services.AddHttpClient(MessengerProfiles.ClientName, http => http.Timeout = TimeSpan.FromSeconds(10)).RemoveAllLoggers();
        services.AddSingleton<IMemberProfiles, MessengerProfiles>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapMessengerWebhook();

    /// <summary>
    /// Binds and validates <c>Outreach:Messenger</c> at start-up (an empty section is valid: Messenger off) and adds the
    /// Send API client (its retry is <see cref="MessengerResilience"/>, run by <see cref="MessengerClient"/>).
    /// </summary>
    public static IServiceCollection AddClient(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<MessengerOptions>().BindConfiguration(MessengerOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MessengerOptions>, MessengerOptionsValidator>();
        services.AddConfiguredChannelAccounts();
        services.AddSingleton<MessengerRateLimits>();
        services.AddSingleton<MessengerClient>();

        // One attempt may take SendTimeoutSeconds (HttpClient's own timeout); MessengerClient retries what surely did not send
        // (MessengerResilience). Per-request logging handlers are removed: a broadcast makes thousands of calls a second and
        // failures are logged by the client.
        services.AddHttpClient(MessengerResilience.ClientName, (sp, http) =>
                http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<MessengerOptions>>().Value.SendTimeoutSeconds))
            .RemoveAllLoggers();
        return services;
    }
}
