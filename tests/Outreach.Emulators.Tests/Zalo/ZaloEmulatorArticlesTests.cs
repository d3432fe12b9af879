using System.Text.Json;
using Outreach.Emulators.Zalo;

namespace Outreach.Emulators.Tests.Zalo;

/// <summary>The article list with reach figures (PLATFORM-ZALO.md §4.1: getslice, at most 10 a page, total_view/total_share).</summary>
public sealed class ZaloEmulatorArticlesTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task GetSlice_PagesOfTen_NewestFirst_WithViewsAndShares()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        for (var i = 0; i < 12; i++)
        {
            zalo.PublishArticle($"a{i}", $"Bài {i}", 100 + i, i);
        }

        var token = zalo.IssueAccessToken();
        var first = await GetAsync(zalo, "offset=0&limit=10&type=normal", token, ct);
        var second = await GetAsync(zalo, "offset=10&limit=10&type=normal", token, ct);

        Assert.Equal(0, first.GetProperty("error").GetInt32());
        Assert.Equal(12, first.GetProperty("data").GetProperty("total").GetInt32());
        var medias = first.GetProperty("data").GetProperty("medias");
        Assert.Equal(10, medias.GetArrayLength());
        Assert.Equal(("a11", 111, 11), (medias[0].GetProperty("id").GetString(), int.Parse(medias[0].GetProperty("total_view").GetString()!, System.Globalization.CultureInfo.InvariantCulture), medias[0].GetProperty("total_share").GetInt32()));
        Assert.Equal(["a1", "a0"], second.GetProperty("data").GetProperty("medias").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("offset=0&limit=11&type=normal", -210)]
    [InlineData("offset=0&limit=10&type=khac", -201)]
    [InlineData("limit=10&type=normal", -210)]
    public async Task GetSlice_BadParameters_ZaloErrorWithHttp200(string query, int code)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);

        var body = await GetAsync(zalo, query, zalo.IssueAccessToken(), ct);

        Assert.Equal(code, body.GetProperty("error").GetInt32());
    }

    [Fact]
    public async Task GetSlice_WithoutAToken_Minus216()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);

        var body = await GetAsync(zalo, "offset=0&limit=10&type=normal", "", ct);

        Assert.Equal(-216, body.GetProperty("error").GetInt32());
    }

    private static async Task<JsonElement> GetAsync(ZaloEmulator zalo, string query, string token, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(zalo.BaseAddress, ZaloEmulator.ArticlesPath.TrimStart('/') + "?" + query));
        if (token.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("access_token", token);
        }

        using var response = await Http.SendAsync(request, ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.Clone();
    }
}
