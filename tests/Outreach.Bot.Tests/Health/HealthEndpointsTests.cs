using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Health;

public sealed class HealthEndpointsTests(PostgresServer server)
{
    [Fact]
    public async Task Healthz_HostRunning_ReportsDatabaseAndHangfireHealthy()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync(ct);
        await using var host = await TestHost.StartAsync(database, cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        // The Hangfire server announces itself shortly after start; poll instead of sleeping a fixed time.
        using var report = await PollAsync(http, doc => doc.RootElement.GetProperty("status").GetString() == "Healthy", ct);

        var checks = report.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("hangfire").GetProperty("status").GetString());
        Assert.True(checks.GetProperty("hangfire").GetProperty("data").GetProperty("servers").GetInt32() >= 1);
    }

    [Fact]
    public async Task Healthz_DatabaseDroppedUnderRunningHost_ReportsUnhealthy()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await server.CreateDatabaseAsync(ct);
        await using var host = await TestHost.StartAsync(database, cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        (await PollAsync(http, doc => doc.RootElement.GetProperty("status").GetString() == "Healthy", ct)).Dispose();

        await database.DisposeAsync();

        // The healthy report is reused for a few seconds (ReadyCacheSeconds); then the checks run again and fail.
        using var report = await PollAsync(http, doc => doc.RootElement.GetProperty("status").GetString() == "Unhealthy", ct);
        using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative), ct);
        using var live = await http.GetAsync(new Uri("/healthz/live", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", report.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task ManyAnonymousCalls_ReadinessChecksRunOnce_LivenessNever()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync(ct);
        var check = new CountingCheck();
        await using var host = await TestHost.StartAsync(
            database, TestHost.WithoutJobServer(new Dictionary<string, string?> { ["Outreach:Health:ReadyCacheSeconds"] = "300" }),
            b => b.Services.AddHealthChecks().AddCheck("counted", check), ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var live = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => http.GetAsync(new Uri("/healthz/live", UriKind.Relative), ct)));
        var livenessRuns = check.Runs;
        var ready = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            http.GetAsync(new Uri(i % 2 == 0 ? "/healthz/ready" : "/healthz", UriKind.Relative), ct)));

        Assert.All(live, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(0, livenessRuns);
        Assert.Equal(1, check.Runs);
        using var report = JsonDocument.Parse(await ready[^1].Content.ReadAsStringAsync(ct));
        Assert.True(report.RootElement.GetProperty("checks").TryGetProperty("database", out _));
        foreach (var response in live.Concat(ready))
        {
            response.Dispose();
        }
    }

    private sealed class CountingCheck : IHealthCheck
    {
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _runs);
            return Task.FromResult(HealthCheckResult.Healthy());
        }
    }

    private static async Task<JsonDocument> PollAsync(HttpClient http, Func<JsonDocument, bool> done, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative), timeout.Token);
            var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout.Token));
            if (done(document))
            {
                return document;
            }

            document.Dispose();
            await Task.Delay(100, timeout.Token);
        }
    }
}
