using System.Net;
using System.Text;
using Outreach.Emulators.Zalo;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Channels.Zalo;

/// <summary>POST /webhooks/zalo over real HTTP: what is stored, what is refused, and how.</summary>
public sealed class ZaloWebhookEndpointsTests(PostgresServer server) : IAsyncLifetime
{
    private const string CountInbox = "SELECT count(*) FROM inbox_events WHERE channel = 'zalo'";
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task DocSampleW1c_SignedWithTheDocsVietnameseVector_StoredWithItsIds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct, new Dictionary<string, string?> { ["Outreach:Inbox:RunWorkers"] = "false" });

        using var response = await PostAsync(host.Webhook(), ZaloSamples.Bytes("w1c_user_send_text_vietnamese.json"),
            "mac=d798009e33c75e791ca6164089a65d9b4d90858d4ce94f4f44f91e83e3a36ee8", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            "user_send_text:96d3cdf3af150460909|user_send_text|388613280878808645|246845883529197922|Chị ơi cho em hỏi",
            await _database.ScalarAsync<string>(
                "SELECT platform_event_id || '|' || kind || '|' || account_id || '|' || sender_id || '|' || (payload->'message'->>'text') FROM inbox_events"));
    }

    [Fact]
    public async Task PrettyPrintedDocSampleW1_SignedOverItsOwnBytes_Stored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct, new Dictionary<string, string?> { ["Outreach:Inbox:RunWorkers"] = "false" });

        using var response = await zalo.PostWebhookAsync(host.Webhook(), ZaloSamples.Text("w1_user_send_text.json"), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await _database.ScalarAsync<int>(CountInbox));
    }

    [Fact]
    public async Task ForgedUnsignedOrWrongSignature_401AndNothingStored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct);
        var body = new ZaloWebhookBodies(zalo).Text("u-forged", "Cho tôi vay tiền");

        using var forged = await zalo.PostWebhookWithBadSignatureAsync(host.Webhook(), body, ct);
        using var unsigned = await zalo.PostUnsignedWebhookAsync(host.Webhook(), body, ct);
        using var otherBody = await PostAsync(host.Webhook(), Encoding.UTF8.GetBytes(body.Replace("vay", "mượn", StringComparison.Ordinal)), zalo.Sign(body), ct);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized],
            [forged.StatusCode, unsigned.StatusCode, otherBody.StatusCode]);
        Assert.Equal(0, await _database.ScalarAsync<int>(CountInbox));
    }

    [Fact]
    public async Task MalformedJsonOrOversizedBody_400And413_NothingStored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct);
        var signature = "mac=" + new string('0', 64);

        using var malformed = await PostAsync(host.Webhook(), Encoding.UTF8.GetBytes("{\"event_name\":\"user_send_text\","), signature, ct);
        using var notAnObject = await PostAsync(host.Webhook(), Encoding.UTF8.GetBytes("null"), signature, ct);
        using var oversized = await PostAsync(host.Webhook(), new byte[70 * 1024], signature, ct);

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notAnObject.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.Equal(0, await _database.ScalarAsync<int>(CountInbox));
    }

    [Fact]
    public async Task UnknownEventsAndOurOwnEchoes_200AndNotStored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct);
        var bodies = new ZaloWebhookBodies(zalo);

        using var tag = await zalo.PostWebhookAsync(host.Webhook(), bodies.TagAdded("u-1"), ct);
        using var echo = await zalo.PostWebhookAsync(host.Webhook(), bodies.OaEcho("u-1", "Chào chị"), ct);
        using var groupMessage = await zalo.PostWebhookAsync(host.Webhook(),
            bodies.Text("u-1", "nhóm").Replace("\"user_send_text\"", "\"user_send_group_text\"", StringComparison.Ordinal), ct);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], [tag.StatusCode, echo.StatusCode, groupMessage.StatusCode]);
        Assert.Equal(0, await _database.ScalarAsync<int>(CountInbox));
    }

    [Fact]
    public async Task SameEventDeliveredTwice_StoredOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct, new Dictionary<string, string?> { ["Outreach:Inbox:RunWorkers"] = "false" });
        var bodies = new ZaloWebhookBodies(zalo);

        var text = await zalo.PostReplayAsync(host.Webhook(), bodies.Text("u-2", "Xin chào"), ct);
        var follow = await zalo.PostReplayAsync(host.Webhook(), bodies.Follow("u-2"), ct);
        using var otherFollow = await zalo.PostWebhookAsync(host.Webhook(), bodies.Follow("u-2"), ct);

        Assert.All(text.Concat(follow), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(3, await _database.ScalarAsync<int>(CountInbox));
        Assert.Equal(2, await _database.ScalarAsync<int>(CountInbox + " AND kind = 'follow'"));
    }

    [Fact]
    public async Task SignedEventWithoutEventName_AcknowledgedWith200_NotRetried()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct);
        var body = $"{{\"app_id\":\"{zalo.Options.AppId}\",\"sender\":{{\"id\":\"u-x\"}},\"timestamp\":\"1700000000000\"}}";

        using var response = await zalo.PostWebhookAsync(host.Webhook(), body, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SignedEventNamingNoMember_AcknowledgedKeptAndSkipped()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct);
        var body = $"{{\"app_id\":\"{zalo.Options.AppId}\",\"event_name\":\"user_send_text\",\"message\":{{\"text\":\"x\",\"msg_id\":\"m1\"}},\"timestamp\":\"1\"}}";

        using var response = await zalo.PostWebhookAsync(host.Webhook(), body, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await ZaloTestGateway.EventuallyAsync(async () => await _database.ScalarAsync<string>(
            "SELECT status FROM inbox_events WHERE platform_event_id = 'user_send_text:m1'") == "ignored", ct);
        Assert.Empty(zalo.Sent);
    }

    [Fact]
    public async Task TextWithNulOrALoneSurrogate_StoredAndAnswered_Never5xx()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct);
        var bodies = new ZaloWebhookBodies(zalo);
        var nul = bodies.Text("u-nul", "chao\0ban", "m-nul").Replace("\\0", "\\u0000", StringComparison.Ordinal);
        var surrogate = bodies.Text("u-sur", "xin chao", "m-sur").Replace("xin chao", "xin \\ud83d chao", StringComparison.Ordinal);

        using var first = await zalo.PostWebhookAsync(host.Webhook(), nul, ct);
        using var second = await zalo.PostWebhookAsync(host.Webhook(), surrogate, ct);

        Assert.Contains("\\u0000", nul, StringComparison.Ordinal);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], [first.StatusCode, second.StatusCode]);
        Assert.Equal("chao\uFFFDban|xin \uFFFD chao", await _database.ScalarAsync<string>(
            "SELECT string_agg(payload->'message'->>'text', '|' ORDER BY id) FROM inbox_events WHERE channel = 'zalo'"));
        await zalo.WaitForMessageAsync(m => m.UserId == "u-nul", TimeSpan.FromSeconds(20), ct);
        await zalo.WaitForMessageAsync(m => m.UserId == "u-sur", TimeSpan.FromSeconds(20), ct);
    }

    [Fact]
    public async Task SignedEventWithoutEventName_AcknowledgedNotStored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct, new Dictionary<string, string?> { ["Outreach:Inbox:RunWorkers"] = "false" });
        var body = $"{{\"app_id\":\"{zalo.Options.AppId}\",\"sender\":{{\"id\":\"u-5\"}},\"timestamp\":\"1\"}}";

        using var response = await zalo.PostWebhookAsync(host.Webhook(), body, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await _database.ScalarAsync<int>(CountInbox));
    }

    [Fact]
    public async Task ZaloNotConfigured_503WithAClearMessage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(_database, cancellationToken: ct);

        using var response = await PostAsync(host.Webhook(), ZaloSamples.Bytes("w1b_user_send_text_compact.json"), "mac=00", ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Kênh Zalo chưa được cấu hình", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcknowledgeInvalidSignaturesOn_200ButNothingStored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct,
            new Dictionary<string, string?> { ["Outreach:Zalo:AcknowledgeInvalidSignatures"] = "true" });

        using var response = await zalo.PostUnsignedWebhookAsync(host.Webhook(), new ZaloWebhookBodies(zalo).Text("u-3", "test"), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await _database.ScalarAsync<int>(CountInbox));
    }

    [Theory]
    [InlineData(false, HttpStatusCode.Unauthorized)]
    [InlineData(true, HttpStatusCode.OK)]
    public async Task SignedWithTheAppSecret_AcceptedOnlyWhenTheSettingSaysSo(bool accept, HttpStatusCode expected)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct,
            new Dictionary<string, string?> { ["Outreach:Zalo:AcceptAppSecretSignature"] = accept ? "true" : "false" });
        var body = new ZaloWebhookBodies(zalo).Text("u-4", "test");

        using var response = await PostAsync(host.Webhook(), Encoding.UTF8.GetBytes(body), zalo.Sign(body, zalo.Options.AppSecret), ct);

        Assert.Equal(expected, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(Uri webhook, byte[] body, string signature, CancellationToken ct)
    {
        using var http = new HttpClient();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = content };
        request.Headers.TryAddWithoutValidation("X-ZEvent-Signature", signature);
        return await http.SendAsync(request, ct);
    }
}
