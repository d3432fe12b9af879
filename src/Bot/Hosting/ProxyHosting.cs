using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.HttpOverrides;

namespace Outreach.Bot.Hosting;

/// <summary>
/// Forwarded headers from configured proxies only (<see cref="ProxyOptions"/>), and HSTS. ASP.NET Core's own defaults would
/// trust any proxy on loopback, which is exactly what a reverse proxy on the same machine is: then every client would look
/// local. Here nothing is trusted unless named.
/// </summary>
internal static class ProxyHosting
{
    public static IServiceCollection AddOutreachProxies(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((options, configured) =>
        {
            var proxies = configured.Value;
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in proxies.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        // One year, subdomains included: the console and API are HTTPS-only once deployed behind TLS. Not sent to localhost.
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        return services;
    }

    public static WebApplication UseOutreachProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.IsConfigured)
        {
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app;
    }
}
