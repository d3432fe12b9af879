using System.Net;
using System.Text.Json;
using Outreach.Emulators.Zalo;

namespace Outreach.Emulators.Tests.Zalo;

/// <summary>The follower's detail (PLATFORM-ZALO.md §4.3, sample P5): Zalo's envelope, errors with HTTP 200.</summary>
public sealed class ZaloEmulatorProfileTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task UserDetail_Follower_P5sEnvelopeWithDisplayName()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        zalo.SetProfile("4572947693969771653", "Trần Thị Mai");

        var (status, body) = await GetAsync(zalo, """{"user_id":"4572947693969771653"}""", zalo.IssueAccessToken(), ct);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((0, "Success"), (body.GetProperty("error").GetInt32(), body.GetProperty("message").GetString()));
        var data = body.GetProperty("data");
        Assert.Equal("4572947693969771653", data.GetProperty("user_id").GetString());
        Assert.Equal("Trần Thị Mai", data.GetProperty("display_name").GetString());
        Assert.True(data.GetProperty("user_is_follower").GetBoolean());
        Assert.Matches(@"^\d{2}/\d{2}/\d{4}$", data.GetProperty("user_last_interaction_date").GetString());
        Assert.Equal(JsonValueKind.Object, data.GetProperty("avatars").ValueKind);
    }

    [Fact]
    public async Task UserDetail_Refusals_ComeWithHttp200()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        zalo.SetProfile("u-1", "Mai");
        var token = zalo.IssueAccessToken();

        var stranger = await GetAsync(zalo, """{"user_id":"u-2"}""", token, ct);
        var noUser = await GetAsync(zalo, """{"offset":0}""", token, ct);
        var badToken = await GetAsync(zalo, """{"user_id":"u-1"}""", "sai", ct);
        zalo.Unfollow("u-1");
        var unfollowed = await GetAsync(zalo, """{"user_id":"u-1"}""", token, ct);

        Assert.Equal((HttpStatusCode.OK, -213), (stranger.Status, stranger.Body.GetProperty("error").GetInt32()));
        Assert.Equal("User has not followed OA", stranger.Body.GetProperty("message").GetString());
        Assert.Equal(-201, noUser.Body.GetProperty("error").GetInt32());
        Assert.Equal(-216, badToken.Body.GetProperty("error").GetInt32());
        Assert.Equal(-213, unfollowed.Body.GetProperty("error").GetInt32());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(ZaloEmulator zalo, string data, string token, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(zalo.BaseAddress, "v3.0/oa/user/detail?data=" + Uri.EscapeDataString(data)));
        request.Headers.Add("access_token", token);
        using var response = await Http.SendAsync(request, ct);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.Clone());
    }
}
