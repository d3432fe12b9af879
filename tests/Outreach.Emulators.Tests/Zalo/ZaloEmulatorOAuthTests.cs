using System.Text;
using System.Text.Json;
using Outreach.Emulators.Zalo;

namespace Outreach.Emulators.Tests.Zalo;

/// <summary>The OAuth v4 token endpoint against the doc's R11 request and P2/P3 answers: single-use, rotating refresh tokens.</summary>
public sealed class ZaloEmulatorOAuthTests
{
    [Fact]
    public async Task Refresh_DocSampleR11_AnswersP2ShapeWithExpiresInAsString()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);

        var body = await RefreshAsync(zalo, FormFor(zalo, zalo.InitialRefreshToken), zalo.Options.AppSecret, ct);

        Assert.Equal(ZaloJsonShape.Of(ZaloSamples.Text("p2_token_grant.json")), ZaloJsonShape.Of(body));
        using var json = JsonDocument.Parse(body);
        Assert.Equal("90000", json.RootElement.GetProperty("expires_in").GetString());
        Assert.NotEqual(zalo.InitialRefreshToken, json.RootElement.GetProperty("refresh_token").GetString());
    }

    [Fact]
    public async Task Refresh_SameRefreshTokenTwice_SecondAnswersDocSampleP3()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        var form = FormFor(zalo, zalo.InitialRefreshToken);

        await RefreshAsync(zalo, form, zalo.Options.AppSecret, ct);
        var second = await RefreshAsync(zalo, form, zalo.Options.AppSecret, ct);

        Assert.Equal(ZaloSamples.Text("p3_refresh_failure_1.json"), second);
    }

    [Fact]
    public async Task Refresh_SpentTokenWithEmptyBodyOption_AnswersEmpty200()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(new ZaloEmulatorOptions { EmptyBodyForSpentRefreshToken = true }, ct);
        var form = FormFor(zalo, zalo.InitialRefreshToken);

        await RefreshAsync(zalo, form, zalo.Options.AppSecret, ct);

        Assert.Equal("", await RefreshAsync(zalo, form, zalo.Options.AppSecret, ct));
    }

    [Fact]
    public async Task Refresh_RotatedPair_NewAccessTokenSendsAndNewRefreshTokenRotatesAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        zalo.RecordInteraction("2512523625412515");

        using var first = JsonDocument.Parse(await RefreshAsync(zalo, FormFor(zalo, zalo.InitialRefreshToken), zalo.Options.AppSecret, ct));
        var access = first.RootElement.GetProperty("access_token").GetString();
        var refresh = first.RootElement.GetProperty("refresh_token").GetString()!;
        var send = await ZaloEmulatorApiTests.SendAsync(zalo, access, ZaloSamples.Bytes("r1_send_text.json"), ct);
        using var second = JsonDocument.Parse(await RefreshAsync(zalo, FormFor(zalo, refresh), zalo.Options.AppSecret, ct));

        Assert.Equal(0, ZaloEmulatorApiTests.ErrorOf(send.Body));
        Assert.True(second.RootElement.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task Refresh_WrongSecretKey_RefusedAndTokenNotSpent()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        var form = FormFor(zalo, zalo.InitialRefreshToken);

        var refused = await RefreshAsync(zalo, form, "wrong-secret", ct);
        var granted = await RefreshAsync(zalo, form, zalo.Options.AppSecret, ct);

        Assert.False(JsonDocument.Parse(refused).RootElement.TryGetProperty("access_token", out _));
        Assert.True(JsonDocument.Parse(granted).RootElement.TryGetProperty("access_token", out _));
    }

    // R11 is "refresh_token=<refresh_token>&app_id=<app_id>&grant_type=refresh_token": the sample with its placeholders filled.
    private static string FormFor(ZaloEmulator zalo, string refreshToken) => ZaloSamples.Text("r11_refresh_token.form")
        .Replace("<refresh_token>", Uri.EscapeDataString(refreshToken), StringComparison.Ordinal)
        .Replace("<app_id>", zalo.Options.AppId, StringComparison.Ordinal);

    private static async Task<string> RefreshAsync(ZaloEmulator zalo, string form, string secret, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = zalo.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("v4/oa/access_token", UriKind.Relative))
        {
            Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.TryAddWithoutValidation("secret_key", secret);
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(ct);
    }
}
