using System.Net;
using Outreach.Emulators.Messenger;
using Outreach.Emulators.Zalo;
using Outreach.Testing;
using static Outreach.Bot.Tests.Staff.ChannelAccounts.ChannelAccountsWorld;

namespace Outreach.Bot.Tests.Staff.ChannelAccounts;

/// <summary>
/// Issue 13.2 on real PostgreSQL with both emulators: two Pages (the province's from configuration, commune An's added by the
/// admin, each of its own Meta app) and two OAs (the province's, commune Bình's of its own Zalo app), each webhook signed with
/// its own secret; a member of each commune's account lands in that commune; replies and a broadcast go out through the
/// account each member is connected with, with that account's token.
/// </summary>
public sealed class ChannelAccountsJourneyTests(PostgresServer server) : IAsyncLifetime
{
    private ChannelAccountsWorld _world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _world = await ChannelAccountsWorld.StartAsync(server);

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task CommuneAccountsAdded_MembersLandInTheirCommune_RepliesAndBroadcastGoThroughTheirOwnAccount()
    {
        var messenger = _world.Messenger;
        var zalo = _world.Zalo;
        using var admin = await _world.SignInAsync("quantri.tinh");
        await _world.AddAnPageAsync(admin);
        await _world.AddBinhOaAsync(admin);
        var provinceOa = new ZaloWebhookBodies(zalo);
        var binhOa = new ZaloWebhookBodies(zalo, BinhOa);

        var arrivals = new[]
        {
            await messenger.SendWebhookAsync(_world.MessengerWebhook, messenger.Webhook(ProvincePage).GetStarted("psid-tinh"), Ct),
            await messenger.SendWebhookAsync(_world.MessengerWebhook, messenger.Webhook(AnPage).GetStarted("psid-an"), Ct),
            await zalo.PostWebhookAsync(_world.ZaloWebhook, provinceOa.Follow("zalo-tinh"), Ct),
            await zalo.PostWebhookAsync(_world.ZaloWebhook, binhOa.Follow("zalo-binh"), Ct),
        };
        var anReply = await messenger.WaitForSendAsync(s => s.RecipientId == "psid-an" && s.Accepted && s.Text is not null, Patience, Ct);
        var provinceReply = await messenger.WaitForSendAsync(s => s.RecipientId == "psid-tinh" && s.Accepted && s.Text is not null, Patience, Ct);
        var binhReply = await zalo.WaitForMessageAsync(m => m.UserId == "zalo-binh", Patience, Ct);
        var provinceZaloReply = await zalo.WaitForMessageAsync(m => m.UserId == "zalo-tinh", Patience, Ct);

        Assert.All(arrivals, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal((AnPage, "Bearer " + AnPageToken), (anReply.PageId, anReply.Request.Headers["authorization"]));
        Assert.Equal((ProvincePage, "Bearer " + MessengerEmulatorOptions.DefaultPageToken), (provinceReply.PageId, provinceReply.Request.Headers["authorization"]));
        Assert.Equal(BinhOa, zalo.OaOfToken(binhReply.AccessToken));
        Assert.Equal(zalo.Options.OaId, zalo.OaOfToken(provinceZaloReply.AccessToken));
        Assert.Equal(_world.An.Id, await _world.UnitOfAsync("psid-an"));
        Assert.Equal(_world.Binh.Id, await _world.UnitOfAsync("zalo-binh"));
        Assert.Equal(_world.Province.Id, await _world.UnitOfAsync("psid-tinh"));
        Assert.Equal(_world.Province.Id, await _world.UnitOfAsync("zalo-tinh"));

        // A broadcast of the province to everyone: each member gets it through the account she is connected with.
        using var editor = await _world.SignInAsync("bientap.tinh");
        using var approver = await _world.SignInAsync("duyet.tinh");
        const string body = "Hội LHPN tỉnh Lai Châu nhắc chị em đường dây nóng hỗ trợ phụ nữ và trẻ em: 1900 969 680.";
        var (created, post) = await editor.PostAsync("/staff/api/posts", new
        {
            title = "Đường dây nóng", body, topic = "hotline", isPromotional = false,
            channels = new[] { "messenger", "zalo" }, audienceUnitIds = new[] { _world.Province.Id },
        }, Ct);
        Assert.True(created == HttpStatusCode.Created, post.ToString());
        var postId = post.GetProperty("id").GetInt64();
        await editor.PostAsync($"/staff/api/posts/{postId}/submit", null, Ct);
        await approver.PostAsync($"/staff/api/posts/{postId}/approve", null, Ct);
        var (scheduled, scheduledBody) = await approver.PostAsync($"/staff/api/posts/{postId}/schedule", new { sendAt = DateTimeOffset.UtcNow }, Ct);
        Assert.True(scheduled == HttpStatusCode.OK, scheduledBody.ToString());

        var toAn = await messenger.WaitForSendAsync(s => s.RecipientId == "psid-an" && (s.Text ?? "").Contains("1900 969 680", StringComparison.Ordinal), Patience, Ct);
        var toProvince = await messenger.WaitForSendAsync(s => s.RecipientId == "psid-tinh" && (s.Text ?? "").Contains("1900 969 680", StringComparison.Ordinal), Patience, Ct);
        var toBinh = await zalo.WaitForMessageAsync(m => m.UserId == "zalo-binh" && (m.Text ?? "").Contains("1900 969 680", StringComparison.Ordinal), Patience, Ct);
        var toProvinceZalo = await zalo.WaitForMessageAsync(m => m.UserId == "zalo-tinh" && (m.Text ?? "").Contains("1900 969 680", StringComparison.Ordinal), Patience, Ct);

        Assert.True(toAn.Accepted);
        Assert.Equal((AnPage, "Bearer " + AnPageToken), (toAn.PageId, toAn.Request.Headers["authorization"]));
        Assert.Equal(ProvincePage, toProvince.PageId);
        Assert.Equal(BinhOa, zalo.OaOfToken(toBinh.AccessToken));
        Assert.Equal(zalo.Options.OaId, zalo.OaOfToken(toProvinceZalo.AccessToken));
    }

    [Fact]
    public async Task WebhooksSignedWithAnotherAccountsSecretOrForUnknownAccounts_RefusedOrAcknowledgedAndNothingStored()
    {
        var messenger = _world.Messenger;
        var zalo = _world.Zalo;
        using var admin = await _world.SignInAsync("quantri.tinh");
        await _world.AddAnPageAsync(admin);
        await _world.AddBinhOaAsync(admin);

        // An's Page signed with the province app's secret; Bình's OA signed with the province OA's key.
        var anBody = messenger.Webhook(AnPage).Message("psid-gia", "xin chào").Build();
        var forgedPage = await messenger.PostRawAsync(_world.MessengerWebhook, System.Text.Encoding.UTF8.GetBytes(anBody), messenger.Options.AppSecret, Ct);
        var binhBodies = new ZaloWebhookBodies(zalo, BinhOa);
        var signedByBinh = await zalo.PostWebhookAsync(_world.ZaloWebhook, binhBodies.Text("zalo-gia", "xin chào"), Ct);
        var forgedOa = await PostZaloSignedWithAsync(binhBodies.Text("zalo-gia-2", "xin chào"), zalo.Options.OaSecretKey);
        var storedBefore = await _world.ScalarAsync<long>("SELECT count(*) FROM inbox_events");

        // Pages and OAs nobody added: acknowledged (Zalo turns off a failing webhook), logged, nothing stored.
        var unknownPage = await messenger.PostWebhookAsync(_world.MessengerWebhook, messenger.Webhook("999999999999999").Message("psid-x", "chào").Build(), Ct);
        var unknownOaBody = new ZaloWebhookBodies(zalo).Text("zalo-x", "chào").Replace(zalo.Options.OaId, "777777777777777777", StringComparison.Ordinal);
        var unknownOa = await zalo.PostWebhookAsync(_world.ZaloWebhook, unknownOaBody, Ct);
        var storedAfter = await _world.ScalarAsync<long>("SELECT count(*) FROM inbox_events");

        Assert.Equal(HttpStatusCode.Unauthorized, forgedPage.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forgedOa.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedByBinh.StatusCode);
        Assert.Equal(0, await _world.ScalarAsync<long>("SELECT count(*) FROM inbox_events WHERE sender_id IN ('psid-gia', 'zalo-gia-2')"));
        Assert.Equal(1, await _world.ScalarAsync<long>("SELECT count(*) FROM inbox_events WHERE sender_id = 'zalo-gia'"));
        Assert.Equal(HttpStatusCode.OK, unknownPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknownOa.StatusCode);
        Assert.Equal(storedBefore, storedAfter);
    }

    [Fact]
    public async Task PlatformRefusesTheCommunePagesToken_ShownOnTheAccountNotACrash_TheOtherPageStillAnswers()
    {
        var messenger = _world.Messenger;
        using var admin = await _world.SignInAsync("quantri.tinh");
        var an = await _world.AddAnPageAsync(admin);
        messenger.ExpireToken(AnPage);

        await messenger.SendWebhookAsync(_world.MessengerWebhook, messenger.Webhook(AnPage).GetStarted("psid-an"), Ct);
        await messenger.WaitForSendAsync(s => s.RecipientId == "psid-an" && !s.Accepted, Patience, Ct);
        await ZaloPollAsync(async () => (await admin.GetAsync($"/staff/api/channel-accounts/{an}", Ct)).Body.GetProperty("health").GetProperty("state").GetString() == "token_refused");
        await messenger.SendWebhookAsync(_world.MessengerWebhook, messenger.Webhook(ProvincePage).GetStarted("psid-tinh"), Ct);
        var provinceReply = await messenger.WaitForSendAsync(s => s.RecipientId == "psid-tinh" && s.Accepted, Patience, Ct);
        var (status, account) = await admin.GetAsync($"/staff/api/channel-accounts/{an}", Ct);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(account.GetProperty("health").GetProperty("down").GetBoolean());
        Assert.Contains("từ chối token", account.GetProperty("health").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(ProvincePage, provinceReply.PageId);
    }

    private async Task<HttpResponseMessage> PostZaloSignedWithAsync(string body, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _world.ZaloWebhook) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("X-ZEvent-Signature", _world.Zalo.Sign(body, secret));
        using var http = new HttpClient();
        return await http.SendAsync(request, Ct);
    }

    private static Task ZaloPollAsync(Func<Task<bool>> condition) => Channels.Zalo.ZaloTestGateway.EventuallyAsync(condition, Ct);
}
