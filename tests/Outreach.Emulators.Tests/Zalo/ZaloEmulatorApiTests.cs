using System.Net;
using System.Text;
using System.Text.Json;
using Outreach.Emulators.Zalo;

namespace Outreach.Emulators.Tests.Zalo;

/// <summary>The consultation API against the doc's request samples (R1–R4) and answer shapes (P1, P4).</summary>
public sealed class ZaloEmulatorApiTests
{
    private const string SampleUser = "2512523625412515";

    [Fact]
    public async Task Send_DocSampleR1ToMemberInWindow_AnswersWithP1Shape()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        zalo.RecordInteraction(SampleUser);

        var (status, body) = await SendAsync(zalo, zalo.IssueAccessToken(), ZaloSamples.Bytes("r1_send_text.json"), ct);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(ZaloJsonShape.Of(ZaloSamples.Text("p1_send_success.json")), ZaloJsonShape.Of(body));
        using var json = JsonDocument.Parse(body);
        Assert.Equal(SampleUser, json.RootElement.GetProperty("data").GetProperty("user_id").GetString());
        var sent = Assert.Single(zalo.Sent);
        Assert.Equal("hello, world!", sent.Text);
        Assert.Equal(json.RootElement.GetProperty("data").GetProperty("message_id").GetString(), sent.MessageId);
    }

    [Theory]
    [InlineData("r2_send_image.json", "2468458835296197922")]
    [InlineData("r3_send_file.json", "<user_id>")]
    [InlineData("r4_send_sticker.json", "2468458835296197922")]
    public async Task Send_DocAttachmentSamples_Accepted(string sample, string userId)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        zalo.RecordInteraction(userId);

        var (_, body) = await SendAsync(zalo, zalo.IssueAccessToken(), ZaloSamples.Bytes(sample), ct);

        Assert.Equal(0, ErrorOf(body));
    }

    [Fact]
    public async Task Send_WithoutAccessTokenHeader_Http200WithError216()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        zalo.RecordInteraction(SampleUser);

        var (status, body) = await SendAsync(zalo, null, ZaloSamples.Bytes("r1_send_text.json"), ct);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("{\"error\":-216,\"message\":\"Access token is invalid\"}", body);
        Assert.Empty(zalo.Sent);
    }

    [Fact]
    public async Task Send_AccessTokenPastItsLifetime_Error220()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        var token = zalo.IssueAccessToken();
        zalo.Clock.Advance(TimeSpan.FromHours(25) + TimeSpan.FromSeconds(1));
        zalo.RecordInteraction(SampleUser);

        var (_, body) = await SendAsync(zalo, token, ZaloSamples.Bytes("r1_send_text.json"), ct);

        Assert.Equal("{\"error\":-220,\"message\":\"access_token is expired or removed\"}", body);
    }

    [Fact]
    public async Task Send_MemberLastInteractedEightDaysAgo_AnswersDocSampleP4()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        zalo.RecordInteraction(SampleUser);
        zalo.Clock.Advance(TimeSpan.FromDays(8));

        var (_, body) = await SendAsync(zalo, zalo.IssueAccessToken(), ZaloSamples.Bytes("r1_send_text.json"), ct);

        Assert.Equal(ZaloSamples.Text("p4_error_1.json"), body);
    }

    [Fact]
    public async Task Send_MemberNeverInteracted_Error230()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);

        var (_, body) = await SendAsync(zalo, zalo.IssueAccessToken(), ZaloSamples.Bytes("r1_send_text.json"), ct);

        Assert.Equal(-230, ErrorOf(body));
    }

    [Fact]
    public async Task Send_BannedMember_AnswersDocSampleP4Second()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        zalo.RecordInteraction(SampleUser);
        zalo.Ban(SampleUser);

        var (_, body) = await SendAsync(zalo, zalo.IssueAccessToken(), ZaloSamples.Bytes("r1_send_text.json"), ct);

        Assert.Equal(ZaloSamples.Text("p4_error_2.json"), body);
    }

    [Fact]
    public async Task Send_MemberWhoUnfollowed_Error213()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        zalo.RecordInteraction(SampleUser);
        zalo.Unfollow(SampleUser);

        var (_, body) = await SendAsync(zalo, zalo.IssueAccessToken(), ZaloSamples.Bytes("r1_send_text.json"), ct);

        Assert.Equal("{\"error\":-213,\"message\":\"User has not followed OA\"}", body);
    }

    [Theory]
    [InlineData(2000, 0)]
    [InlineData(2001, -210)]
    public async Task Send_TextLength_LimitIs2000(int length, int expectedError)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        zalo.RecordInteraction(SampleUser);
        var request = JsonSerializer.Serialize(new { recipient = new { user_id = SampleUser }, message = new { text = new string('ạ', length) } });

        var (_, body) = await SendAsync(zalo, zalo.IssueAccessToken(), Encoding.UTF8.GetBytes(request), ct);

        Assert.Equal(expectedError, ErrorOf(body));
    }

    [Theory]
    [InlineData("{\"message\":{\"text\":\"x\"}}", "user_id is invalid!")]
    [InlineData("{\"recipient\":{\"user_id\":\"2512523625412515\"}}", "message is invalid!")]
    [InlineData("{\"recipient\":{\"user_id\":\"2512523625412515\"},\"message\":{}}", "message is invalid!")]
    [InlineData("not json", "body is invalid!")]
    public async Task Send_MissingRequiredField_Error201(string request, string message)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        zalo.RecordInteraction(SampleUser);

        var (_, body) = await SendAsync(zalo, zalo.IssueAccessToken(), Encoding.UTF8.GetBytes(request), ct);

        Assert.Equal($"{{\"error\":-201,\"message\":\"{message}\"}}", body);
    }

    [Fact]
    public async Task Send_PastRequestsPerMinute_Error32UntilTheMinutePasses()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(new ZaloEmulatorOptions { RequestsPerMinute = 2 }, ct);
        zalo.RecordInteraction(SampleUser);
        var token = zalo.IssueAccessToken();
        var sample = ZaloSamples.Bytes("r1_send_text.json");

        var answers = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(ErrorOf((await SendAsync(zalo, token, sample, ct)).Body));
        }

        zalo.Clock.Advance(TimeSpan.FromSeconds(61));
        answers.Add(ErrorOf((await SendAsync(zalo, token, sample, ct)).Body));

        Assert.Equal([0, 0, -32, 0], answers);
    }

    [Fact]
    public async Task FailNextSend_AnswersThatCodeOnceThenNormally()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        zalo.RecordInteraction(SampleUser);
        var token = zalo.IssueAccessToken();
        zalo.FailNextSend(-32);

        var first = await SendAsync(zalo, token, ZaloSamples.Bytes("r1_send_text.json"), ct);
        var second = await SendAsync(zalo, token, ZaloSamples.Bytes("r1_send_text.json"), ct);

        Assert.Equal("{\"error\":-32,\"message\":\"Your application reached limit call api\"}", first.Body);
        Assert.Equal(0, ErrorOf(second.Body));
    }

    internal static async Task<(HttpStatusCode Status, string Body)> SendAsync(ZaloEmulator zalo, string? token, byte[] body, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = zalo.BaseAddress };
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("v3.0/oa/message/cs", UriKind.Relative)) { Content = content };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("access_token", token);
        }

        using var response = await http.SendAsync(request, ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    internal static int ErrorOf(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("error").GetInt32();
    }
}
