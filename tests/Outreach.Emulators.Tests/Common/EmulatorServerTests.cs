using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Outreach.Emulators.Common;

namespace Outreach.Emulators.Tests.Common;

public sealed class EmulatorServerTests
{
    [Fact]
    public async Task Request_IsRecordedWithBodyHeadersAndAnswer()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await PingServer.StartAsync(ct);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var content = new StringContent("{\"x\":\"Xin chào\"}", System.Text.Encoding.UTF8, "application/json");
        content.Headers.Add("access_token", "t-1");

        using var response = await http.PostAsync(new Uri("ping", UriKind.Relative), content, ct);
        var recorded = await server.WaitForRequestAsync(r => r.Path == "/ping", TimeSpan.FromSeconds(5), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"x\":\"Xin chào\"}", recorded.Body);
        Assert.Equal("t-1", recorded.Headers["access_token"]);
        Assert.Equal(200, recorded.ResponseStatus);
        Assert.Equal("pong", recorded.ResponseBody);
    }

    [Fact]
    public async Task InjectedFault_AnswersTheNextRequestOnlyThenNormalResumes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await PingServer.StartAsync(ct);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        server.Inject(new Fault { Status = 429, Body = "{\"error\":-32}", Headers = new Dictionary<string, string> { ["Retry-After"] = "7" } });

        using var first = await http.PostAsync(new Uri("ping", UriKind.Relative), null, ct);
        using var second = await http.PostAsync(new Uri("ping", UriKind.Relative), null, ct);

        Assert.Equal((HttpStatusCode)429, first.StatusCode);
        Assert.Equal("7", first.Headers.GetValues("Retry-After").Single());
        Assert.Equal("{\"error\":-32}", await first.Content.ReadAsStringAsync(ct));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task DroppedConnection_ClientSeesTransportError()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await PingServer.StartAsync(ct);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        server.Inject(new Fault { DropConnection = true });

        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(new Uri("ping", UriKind.Relative), null, ct));
    }

    private sealed class PingServer : EmulatorServer
    {
        public static async Task<PingServer> StartAsync(CancellationToken ct)
        {
            var server = new PingServer();
            await server.StartServerAsync(ct);
            return server;
        }

        protected override void MapEndpoints(WebApplication app) => app.MapPost("/ping", () => Results.Text("pong"));
    }
}
