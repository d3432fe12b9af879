using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Metrics;

/// <summary>
/// <c>/metrics</c> on a running gateway (issue 15.15): what operators watch moves with what happens — a turn run, a crisis alert
/// left open, a webhook refused — and the endpoint is closed to others when a token is configured.
/// </summary>
public sealed partial class MetricsEndpointTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    // The gateway runs as its own process here, as in production: in the test process dozens of hosts share the runtime's
    // meter listeners, and an exporter of one of them is not a fair picture of what a Prometheus scrape of a gateway sees.
    [Fact]
    public async Task TurnsCrisisAlertsAndRefusedWebhooks_ShowInThePrometheusText()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Outreach"] = _database.ConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Outreach:WebChat:Enabled"] = "true",
            ["Outreach:Scheduler:RunServer"] = "false",
            ["Outreach:Metrics:SampleSeconds"] = "1",
            ["Outreach:Messenger:AppSecret"] = "metrics-test-secret",
            ["Outreach:Messenger:VerifyToken"] = "metrics-test-verify",
            ["Outreach:Messenger:Pages:0:PageId"] = "100200300",
            ["Outreach:Messenger:Pages:0:AccessToken"] = "metrics-test-token",
        };
        var port = GatewayProcess.FreePort();
        using var gateway = GatewayProcess.Start(port, GatewayProcess.AsEnvironment(settings));
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await GatewayProcess.WaitUntilUpAsync(http.BaseAddress!, ct);
            var chat = new WebChatClient(http);

            using (var response = await chat.PostAsync("metrics-member", "chồng em đang cầm dao đòi giết em", cancellationToken: ct))
            {
                response.EnsureSuccessStatusCode();
            }

            await chat.WaitForRepliesAsync("metrics-member", 1, ct);
            using (var forged = new StringContent("""{"object":"page","entry":[{"id":"100200300","time":1,"messaging":[]}]}""", Encoding.UTF8, "application/json"))
            {
                forged.Headers.Add("X-Hub-Signature-256", "sha256=" + new string('0', 64));
                using var refused = await http.PostAsync(new Uri("/webhooks/facebook", UriKind.Relative), forged, ct);
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            }

            var text = await WaitForAsync(http, t => Value(t, "outreach_crisis_alerts_open") >= 1
                && Value(t, "outreach_webhook_rejections_total", "channel=\"messenger\"", "status=\"401\"") >= 1, ct);
            Assert.True(Value(text, "outreach_turn_duration_seconds_count", "result=\"done\"") >= 1, text);
            Assert.Equal(1, Value(text, "outreach_webhook_rejections_total", "channel=\"messenger\"", "status=\"401\""));
            Assert.Equal(0, Value(text, "outreach_inbox_backlog"));
            Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        }
        finally
        {
            gateway.Kill(entireProcessTree: true);
            await gateway.WaitForExitAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task WithAToken_OnlyItsBearerReads()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(_database, TestHost.WithoutJobServer(new Dictionary<string, string?>
        {
            ["Outreach:Metrics:Token"] = "scrape-secret",
        }), cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using (var anonymous = await http.GetAsync(new Uri("/metrics", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
            Assert.Contains("Outreach:Metrics:Token", await anonymous.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }

        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "scrape-secreT") } };
        using (var response = await http.SendAsync(wrong, ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var right = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "scrape-secret") } };
        using (var response = await http.SendAsync(right, ct))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("outreach_inbox_backlog", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }
    }

    private static async Task<string> WaitForAsync(HttpClient http, Func<string, bool> done, CancellationToken ct)
    {
        var text = "";
        for (var i = 0; i < 100 && !done(text); i++)
        {
            await Task.Delay(200, ct);
            text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), ct);
        }

        Assert.True(done(text), text);
        return text;
    }

    // The value of the first series of a metric whose labels contain all of the given ones; -1 when none does.
    private static double Value(string text, string metric, params string[] labels)
    {
        foreach (var line in text.Split('\n'))
        {
            var match = SeriesLine().Match(line);
            if (match.Success && match.Groups["name"].Value == metric && labels.All(l => match.Groups["labels"].Value.Contains(l, StringComparison.Ordinal)))
            {
                return double.Parse(match.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return -1;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)")]
    private static partial Regex SeriesLine();
}
