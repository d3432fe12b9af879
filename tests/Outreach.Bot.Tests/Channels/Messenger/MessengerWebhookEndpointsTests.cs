using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Messenger;
using Outreach.Bot.Hosting;
using Outreach.Emulators.Messenger;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Channels.Messenger;

public sealed class MessengerWebhookEndpointsTests(PostgresServer server) : MessengerGatewayTest(server)
{
    private static readonly Dictionary<string, string?> AckOnly = new() { ["Outreach:Inbox:RunWorkers"] = "false" };

    [Fact]
    public async Task Verify_SubscribeWithTheRightToken_AnswersTheRawChallenge()
    {
        await using var host = await StartGatewayAsync(AckOnly);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var ok = await http.GetAsync(new Uri("/webhooks/facebook?hub.mode=subscribe&hub.verify_token=test-verify-token&hub.challenge=1158201444", UriKind.Relative), Ct);
        using var wrongToken = await http.GetAsync(new Uri("/webhooks/facebook?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1", UriKind.Relative), Ct);
        using var noMode = await http.GetAsync(new Uri("/webhooks/facebook?hub.verify_token=test-verify-token&hub.challenge=1", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("1158201444", await ok.Content.ReadAsStringAsync(Ct));
        Assert.Equal("text/plain", ok.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noMode.StatusCode);
    }

    [Fact]
    public async Task Post_VietnameseVectorSignedByMeta_AckedAndStoredOnce()
    {
        await using var host = await StartGatewayAsync(AckOnly);
        var body = TestData.Text("vietnamese-vector.json");

        var (first, replay) = await Emulator.PostAndReplayAsync(WebhookOf(host), body, Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, replay.StatusCode));
        Assert.Equal("EVENT_RECEIVED", await first.Content.ReadAsStringAsync(Ct));
        Assert.Equal(1, await ScalarAsync<long>("SELECT count(*) FROM inbox_events"));
        Assert.Equal("Xin chào chị", await ScalarAsync<string>("SELECT payload->'event'->'message'->>'text' FROM inbox_events"));
    }

    [Fact]
    public async Task Post_ForgedMissingOrReserialisedSignature_401AndNothingStored()
    {
        await using var host = await StartGatewayAsync(AckOnly);
        var body = TestData.Text("vietnamese-vector.json");
        var reserialised = Encoding.UTF8.GetBytes(body.Replace("\\u00e0", "à", StringComparison.Ordinal));
        var signature = MetaJson.Sign256(Encoding.UTF8.GetBytes(body), MessengerEmulatorOptions.DefaultAppSecret);

        using var forged = await Emulator.PostWithBadSignatureAsync(WebhookOf(host), body, Ct);
        using var unsigned = await Emulator.PostRawAsync(WebhookOf(host), Encoding.UTF8.GetBytes(body), secret: null, Ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookOf(host)) { Content = new ByteArrayContent(reserialised) };
        request.Headers.Add("X-Hub-Signature-256", signature);
        using var http = new HttpClient();
        using var changed = await http.SendAsync(request, Ct);

        Assert.All([forged, unsigned, changed], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal(0, await ScalarAsync<long>("SELECT count(*) FROM inbox_events"));
    }

    [Fact]
    public async Task Post_SignedButMalformed_400AndNothingStored()
    {
        await using var host = await StartGatewayAsync(AckOnly);

        using var notJson = await Emulator.PostWebhookAsync(WebhookOf(host), "{\"object\":\"page\",\"entry\":[", Ct);
        using var notWebhook = await Emulator.PostWebhookAsync(WebhookOf(host), "{\"hello\":1}", Ct);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (notJson.StatusCode, notWebhook.StatusCode));
        Assert.Contains("application/problem+json", notJson.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await ScalarAsync<long>("SELECT count(*) FROM inbox_events"));
    }

    [Fact]
    public async Task Post_TextWithNulCharacter_StoredInsteadOfFailingTheAck()
    {
        await using var host = await StartGatewayAsync(AckOnly);
        var body = Emulator.Webhook().Message("1", "a\0b").Build();

        using var response = await Emulator.PostWebhookAsync(WebhookOf(host), body, Ct);

        Assert.Contains("\\u0000", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("a\uFFFDb", await ScalarAsync<string>("SELECT payload->'event'->'message'->>'text' FROM inbox_events"));
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_413()
    {
        await using var host = await StartGatewayAsync(new Dictionary<string, string?>(AckOnly) { ["Outreach:Messenger:MaxWebhookBytes"] = "2048" });
        var big = Emulator.Webhook().Message("1", new string('x', 3000)).Build();

        using var response = await Emulator.PostWebhookAsync(WebhookOf(host), big, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await ScalarAsync<long>("SELECT count(*) FROM inbox_events"));
    }

    [Fact]
    public async Task Post_BatchWithAnUnknownEventKind_AllStoredUnknownIgnoredLater()
    {
        await using var host = await StartGatewayAsync();
        var webhook = Emulator.Webhook()
            .Delivery("900", ["m_not_ours"], 1)
            .NextEntry().Custom("900", "brand_new_thing", new System.Text.Json.Nodes.JsonObject { ["x"] = 1 })
            .NextEntry().Read("901", 1);

        using var response = await Emulator.SendWebhookAsync(WebhookOf(host), webhook, Ct);
        await WaitUntilInboxSettledAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["delivery", "read", "unknown"], await QueryAsync<string>("SELECT kind FROM inbox_events ORDER BY kind"));
        Assert.Equal("ignored", await ScalarAsync<string>("SELECT status FROM inbox_events WHERE kind = 'unknown'"));
    }

    [Fact]
    public async Task Webhook_MessengerNotConfigured_503AndTheGatewayRuns()
    {
        await using var host = await StartGatewayAsync(messenger: false);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var post = await Emulator.PostWebhookAsync(WebhookOf(host), TestData.Text("vietnamese-vector.json"), Ct);
        using var get = await http.GetAsync(new Uri("/webhooks/facebook?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1", UriKind.Relative), Ct);
        using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative), Ct);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable), (post.StatusCode, get.StatusCode));
        Assert.Contains("chưa được cấu hình", await post.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Start_HalfConfigured_FailsWithOneVietnameseLineNamingWhatIsMissing()
    {
        var settings = new Dictionary<string, string?> { ["Outreach:Messenger:AppSecret"] = "s" };

        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => StartGatewayAsync(settings, messenger: false));

        var message = StartupFailure.Describe(error);
        Assert.NotNull(message);
        Assert.Contains("Outreach:Messenger:VerifyToken", message, StringComparison.Ordinal);
        Assert.Contains("Pages", message, StringComparison.Ordinal);
    }
}
