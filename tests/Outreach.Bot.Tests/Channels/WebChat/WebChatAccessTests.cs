using System.Net;
using System.Net.Http.Json;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Channels.WebChat;

/// <summary>
/// /webchat has no sign-in: off unless configured; when on, only for this machine, and behind a reverse proxy on the same
/// machine (every connection loopback) the client's forwarded address counts, but only from a configured proxy.
/// </summary>
public sealed class WebChatAccessTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task NotConfigured_OutsideDevelopment_IsNotThere()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(_database, TestHost.WithoutJobServer(new Dictionary<string, string?> { ["Outreach:WebChat:Enabled"] = "" }),
            cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var page = await http.GetAsync(new Uri("/webchat/", UriKind.Relative), ct);
        using var post = await new WebChatClient(http).PostAsync("ke-la", "xin chào", cancellationToken: ct);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Fact]
    public async Task BehindAConfiguredProxy_AClientElsewhere_CannotWriteOrRead()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(
            _database, TestHost.WithoutJobServer(new Dictionary<string, string?> { ["Outreach:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" }), cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var write = await SendAsync(http, HttpMethod.Post, "/webchat/api/messages", "203.0.113.9", ct);
        using var read = await SendAsync(http, HttpMethod.Get, "/webchat/api/messages?userId=chi-lan", "203.0.113.9", ct);
        using var local = await SendAsync(http, HttpMethod.Post, "/webchat/api/messages", "127.0.0.1", ct);

        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, local.StatusCode);
    }

    [Fact]
    public async Task ForwardedFor_FromAnUnconfiguredProxy_IsNotBelieved()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(
            _database, TestHost.WithoutJobServer(new Dictionary<string, string?> { ["Outreach:ForwardedHeaders:KnownProxies:0"] = "10.9.9.9" }), cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        // The connection is loopback and does not come from the configured proxy: its X-Forwarded-For is ignored either way.
        using var spoofed = await SendAsync(http, HttpMethod.Post, "/webchat/api/messages", "127.0.0.1", ct);

        Assert.Equal(HttpStatusCode.Accepted, spoofed.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string forwardedFor, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Headers = { { "X-Forwarded-For", forwardedFor } } };
        if (method == HttpMethod.Post)
        {
            request.Content = JsonContent.Create(new { userId = "chi-lan", text = "xin chào" });
        }

        return await http.SendAsync(request, ct);
    }
}
