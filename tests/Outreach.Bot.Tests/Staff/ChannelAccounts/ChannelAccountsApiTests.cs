using System.Net;
using Outreach.Testing;
using static Outreach.Bot.Tests.Staff.ChannelAccounts.ChannelAccountsWorld;

namespace Outreach.Bot.Tests.Staff.ChannelAccounts;

/// <summary>
/// /staff/api/channel-accounts: secrets stored encrypted and never shown back, configuration seeded once, and the bad input
/// of issue 13.2 (a duplicate Page, a unit outside her subtree, an empty or 500-character token, a non-admin).
/// </summary>
public sealed class ChannelAccountsApiTests(PostgresServer server) : IAsyncLifetime
{
    private ChannelAccountsWorld _world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _world = await ChannelAccountsWorld.StartAsync(server);

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task AdminAddsAPageAndAnOa_SecretsEncryptedAtRestNeverShown_ConfigurationSeededIntoItsUnit()
    {
        using var admin = await _world.SignInAsync("quantri.tinh");
        var page = await _world.AddAnPageAsync(admin);
        var oa = await _world.AddBinhOaAsync(admin);
        var (status, list) = await admin.GetAsync("/staff/api/channel-accounts", Ct);
        var raw = list.GetRawText();
        var pageJson = list.EnumerateArray().Single(a => a.GetProperty("id").GetInt64() == page);
        var oaJson = list.EnumerateArray().Single(a => a.GetProperty("id").GetInt64() == oa);
        var stored = await _world.ScalarAsync<string>(
            "SELECT string_agg(coalesce(app_secret_protected, '') || coalesce(webhook_secret_protected, '') || coalesce(access_token_protected, ''), '|') FROM channel_accounts");
        var refresh = await _world.ScalarAsync<string>("SELECT refresh_token FROM channel_tokens WHERE account_id = @BinhOa", new { BinhOa });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(4, list.GetArrayLength());
        Assert.Equal(_world.An.Id, pageJson.GetProperty("unit").GetProperty("id").GetInt64());
        Assert.Equal("đã lưu", pageJson.GetProperty("secrets").GetProperty("accessToken").GetString());
        Assert.Equal("đã lưu", oaJson.GetProperty("secrets").GetProperty("refreshToken").GetString());
        Assert.Equal(_world.Province.Id, list.EnumerateArray().Single(a => a.GetProperty("accountId").GetString() == ProvincePage).GetProperty("unit").GetProperty("id").GetInt64());
        Assert.Equal("config", list.EnumerateArray().Single(a => a.GetProperty("accountId").GetString() == ProvincePage).GetProperty("origin").GetString());
        foreach (var secret in new[] { AnPageToken, AnAppSecret, BinhOaApp.AppSecret, BinhOaApp.OaSecretKey, _world.Messenger.Options.AppSecret })
        {
            Assert.DoesNotContain(secret, raw, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        }

        Assert.StartsWith("dp1:", refresh, StringComparison.Ordinal);
        Assert.All(stored.Split('|'), s => Assert.StartsWith("dp1:", s, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BadInput_EachRefusedWithItsField_NothingStored()
    {
        using var admin = await _world.SignInAsync("quantri.tinh");
        using var communeAdmin = await _world.SignInAsync("quantri.xa-an");
        using var editor = await _world.SignInAsync("bientap.tinh");
        using var otherAdmin = await _world.SignInAsync("quantri.khac");
        var page = await _world.AddAnPageAsync(admin);
        object Page(string accountId, long unitId, string? token) =>
            new { channel = "messenger", accountId, unitId, appSecret = "mot-app-secret", accessToken = token };

        var duplicate = await admin.PostAsync("/staff/api/channel-accounts", Page(AnPage, _world.Binh.Id, "token-moi"), Ct);
        var outside = await admin.PostAsync("/staff/api/channel-accounts", Page("300000000000001", _world.Other.Id, "token-moi"), Ct);
        var empty = await admin.PostAsync("/staff/api/channel-accounts", Page("300000000000002", _world.An.Id, ""), Ct);
        var tooLong = await admin.PostAsync("/staff/api/channel-accounts", Page("300000000000003", _world.An.Id, new string('x', 500)), Ct);
        var notDigits = await admin.PostAsync("/staff/api/channel-accounts", Page("trang-xa-an", _world.An.Id, "token-moi"), Ct);
        var byEditor = await editor.PostAsync("/staff/api/channel-accounts", Page("300000000000004", _world.An.Id, "token-moi"), Ct);
        var moveOutside = await admin.PutAsync($"/staff/api/channel-accounts/{page}", new { unitId = _world.Other.Id }, Ct);
        var longOnChange = await admin.PutAsync($"/staff/api/channel-accounts/{page}", new { accessToken = new string('y', 500) }, Ct);
        var otherSees = await otherAdmin.GetAsync($"/staff/api/channel-accounts/{page}", Ct);
        var communeSeesOwn = await communeAdmin.GetAsync($"/staff/api/channel-accounts/{page}", Ct);
        var (_, communeList) = await communeAdmin.GetAsync("/staff/api/channel-accounts", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, duplicate.Status);
        Assert.Contains("đã có", duplicate.Body.GetProperty("errors").GetProperty("accountId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, outside.Status);
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains("bắt buộc", empty.Body.GetProperty("errors").GetProperty("accessToken")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Contains("500 ký tự", tooLong.Body.GetProperty("errors").GetProperty("accessToken")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notDigits.Status);
        Assert.True(notDigits.Body.GetProperty("errors").TryGetProperty("accountId", out _));
        Assert.Equal(HttpStatusCode.Forbidden, byEditor.Status);
        Assert.Equal(HttpStatusCode.NotFound, moveOutside.Status);
        Assert.Equal(HttpStatusCode.BadRequest, longOnChange.Status);
        Assert.Equal(HttpStatusCode.NotFound, otherSees.Status);
        Assert.Equal(HttpStatusCode.OK, communeSeesOwn.Status);
        Assert.Equal([AnPage], communeList.EnumerateArray().Select(a => a.GetProperty("accountId").GetString()).ToArray());
        Assert.Equal(3, await _world.ScalarAsync<long>("SELECT count(*) FROM channel_accounts"));
        Assert.Equal(_world.An.Id, await _world.ScalarAsync<long>("SELECT org_unit_id FROM channel_accounts WHERE account_id = @AnPage", new { AnPage }));
        Assert.Equal(1, await _world.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action LIKE 'channel_account.%'"));
    }
}
