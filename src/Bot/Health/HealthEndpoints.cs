using Microsoft.AspNetCore.Http;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Outreach.Bot.Health;

/// <summary>
/// Health, as JSON: <c>/healthz/live</c> (the process answers; no database), <c>/healthz/ready</c> (the database and
/// Hangfire, reused for a few seconds: <see cref="ReadinessReport"/>) and <c>/healthz</c>, the same as ready, for existing
/// monitors. Unhealthy answers 503.
/// </summary>
internal static class HealthEndpoints
{
    // Descriptions are Vietnamese: keep them readable instead of \uXXXX-escaped.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static IServiceCollection AddOutreachHealthChecks(this IServiceCollection services)
    {
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReadinessReport>();
        services.AddHealthChecks()
            .AddNpgSql(sp => sp.GetRequiredService<NpgsqlDataSource>(), name: "database", timeout: TimeSpan.FromSeconds(5))
            .AddCheck<HangfireHealthCheck>("hangfire", timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    public static IEndpointRouteBuilder MapOutreachHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz/live", (HttpContext http) => WriteAsync(http, "Healthy", new Dictionary<string, object>(), 200));
        endpoints.MapGet("/healthz/ready", ReadyAsync);
        endpoints.MapGet("/healthz", ReadyAsync);
        return endpoints;
    }

    private static async Task ReadyAsync(HttpContext http, ReadinessReport readiness)
    {
        var report = await readiness.GetAsync(http.RequestAborted);
        var checks = report.Entries.ToDictionary(
            e => e.Key,
            e => (object)new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data });
        await WriteAsync(http, report.Status.ToString(), checks,
            report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }

    private static Task WriteAsync(HttpContext http, string status, Dictionary<string, object> checks, int statusCode)
    {
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new { status, checks }, JsonOptions), http.RequestAborted);
    }
}
