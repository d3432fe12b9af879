using System.Net;
using System.Text.Json;
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
        using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        Assert.Equal("Unhealthy", report.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
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
