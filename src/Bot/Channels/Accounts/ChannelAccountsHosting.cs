using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Outreach.Bot.Channels.Accounts;

/// <summary>Registers what routes webhooks and sends by Page and OA: the secrets' protector, configuration seeding, the directory.</summary>
public static class ChannelAccountsHosting
{
    /// <summary>The gateway's accounts: <c>channel_accounts</c>, seeded from configuration.</summary>
    public static IServiceCollection AddChannelAccounts(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ChannelAccountOptions>().BindConfiguration(ChannelAccountOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ChannelAccountSecrets>();
        services.TryAddSingleton<ConfiguredChannelAccounts>();
        services.TryAddSingleton<ChannelAccountSeeding>();
        services.TryAddSingleton<ChannelAccountDirectory>();
        services.TryAddSingleton<IChannelAccounts>(sp => sp.GetRequiredService<ChannelAccountDirectory>());
        services.AddHostedService<ChannelAccountWarmup>();
        return services;
    }

    /// <summary>A channel client without a database: the accounts of configuration (the gateway registers its directory first).</summary>
    public static IServiceCollection AddConfiguredChannelAccounts(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ConfiguredChannelAccounts>();
        services.TryAddSingleton<IChannelAccounts>(sp => sp.GetRequiredService<ConfiguredChannelAccounts>());
        return services;
    }
}
