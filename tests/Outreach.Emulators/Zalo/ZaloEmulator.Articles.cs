using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Outreach.Emulators.Zalo;

/// <summary>
/// The OA's articles with their reach, <c>GET /v2.0/article/getslice?offset=&amp;limit=&amp;type=normal|video</c>
/// (PLATFORM-ZALO.md §4.1): plain query parameters, the access_token header, at most 10 per page, newest first, each item with
/// <c>total_view</c> and <c>total_share</c>, in Zalo's <c>{"data":{"medias":[…],"total":N},"error":0}</c> envelope.
/// </summary>
public sealed partial class ZaloEmulator
{
    public const string ArticlesPath = "/v2.0/article/getslice";
    private const int MaxSlice = 10;

    private readonly ConcurrentDictionary<string, Article> _articles = new(StringComparer.Ordinal);

    /// <summary>Publishes (or updates the figures of) a normal article.</summary>
    public void PublishArticle(string id, string title, long views, long shares) =>
        _articles.AddOrUpdate(
            id,
            _ => new Article(id, title, views, shares, Clock.GetUtcNow().ToUnixTimeMilliseconds(), _articles.Count),
            (_, old) => old with { Title = title, Views = views, Shares = shares });

    /// <summary>Article-list requests received, in order.</summary>
    public IReadOnlyList<Common.RecordedRequest> ArticleRequests => Received.Where(r => r.Path == ArticlesPath).ToList();

    private IResult ArticleSlice(HttpContext context)
    {
        if (CheckAccessToken(context.Request.Headers["access_token"].ToString()) is { } tokenError)
        {
            return Error(tokenError);
        }

        if (!TakeCallPermit(Oa(OaOfToken(context.Request.Headers["access_token"].ToString())).AppId, out _))
        {
            return Error(-32);
        }

        SettleArticles();
        var query = context.Request.Query;
        if (!int.TryParse(query["offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            || !int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit is < 1 or > MaxSlice)
        {
            return Error(-210);
        }

        if (query["type"].ToString() is not ("normal" or "video"))
        {
            return Error(-201, "type is invalid!");
        }

        var all = query["type"] == "video" ? [] : _articles.Values.OrderByDescending(a => a.Order).ToList();
        var medias = new JsonArray();
        foreach (var a in all.Skip(offset).Take(limit))
        {
            medias.Add(new JsonObject
            {
                ["id"] = a.Id,
                ["type"] = "normal",
                ["title"] = a.Title,
                ["status"] = "show",
                // Zalo sends counts as strings on some accounts and numbers on others: strings here, the harder case.
                ["total_view"] = a.Views.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["total_share"] = a.Shares,
                ["create_date"] = a.CreatedMs,
                ["update_date"] = a.CreatedMs,
                ["thumb"] = "https://stc-developers.zdn.vn/images/bg_1.jpg",
                ["link_view"] = "https://zalo.me/article/" + a.Id,
            });
        }

        var body = new JsonObject
        {
            ["data"] = new JsonObject { ["medias"] = medias, ["total"] = all.Count },
            ["error"] = 0,
            ["message"] = "Success",
        };
        return Results.Text(body.ToJsonString(), "application/json; charset=utf-8");
    }

    private sealed record Article(string Id, string Title, long Views, long Shares, long CreatedMs, int Order);
}
