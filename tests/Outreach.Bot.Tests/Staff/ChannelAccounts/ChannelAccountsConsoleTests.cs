using System.Globalization;
using System.Net;
using Outreach.Bot.Tests.Channels.Zalo;
using Outreach.Bot.Tests.Staff.Console;
using Outreach.Testing;
using static Outreach.Bot.Tests.Staff.ChannelAccounts.ChannelAccountsWorld;

namespace Outreach.Bot.Tests.Staff.ChannelAccounts;

/// <summary>
/// "Trang và OA" in the console, over the same service as the API: an admin adds a commune's Page and an OA with the forms
/// (secrets never shown back), a bad token gets its Vietnamese error, others are refused, and a token the platform refuses
/// shows on the account's page.
/// </summary>
public sealed class ChannelAccountsConsoleTests(PostgresServer server) : IAsyncLifetime
{
    private ChannelAccountsWorld _world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _world = await ChannelAccountsWorld.StartAsync(server);

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task AdminAddsPageAndOaWithTheForms_SecretsNeverShown_BadTokenExplained_RefusedTokenShownOnThePage()
    {
        using var admin = await ConsoleClient.SignInAsync(_world.Host.BaseAddress, "quantri.tinh");
        var an = _world.An.Id.ToString(CultureInfo.InvariantCulture);
        var binh = _world.Binh.Id.ToString(CultureInfo.InvariantCulture);
        var tooLong = await admin.PostFormAsync("/staff/channel-accounts",
            ("Channel", "messenger"), ("UnitId", an), ("AccountId", AnPage), ("AppSecret", AnAppSecret), ("AccessToken", new string('x', 500)));
        var addedPage = await admin.PostFormAsync("/staff/channel-accounts",
            ("Channel", "messenger"), ("UnitId", an), ("AccountId", AnPage), ("Name", "Hội LHPN xã An"), ("AppSecret", AnAppSecret), ("AccessToken", AnPageToken));
        var addedOa = await admin.PostFormAsync("/staff/channel-accounts",
            ("Channel", "zalo"), ("UnitId", binh), ("AccountId", BinhOa), ("AppId", BinhOaApp.AppId), ("AppSecret", BinhOaApp.AppSecret),
            ("OaSecretKey", BinhOaApp.OaSecretKey), ("RefreshToken", _world.Zalo.GrantConsent(BinhOa)));
        var pagePath = addedPage.Location!.Split('?')[0];
        var page = await admin.GetAsync(addedPage.Location!);
        var list = await admin.GetAsync("/staff/channel-accounts");
        var duplicate = await admin.PostFormAsync("/staff/channel-accounts",
            ("Channel", "messenger"), ("UnitId", binh), ("AccountId", AnPage), ("AppSecret", "khac"), ("AccessToken", "token-khac"));
        using var editor = await ConsoleClient.SignInAsync(_world.Host.BaseAddress, "bientap.tinh");
        var editorList = await editor.GetAsync("/staff/channel-accounts");
        var editorChanges = await editor.PostFormAsync(pagePath, ("AccessToken", "token-cua-bien-tap"));
        using var other = await ConsoleClient.SignInAsync(_world.Host.BaseAddress, "quantri.khac");
        var otherSees = await other.GetAsync(pagePath);

        _world.Messenger.ExpireToken(AnPage);
        await _world.Messenger.SendWebhookAsync(_world.MessengerWebhook, _world.Messenger.Webhook(AnPage).GetStarted("psid-an"), Ct);
        await ZaloTestGateway.EventuallyAsync(async () => (await admin.GetAsync(pagePath)).Html.Contains("data-account-down", StringComparison.Ordinal), Ct);
        var refused = await admin.GetAsync(pagePath);

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Contains("dài 500 ký tự", tooLong.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, addedPage.Status);
        Assert.Equal(HttpStatusCode.Redirect, addedOa.Status);
        Assert.Contains("Hội LHPN xã An", page.Text, StringComparison.Ordinal);
        Assert.Contains("data-secret=\"accessToken\">đã lưu", page.Html, StringComparison.Ordinal);
        foreach (var secret in new[] { AnPageToken, AnAppSecret, BinhOaApp.AppSecret, BinhOaApp.OaSecretKey })
        {
            Assert.DoesNotContain(secret, page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, list.Html, StringComparison.Ordinal);
        }

        Assert.Contains($"data-account-id=\"{BinhOa}\"", list.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.Status);
        Assert.Contains("đã có trong hệ thống", duplicate.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, editorList.Status);
        Assert.DoesNotContain("Thêm Trang Facebook", editorList.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, editorChanges.Status);
        Assert.Equal(HttpStatusCode.NotFound, otherSees.Status);
        Assert.Contains("Nền tảng từ chối token", refused.Text, StringComparison.Ordinal);
    }
}
