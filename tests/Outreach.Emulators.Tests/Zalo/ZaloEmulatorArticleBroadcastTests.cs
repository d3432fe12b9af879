using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Outreach.Emulators.Zalo;

namespace Outreach.Emulators.Tests.Zalo;

/// <summary>
/// Article create, verify and broadcast (PLATFORM-ZALO.md §4.1–4.2) as the emulator answers them: a token, -214 while
/// moderated, then the id or -248 with the reason; broadcasts only with a target of string codes, at most the day's quota.
/// The cover is downloaded from a real loopback server, as Zalo downloads it.
/// </summary>
public sealed class ZaloEmulatorArticleBroadcastTests : IAsyncLifetime
{
    private static readonly HttpClient Http = new();
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46];
    private WebApplication _images = null!;
    private string _coverUrl = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _images = builder.Build();
        _images.MapGet("/cover.jpg", () => Results.Bytes(Jpeg, "image/jpeg"));
        _images.MapGet("/not-image", () => Results.Text("<html></html>", "text/html"));
        await _images.StartAsync(TestContext.Current.CancellationToken);
        _coverUrl = _images.Urls.First().TrimEnd('/') + "/cover.jpg";
    }

    public async ValueTask DisposeAsync() => await _images.DisposeAsync();

    [Fact]
    public async Task Create_ThenVerifyWaitsForModeration_ThenBroadcastOnceADay()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        zalo.ModerationTime = TimeSpan.FromMinutes(30);
        var token = zalo.IssueAccessToken();

        var created = await PostAsync(zalo, ZaloEmulator.ArticleCreatePath, Article(_coverUrl), token, ct);
        Assert.Equal(0, created.GetProperty("error").GetInt32());
        var articleToken = created.GetProperty("data").GetProperty("token").GetString()!;

        var waiting = await PostAsync(zalo, ZaloEmulator.ArticleVerifyPath, new JsonObject { ["token"] = articleToken }, token, ct);
        Assert.Equal(-214, waiting.GetProperty("error").GetInt32());

        zalo.Clock.Advance(TimeSpan.FromMinutes(31));
        var verified = await PostAsync(zalo, ZaloEmulator.ArticleVerifyPath, new JsonObject { ["token"] = articleToken }, zalo.IssueAccessToken(), ct);
        var id = verified.GetProperty("data").GetProperty("id").GetString()!;
        token = zalo.IssueAccessToken();

        var sent = await PostAsync(zalo, ZaloEmulator.BroadcastPath, Broadcast(id, new JsonObject { ["gender"] = "2", ["cities"] = "0,4" }), token, ct);
        Assert.Equal(0, sent.GetProperty("error").GetInt32());
        Assert.Equal("0,4", Assert.Single(zalo.Broadcasts).Target["cities"]);

        var again = await PostAsync(zalo, ZaloEmulator.BroadcastPath, Broadcast(id, new JsonObject()), token, ct);
        Assert.Equal(-211, again.GetProperty("error").GetInt32());
        Assert.Single(zalo.Broadcasts);
    }

    [Fact]
    public async Task Moderation_RefusesWithTheReason()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        zalo.ModerationTime = TimeSpan.Zero;
        zalo.RejectNextArticle("misleading health claim");
        var token = zalo.IssueAccessToken();
        var created = await PostAsync(zalo, ZaloEmulator.ArticleCreatePath, Article(_coverUrl), token, ct);

        var refused = await PostAsync(zalo, ZaloEmulator.ArticleVerifyPath,
            new JsonObject { ["token"] = created.GetProperty("data").GetProperty("token").GetString() }, token, ct);

        Assert.Equal(-248, refused.GetProperty("error").GetInt32());
        Assert.Contains("misleading health claim", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadRequests_GetZalosErrorsWithHttp200()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        var token = zalo.IssueAccessToken();
        var notAnImage = _images.Urls.First().TrimEnd('/') + "/not-image";
        var longTitle = Article(_coverUrl);
        longTitle["title"] = new string('x', 151);

        Assert.Equal(-201, (await PostAsync(zalo, ZaloEmulator.ArticleCreatePath, Article(notAnImage), token, ct)).GetProperty("error").GetInt32());
        Assert.Equal(-201, (await PostAsync(zalo, ZaloEmulator.ArticleCreatePath, longTitle, token, ct)).GetProperty("error").GetInt32());
        Assert.Equal(-240, (await PostAsync(zalo, ZaloEmulator.BroadcastPath, new JsonObject { ["recipient"] = new JsonObject { ["user_id"] = "1" } }, token, ct)).GetProperty("error").GetInt32());
        var numericTarget = Broadcast("a1", new JsonObject { ["gender"] = 2 });
        Assert.Equal(-201, (await PostAsync(zalo, ZaloEmulator.BroadcastPath, numericTarget, token, ct)).GetProperty("error").GetInt32());
        Assert.Equal(-216, (await PostAsync(zalo, ZaloEmulator.ArticleCreatePath, Article(_coverUrl), "", ct)).GetProperty("error").GetInt32());

        zalo.RefuseArticleApi(-224);
        Assert.Equal(-224, (await PostAsync(zalo, ZaloEmulator.ArticleCreatePath, Article(_coverUrl), token, ct)).GetProperty("error").GetInt32());
        Assert.Empty(zalo.CreatedArticles);
    }

    private static JsonObject Article(string cover) => new()
    {
        ["type"] = "normal",
        ["title"] = "Khám sàng lọc",
        ["author"] = "Hội LHPN tỉnh",
        ["cover"] = new JsonObject { ["cover_type"] = "photo", ["photo_url"] = cover, ["status"] = "show" },
        ["description"] = "Miễn phí",
        ["body"] = new JsonArray { new JsonObject { ["type"] = "text", ["content"] = "Nội dung" } },
        ["status"] = "show",
    };

    private static JsonObject Broadcast(string articleId, JsonObject target) => new()
    {
        ["recipient"] = new JsonObject { ["target"] = target },
        ["message"] = new JsonObject
        {
            ["attachment"] = new JsonObject
            {
                ["type"] = "template",
                ["payload"] = new JsonObject
                {
                    ["template_type"] = "media",
                    ["elements"] = new JsonArray { new JsonObject { ["media_type"] = "article", ["attachment_id"] = articleId } },
                },
            },
        },
    };

    private static async Task<JsonElement> PostAsync(ZaloEmulator zalo, string path, JsonObject body, string token, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(zalo.BaseAddress, path.TrimStart('/')))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("access_token", token);
        using var response = await Http.SendAsync(request, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.Clone();
    }
}
