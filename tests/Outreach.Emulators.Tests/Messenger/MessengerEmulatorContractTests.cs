using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Outreach.Emulators.Messenger;

namespace Outreach.Emulators.Tests.Messenger;

/// <summary>The recorded Send API samples of PLATFORM-MESSENGER.md §6 fed through the emulator: it must accept Meta's real requests and
/// answer in Meta's real shapes, so it cannot drift into agreeing with our bugs.</summary>
public sealed class MessengerEmulatorContractTests : IAsyncLifetime
{
    private const string Psid = "5275811702471834";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 3, 0, 0, TimeSpan.Zero));
    private MessengerEmulator _emulator = null!;
    private SendApiClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _emulator = await MessengerEmulator.StartAsync(new MessengerEmulatorOptions { Clock = _clock }, TestContext.Current.CancellationToken);
        _emulator.UserInteracted(Psid);
        _client = new SendApiClient(_emulator);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task QuickRepliesSample_IsAcceptedWithTheRealSuccessShapeAndHeaders()
    {
        var sample = TestData.Text("s03-quick-replies.json").Replace("{PSID}", Psid, StringComparison.Ordinal);

        var (status, body, response) = await _client.PostAsync(sample);

        var real = JsonDocument.Parse(TestData.Text("r01-send-success.json")).RootElement;
        Assert.Equal(200, status);
        Assert.Equal(Names(real), Names(body));
        Assert.Equal(Psid, body.GetProperty("recipient_id").GetString());
        Assert.StartsWith("m_", body.GetProperty("message_id").GetString(), StringComparison.Ordinal);
        Assert.Contains("\"type\":\"messenger\"", response.Headers.GetValues("x-business-use-case-usage").Single(), StringComparison.Ordinal);
        Assert.Equal("v25.0", response.Headers.GetValues("facebook-api-version").Single());
        var recorded = Assert.Single(_emulator.Sends);
        Assert.Equal(["Red", "Green"], recorded.QuickReplies.Select(q => q.Title));
    }

    [Fact]
    public async Task ButtonAndGenericTemplateSamples_AreAccepted()
    {
        var button = Template(TestData.Text("s01-button-template-payload.json"));
        var generic = TestData.Text("s02-generic-template.json").Replace("{{page-scoped-id}}", Psid, StringComparison.Ordinal);

        Assert.Equal(200, (await _client.PostAsync(button)).Status);
        Assert.Equal(200, (await _client.PostAsync(generic)).Status);
    }

    [Fact]
    public async Task FourButtons_RefusedWithCode100()
    {
        var payload = JsonSerializer.Serialize(new
        {
            template_type = "button", text = "Chọn",
            buttons = Enumerable.Range(1, 4).Select(i => new { type = "postback", title = $"B{i}", payload = $"P{i}" }),
        });
        var (status, body, _) = await _client.PostAsync(Template(payload));

        Assert.Equal(400, status);
        Assert.Equal(100, body.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData(2000, 200)]
    [InlineData(2001, 400)]
    public async Task TextLength_LimitIs2000Characters(int length, int expected)
    {
        Assert.Equal(expected, (await _client.PostAsync(SendApiClient.Text(Psid, new string('a', length)))).Status);
    }

    [Theory]
    [InlineData(13, 200)]
    [InlineData(14, 400)]
    public async Task QuickReplies_LimitIs13(int count, int expected)
    {
        var replies = Enumerable.Range(1, count).Select(i => new { content_type = "text", title = $"Mục {i}", payload = $"P{i}" });
        var body = JsonSerializer.Serialize(new { recipient = new { id = Psid }, message = new { text = "Chọn", quick_replies = replies } });

        Assert.Equal(expected, (await _client.PostAsync(body)).Status);
    }

    [Fact]
    public async Task MemberSilentFor25Hours_RefusedWithTheRealOutsideWindowError()
    {
        _clock.Advance(TimeSpan.FromHours(25));

        var (status, body, _) = await _client.PostAsync(SendApiClient.Text(Psid, "Chào chị"));

        AssertSameError("e01-outside-window.json", status, body);
    }

    [Fact]
    public async Task HumanAgentTag_WithoutApproval_RefusedEvenInsideTheWindow()
    {
        var (status, body, _) = await _client.PostAsync(SendApiClient.Text(Psid, "Cán bộ trả lời", "MESSAGE_TAG", "HUMAN_AGENT"));

        Assert.Equal(400, status);
        Assert.Equal(10, body.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task HumanAgentTag_AllowedAfter24HoursUntil7Days()
    {
        _emulator.HumanAgentApproved = true;
        _clock.Advance(TimeSpan.FromHours(25));
        var within = await _client.PostAsync(SendApiClient.Text(Psid, "Cán bộ trả lời", "MESSAGE_TAG", "HUMAN_AGENT"));
        _clock.Advance(TimeSpan.FromDays(7));
        var after = await _client.PostAsync(SendApiClient.Text(Psid, "Cán bộ trả lời", "MESSAGE_TAG", "HUMAN_AGENT"));

        Assert.Equal(200, within.Status);
        Assert.Equal(2018278, after.Body.GetProperty("error").GetProperty("error_subcode").GetInt32());
    }

    [Fact]
    public async Task DeprecatedTag_RefusedWithCode100()
    {
        var (status, body, _) = await _client.PostAsync(SendApiClient.Text(Psid, "x", "MESSAGE_TAG", "ACCOUNT_UPDATE"));

        Assert.Equal(400, status);
        Assert.Equal(100, body.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task UnknownPsid_RefusedAsNoMatchingUser()
    {
        var (status, body, _) = await _client.PostAsync(SendApiClient.Text("999", "x"));

        AssertSameError("e13-no-matching-user.json", status, body);
    }

    [Fact]
    public async Task BlockedMember_RefusedAsUnavailable()
    {
        _emulator.Block(Psid);

        var (status, body, _) = await _client.PostAsync(SendApiClient.Text(Psid, "x"));

        AssertSameError("e03-unavailable-551.json", status, body);
    }

    [Fact]
    public async Task WrongAndExpiredTokens_RefusedWithCode190()
    {
        var wrong = await _client.PostAsync(SendApiClient.Text(Psid, "x"), token: "not-a-token");
        _emulator.ExpireToken();
        var expired = await _client.PostAsync(SendApiClient.Text(Psid, "x"));

        Assert.Equal(190, wrong.Body.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("OAuthException", wrong.Body.GetProperty("error").GetProperty("type").GetString());
        AssertSameError("e07-token-expired.json", expired.Status, expired.Body);
    }

    [Fact]
    public async Task AppSecretProof_CheckedWhenSentAndRequiredWhenConfigured()
    {
        await using var strict = await MessengerEmulator.StartAsync(
            new MessengerEmulatorOptions { Clock = _clock, RequireAppSecretProof = true }, TestContext.Current.CancellationToken);
        strict.UserInteracted(Psid);
        using var client = new SendApiClient(strict);

        var missing = await client.PostAsync(SendApiClient.Text(Psid, "x"));
        var wrong = await client.PostAsync(SendApiClient.Text(Psid, "x"), proofSecret: "other-secret");
        var right = await client.PostAsync(SendApiClient.Text(Psid, "x"), proofSecret: MessengerEmulatorOptions.DefaultAppSecret);

        Assert.Equal(100, missing.Body.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(100, wrong.Body.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(200, right.Status);
    }

    [Fact]
    public async Task SenderAction_AnsweredWithRecipientOnly_AndNeverWithAMessage()
    {
        var typing = await _client.PostAsync($$"""{"recipient":{"id":"{{Psid}}"},"sender_action":"typing_on"}""");
        var both = await _client.PostAsync("{\"recipient\":{\"id\":\"" + Psid + "\"},\"sender_action\":\"typing_on\",\"message\":{\"text\":\"x\"}}");

        Assert.Equal(["recipient_id"], Names(typing.Body));
        Assert.Equal(2018014, both.Body.GetProperty("error").GetProperty("error_subcode").GetInt32());
    }

    private static string Template(string payload) =>
        "{\"recipient\":{\"id\":\"" + Psid + "\"},\"message\":{\"attachment\":{\"type\":\"template\",\"payload\":" + payload + "}}}";

    private static List<string> Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();

    // Same status class, same keys, same type/code/subcode/message as the recorded error (fbtrace_id differs by nature).
    private static void AssertSameError(string sample, int status, JsonElement body)
    {
        var real = JsonDocument.Parse(TestData.Text(sample)).RootElement.GetProperty("error");
        var error = body.GetProperty("error");
        Assert.Equal(400, status);
        Assert.Equal(Names(real), Names(error));
        foreach (var key in new[] { "message", "type", "code", "error_subcode" })
        {
            Assert.Equal(real.GetProperty(key).ToString(), error.GetProperty(key).ToString());
        }
    }
}
