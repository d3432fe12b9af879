using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Outreach.Emulators.Messenger;

namespace Outreach.Emulators.Tests.Messenger;

/// <summary>The User Profile API as PLATFORM-MESSENGER.md §3.3 and sample R6 describe it, with Graph's refusals.</summary>
public sealed class MessengerEmulatorProfileTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Profile_AsksForFields_AnswersR6sShapeWithTheFieldsAsked()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fb = await MessengerEmulator.StartAsync(cancellationToken: ct);
        fb.SetProfile("1254477777772919", "Peter", "Chang");

        var (status, body) = await GetAsync(fb, "v25.0/1254477777772919?fields=first_name,last_name,profile_pic", ct);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("Peter", "Chang"), (body.GetProperty("first_name").GetString(), body.GetProperty("last_name").GetString()));
        Assert.StartsWith("https://", body.GetProperty("profile_pic").GetString(), StringComparison.Ordinal);
        Assert.False(body.TryGetProperty("gender", out _));
    }

    [Fact]
    public async Task Profile_Refusals_AreGraphsCodesAndSubcodes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fb = await MessengerEmulator.StartAsync(cancellationToken: ct);
        fb.SetProfile("2001", "Lan", "Nguyễn");
        fb.UserInteracted("2002");

        var noProfile = await GetAsync(fb, "v25.0/2002?fields=first_name,last_name", ct);
        var unknown = await GetAsync(fb, "v25.0/2003?fields=first_name", ct);
        var badField = await GetAsync(fb, "v25.0/2001?fields=first_name,email", ct);
        var badToken = await GetAsync(fb, "v25.0/2001?fields=first_name", ct, token: "sai");
        fb.ProfileAccessDenied = true;
        var denied = await GetAsync(fb, "v25.0/2001?fields=first_name,last_name", ct);

        Assert.Equal((HttpStatusCode.BadRequest, 100, 2018218), Codes(noProfile));
        Assert.Equal((HttpStatusCode.BadRequest, 100, 33), Codes(unknown));
        Assert.Equal((HttpStatusCode.BadRequest, 100, 0), Codes(badField));
        Assert.Equal((HttpStatusCode.BadRequest, 190, 0), Codes(badToken));
        Assert.Equal((HttpStatusCode.BadRequest, 100, 2018247), Codes(denied));
        Assert.Equal("(#100) Insufficient permission to access user profile.", denied.Body.GetProperty("error").GetProperty("message").GetString());
    }

    private static (HttpStatusCode, int, int) Codes((HttpStatusCode Status, JsonElement Body) answer)
    {
        var error = answer.Body.GetProperty("error");
        return (answer.Status, error.GetProperty("code").GetInt32(), error.TryGetProperty("error_subcode", out var sub) ? sub.GetInt32() : 0);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(
        MessengerEmulator fb, string path, CancellationToken ct, string token = MessengerEmulatorOptions.DefaultPageToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fb.BaseAddress, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request, ct);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.Clone());
    }
}
