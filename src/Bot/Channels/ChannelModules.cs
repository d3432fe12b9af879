using Microsoft.Extensions.DependencyInjection.Extensions;
using Outreach.Scheduler.Sending;

namespace Outreach.Bot.Channels;

/// <summary>Finds every <see cref="IChannelModule"/> of this assembly and lets each register and map its channel.</summary>
public static class ChannelModules
{
    /// <summary>Runs each module's registration and adds the registry, the catalog and the senders' lookup built from them.</summary>
    public static IServiceCollection AddChannels(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var modules = typeof(IChannelModule).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IChannelModule).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (IChannelModule)Activator.CreateInstance(t)!);
        foreach (var module in modules)
        {
            module.AddServices(services);
            services.AddSingleton(module);
        }

        services.AddSingleton<ChannelRegistry>();
        services.AddSingleton(sp => sp.GetRequiredService<ChannelRegistry>().Catalog);
        services.TryAddSingleton<ChannelSenders>();
        return services;
    }

    /// <summary>Maps each channel's endpoints.</summary>
    public static IEndpointRouteBuilder MapChannels(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        foreach (var module in endpoints.ServiceProvider.GetServices<IChannelModule>())
        {
            module.MapEndpoints(endpoints);
        }

        return endpoints;
    }
}
