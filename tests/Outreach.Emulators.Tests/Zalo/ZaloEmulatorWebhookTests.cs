using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Outreach.Emulators.Common;
using Outreach.Emulators.Zalo;

namespace Outreach.Emulators.Tests.Zalo;

/// <summary>The webhook sender: signatures against the doc's worked vectors (§2.3), exact bytes, retries and ordering.</summary>
public sealed class ZaloEmulatorWebhookTests
{
    [Theory]
    [InlineData("w1b_user_send_text_compact.json", "mac=fb45671f46c55a4dd7d282c69aa97dcc54cdec76df682177f3c6a269585eebee")]
    [InlineData("w1c_user_send_text_vietnamese.json", "mac=d798009e33c75e791ca6164089a65d9b4d90858d4ce94f4f44f91e83e3a36ee8")]
    public async Task Sign_DocSamples_MatchTheDocsWorkedVectors(string sample, string expected)
    {
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(expected, zalo.Sign(ZaloSamples.Text(sample)));
    }

    [Fact]
    public async Task PostWebhook_DocSample_ArrivesByteExactWithMacHeader()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var gateway = await Receiver.StartAsync(ct);
        var sample = ZaloSamples.Text("w1c_user_send_text_vietnamese.json");

        using var response = await zalo.PostWebhookAsync(gateway.Webhook, sample, ct);
        var received = await gateway.WaitForRequestAsync(r => r.Path == "/webhooks/zalo", TimeSpan.FromSeconds(5), ct);

        Assert.Equal(sample, received.Body);
        Assert.Equal("mac=d798009e33c75e791ca6164089a65d9b4d90858d4ce94f4f44f91e83e3a36ee8", received.Headers["x-zevent-signature"]);
        Assert.StartsWith("application/json", received.Headers["content-type"], StringComparison.Ordinal);
        Assert.False(received.Headers.ContainsKey("num_retry"));
    }

    [Fact]
    public async Task PostReplay_SameBytesTwice_SecondMarkedAsRetry()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var gateway = await Receiver.StartAsync(ct);
        var body = new ZaloWebhookBodies(zalo).Text("246845883529197922", "Chị ơi");

        await zalo.PostReplayAsync(gateway.Webhook, body, ct);
        await gateway.WaitForRequestAsync(r => r.Headers.ContainsKey("num_retry"), TimeSpan.FromSeconds(5), ct);

        Assert.Equal(2, gateway.Received.Count);
        Assert.All(gateway.Received, r => Assert.Equal(body, r.Body));
        Assert.Equal("1", gateway.Received[1].Headers["num_retry"]);
    }

    [Fact]
    public async Task PostOutOfOrder_DeliversLastFirst()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var gateway = await Receiver.StartAsync(ct);
        var bodies = new ZaloWebhookBodies(zalo);
        var events = new[] { bodies.Text("u1", "một"), bodies.Text("u1", "hai") };

        await zalo.PostOutOfOrderAsync(gateway.Webhook, events, ct);

        Assert.Equal(events.Reverse(), gateway.Received.Select(r => r.Body));
    }

    [Fact]
    public async Task PostBadSignatureAndUnsigned_SignedWrongOrNotAtAll()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var gateway = await Receiver.StartAsync(ct);
        var body = ZaloSamples.Text("w1b_user_send_text_compact.json");

        await zalo.PostWebhookWithBadSignatureAsync(gateway.Webhook, body, ct);
        await zalo.PostUnsignedWebhookAsync(gateway.Webhook, body, ct);

        Assert.NotEqual(zalo.Sign(body), gateway.Received[0].Headers["x-zevent-signature"]);
        Assert.StartsWith("mac=", gateway.Received[0].Headers["x-zevent-signature"], StringComparison.Ordinal);
        Assert.False(gateway.Received[1].Headers.ContainsKey("x-zevent-signature"));
    }

    [Fact]
    public async Task PostWebhook_MemberMessage_OpensHerConsultationWindow()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var gateway = await Receiver.StartAsync(ct);
        var token = zalo.IssueAccessToken();
        var reply = System.Text.Encoding.UTF8.GetBytes("{\"recipient\":{\"user_id\":\"u-7\"},\"message\":{\"text\":\"Dạ\"}}");

        var before = await ZaloEmulatorApiTests.SendAsync(zalo, token, reply, ct);
        await zalo.PostWebhookAsync(gateway.Webhook, new ZaloWebhookBodies(zalo).Text("u-7", "Xin chào"), ct);
        var after = await ZaloEmulatorApiTests.SendAsync(zalo, token, reply, ct);

        Assert.Equal(-230, ZaloEmulatorApiTests.ErrorOf(before.Body));
        Assert.Equal(0, ZaloEmulatorApiTests.ErrorOf(after.Body));
    }

    [Fact]
    public async Task Bodies_Text_HasTheFieldsAndOrderOfTheDocSample()
    {
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);

        var built = new ZaloWebhookBodies(zalo).Text("246845883529197922", "Chị ơi cho em hỏi");

        Assert.Equal(TopLevelNames(ZaloSamples.Text("w1b_user_send_text_compact.json")), TopLevelNames(built));
        Assert.Contains("\"text\":\"Chị ơi cho em hỏi\"", built, StringComparison.Ordinal);
    }

    private static List<string> TopLevelNames(string json) =>
        JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => p.Name).ToList();

    private sealed class Receiver : EmulatorServer
    {
        public Uri Webhook => new(BaseAddress, "webhooks/zalo");

        public static async Task<Receiver> StartAsync(CancellationToken ct)
        {
            var server = new Receiver();
            await server.StartServerAsync(ct);
            return server;
        }

        protected override void MapEndpoints(WebApplication app) => app.MapPost("/webhooks/zalo", () => Results.Ok());
    }
}
