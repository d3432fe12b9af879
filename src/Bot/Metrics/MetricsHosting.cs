using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Outreach.Bot.Channels.Messenger;
using Outreach.Bot.Channels.Zalo;

namespace Outreach.Bot.Metrics;

/// <summary>
/// OpenTelemetry metrics with a Prometheus endpoint: the <c>Outreach</c> meter, ASP.NET Core's and Kestrel's own, and
/// <c>/metrics</c>, answered only to loopback or, when <see cref="MetricsOptions.Token"/> is set, to its bearer.
/// </summary>
internal static class MetricsHosting
{
    public const string Path = "/metrics";

    public static IServiceCollection AddOutreachMetrics(this IServiceCollection services)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MetricsSample>();
        services.AddSingleton<OutreachMetrics>();
        services.AddSingleton<MetricsSampler>();
        services.AddHostedService(sp => sp.GetRequiredService<MetricsSampler>());
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(OutreachMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>Counts refused webhook calls (4xx answers on the webhook paths) and maps <c>/metrics</c> when enabled.</summary>
    public static WebApplication UseOutreachMetrics(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            await next(context);
            var channel = WebhookChannel(context.Request.Path);
            if (channel is not null && context.Response.StatusCode is >= 400 and < 500)
            {
                context.RequestServices.GetRequiredService<OutreachMetrics>().WebhookRejected(channel, context.Response.StatusCode);
            }
        });

        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (options.Enabled)
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
                context.Request.Path == Path && IsAllowed(context, options.Token));
            app.MapGet(Path, () => Results.Problem(
                "Chỉ máy chủ theo dõi được đọc /metrics (từ máy này, hoặc với mã Outreach:Metrics:Token).",
                statusCode: StatusCodes.Status403Forbidden));
        }

        return app;
    }

    private static string? WebhookChannel(PathString path) =>
        path.StartsWithSegments(MessengerWebhookEndpoints.Path) ? "messenger"
        : path.StartsWithSegments(ZaloWebhookEndpoints.Path) ? "zalo"
        : null;

    // A configured token is required as a bearer (compared in constant time); without one, only this machine may read.
    private static bool IsAllowed(HttpContext context, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);
        }

        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), Encoding.UTF8.GetBytes(token));
    }
}
