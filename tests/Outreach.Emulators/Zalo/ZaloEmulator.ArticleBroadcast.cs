using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Outreach.Emulators.Zalo;

/// <summary>
/// Articles made through the API and their broadcast (PLATFORM-ZALO.md §4.1–4.2), no kinder than Zalo:
/// <c>POST /v2.0/article/create</c> checks the fields (title ≤ 150, author ≤ 50, description ≤ 300, a photo cover whose URL
/// it downloads and must be an image, a body) and answers only a token; <c>POST /v2.0/article/verify</c> answers -214 while
/// the article is processed and moderated (<see cref="ModerationTime"/> on the emulator's clock), then the article id, or
/// -248 with the moderator's reason; <c>GET /v2.0/article/getdetail?id=</c>; <c>POST /v2.0/oa/message</c> with
/// <c>recipient.target</c> and a media template of articles broadcasts to the followers the target matches, at most
/// <see cref="BroadcastsPerDay"/> a day (then -211). Every call checks the <c>access_token</c> header first (-216, -220); an OA
/// whose package or authorisation lacks the API answers <see cref="RefuseArticleApi"/>'s code to create and broadcast alike.
/// </summary>
public sealed partial class ZaloEmulator
{
    public const string ArticleCreatePath = "/v2.0/article/create";
    public const string ArticleVerifyPath = "/v2.0/article/verify";
    public const string ArticleDetailPath = "/v2.0/article/getdetail";
    public const string BroadcastPath = "/v2.0/oa/message";

    private readonly ConcurrentDictionary<string, ArticleDraft> _drafts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ZaloBroadcast> _broadcasts = new();
    private readonly ConcurrentQueue<string> _rejections = new();
    private readonly Lock _broadcastLock = new();
    private volatile int _articleApiRefusal;

    /// <summary>How long Zalo processes and moderates a new article before verify gives its id (the emulator's clock).</summary>
    public TimeSpan ModerationTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Broadcasts an OA may send in one Vietnamese day before -211 (1 in PLATFORM-ZALO.md §4.2).</summary>
    public int BroadcastsPerDay { get; set; } = 1;

    /// <summary>Articles created (accepted or not yet verified), in order.</summary>
    public IReadOnlyList<ZaloArticleDraft> CreatedArticles =>
        _drafts.Values.OrderBy(d => d.Order).Select(d => new ZaloArticleDraft(d.Token, d.Id, d.Title, d.Author, d.Description, d.CoverUrl, d.Body, d.Rejection)).ToList();

    /// <summary>Broadcasts accepted, in order.</summary>
    public IReadOnlyList<ZaloBroadcast> Broadcasts => _broadcasts.ToArray();

    /// <summary>The next article created is refused by moderation with <paramref name="reason"/> (verify answers -248).</summary>
    public void RejectNextArticle(string reason) => _rejections.Enqueue(reason);

    /// <summary>Create and broadcast answer <paramref name="code"/> until <see cref="AllowArticleApi"/>: -224 (package tier), -223 (not authorised).</summary>
    public void RefuseArticleApi(int code) => _articleApiRefusal = code;

    public void AllowArticleApi() => _articleApiRefusal = 0;

    /// <summary>
    /// The next request to <paramref name="path"/> is carried out (the article made, the broadcast sent) but its answer is lost:
    /// the connection closes before Zalo's reply, as when a gateway or the network drops it.
    /// </summary>
    public void LoseNextAnswer(string path) => _lostAnswers.AddOrUpdate(path, 1, (_, n) => n + 1);

    private readonly ConcurrentDictionary<string, int> _lostAnswers = new(StringComparer.Ordinal);

    private IResult Answer(HttpContext context, string path, IResult result)
    {
        if (_lostAnswers.TryGetValue(path, out var n) && n > 0 && _lostAnswers.TryUpdate(path, n - 1, n))
        {
            context.Abort();
            return Results.Empty;
        }

        return result;
    }

    /// <summary>The OA's admin withdrew consent: every token (access and refresh) is dead; a new consent is needed.</summary>
    public void RevokeConsent()
    {
        ExpireAccessTokens();
        foreach (var token in _refreshTokens.Keys)
        {
            _refreshTokens[token] = true;
        }
    }

    private void MapArticleBroadcast(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        app.MapPost(ArticleCreatePath, (Delegate)CreateArticleAsync);
        app.MapPost(ArticleVerifyPath, (Delegate)VerifyArticleAsync);
        app.MapGet(ArticleDetailPath, (Delegate)ArticleDetail);
        app.MapPost(BroadcastPath, (Delegate)BroadcastAsync);
    }

    private async Task<IResult> CreateArticleAsync(HttpContext context)
    {
        if (Gate(context) is { } refused)
        {
            return refused;
        }

        if (_articleApiRefusal is var refusal and not 0)
        {
            return Error(refusal, refusal == -223 ? "Official Account has not authorized this API" : "The OA needs to upgrade OA Tier Package");
        }

        var body = await ReadJsonAsync(context);
        if (body is null)
        {
            return Error(-201, "body is invalid!");
        }

        if ((string?)body["type"] is not "normal")
        {
            return Error(-201, "type accept only 2 value normal and video.");
        }

        var title = Text(body, "title");
        var author = Text(body, "author");
        var description = Text(body, "description");
        if (title is not { Length: > 0 and <= 150 })
        {
            return Error(-201, "title is invalid!");
        }

        if (author is not { Length: > 0 and <= 50 })
        {
            return Error(-201, "author is invalid!");
        }

        if (description is { Length: > 300 })
        {
            return Error(-201, "description is invalid!");
        }

        var cover = body["cover"] as JsonObject;
        var coverUrl = cover is null ? null : Text(cover, "photo_url");
        if (cover is null || (string?)cover["cover_type"] != "photo" || !await IsImageAsync(coverUrl, context.RequestAborted))
        {
            return Error(-201, "cover is invalid!");
        }

        if (body["body"] is not JsonArray { Count: > 0 } parts
            || parts.Any(p => p is not JsonObject o || (string?)o["type"] is not ("text" or "image") || ((string?)o["type"] == "text" && Text(o, "content") is not { Length: > 0 })))
        {
            return Error(-201, "body is invalid!");
        }

        var text = string.Join("\n", parts.OfType<JsonObject>().Where(o => (string?)o["type"] == "text").Select(o => (string?)o["content"]));
        var token = NewToken();
        _rejections.TryDequeue(out var rejection);
        _drafts[token] = new ArticleDraft(token, title, author, description, coverUrl!, text, Clock.GetUtcNow(), _drafts.Count, rejection);
        return Answer(context, ArticleCreatePath, Json(new JsonObject { ["token"] = token }));
    }

    private async Task<IResult> VerifyArticleAsync(HttpContext context)
    {
        if (Gate(context) is { } refused)
        {
            return refused;
        }

        var body = await ReadJsonAsync(context);
        if (body is null || Text(body, "token") is not { Length: > 0 } token || !_drafts.TryGetValue(token, out var draft))
        {
            return Error(-201, "token is invalid!");
        }

        if (Clock.GetUtcNow() < draft.CreatedAt + ModerationTime)
        {
            return Error(-214, "Article is being processed");
        }

        if (draft.Rejection is { } reason)
        {
            return Error(-248, $"Violates our platform standards: {reason}");
        }

        return Json(new JsonObject { ["id"] = Settle(draft) });
    }

    // Articles whose processing and moderation are over get their id and appear in the OA's list, verified or not.
    private void SettleArticles()
    {
        foreach (var draft in _drafts.Values.Where(d => d.Id is null && d.Rejection is null && Clock.GetUtcNow() >= d.CreatedAt + ModerationTime))
        {
            Settle(draft);
        }
    }

    private string Settle(ArticleDraft draft)
    {
        lock (_broadcastLock)
        {
            if (draft.Id is null)
            {
                draft.Id = "a" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
                PublishArticle(draft.Id, draft.Title, 0, 0);
            }

            return draft.Id;
        }
    }

    private IResult ArticleDetail(HttpContext context)
    {
        if (Gate(context) is { } refused)
        {
            return refused;
        }

        var id = context.Request.Query["id"].ToString();
        var draft = _drafts.Values.FirstOrDefault(d => d.Id == id);
        if (draft is null)
        {
            return Error(-201, "id is invalid!");
        }

        return Json(new JsonObject
        {
            ["id"] = draft.Id,
            ["type"] = "normal",
            ["title"] = draft.Title,
            ["author"] = draft.Author,
            ["description"] = draft.Description,
            ["status"] = "show",
            ["cover"] = new JsonObject { ["cover_type"] = "photo", ["photo_url"] = draft.CoverUrl, ["status"] = "show" },
            ["link_view"] = "https://zalo.me/article/" + draft.Id,
        });
    }

    private async Task<IResult> BroadcastAsync(HttpContext context)
    {
        if (Gate(context) is { } refused)
        {
            return refused;
        }

        if (_articleApiRefusal is var refusal and not 0)
        {
            return Error(refusal, refusal == -223 ? "Official Account has not authorized this API" : "The OA needs to upgrade OA Tier Package");
        }

        var body = await ReadJsonAsync(context);
        if (body?["recipient"]?["target"] is not JsonObject target)
        {
            // The v2 send to one user is gone: a body without a target is that API.
            return Error(-240);
        }

        foreach (var (key, value) in target)
        {
            if (key is not ("ages" or "gender" or "locations" or "cities" or "platform" or "telcos")
                || value?.GetValueKind() != JsonValueKind.String || !((string)value!).Split(',').All(c => int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                return Error(-201, $"{key} is invalid!");
            }
        }

        var payload = body["message"]?["attachment"]?["payload"];
        if ((string?)body["message"]?["attachment"]?["type"] != "template" || (string?)payload?["template_type"] != "media"
            || payload?["elements"] is not JsonArray { Count: >= 1 and <= 5 } elements)
        {
            return Error(-201, "message is invalid!");
        }

        var ids = new List<string>();
        foreach (var element in elements)
        {
            var id = element is JsonObject e && (string?)e["media_type"] == "article" ? (string?)e["attachment_id"] : null;
            if (id is null || !_drafts.Values.Any(d => d.Id == id))
            {
                return Error(-201, "attachment_id is invalid!");
            }

            ids.Add(id);
        }

        lock (_broadcastLock)
        {
            var today = Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).Date;
            if (_broadcasts.Count(b => b.At.ToOffset(TimeSpan.FromHours(7)).Date == today) >= BroadcastsPerDay)
            {
                return Error(-211);
            }

            var messageId = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(10)).ToLowerInvariant();
            var targets = target.ToDictionary(p => p.Key, p => (string)p.Value!, StringComparer.Ordinal);
            _broadcasts.Enqueue(new ZaloBroadcast(messageId, ids, targets, Clock.GetUtcNow()));
            return Answer(context, BroadcastPath, Json(new JsonObject { ["message_id"] = messageId }));
        }
    }

    // The access token, then the OA's call limit, as every OA API call.
    private IResult? Gate(HttpContext context)
    {
        if (CheckAccessToken(context.Request.Headers["access_token"].ToString()) is { } tokenError)
        {
            return Error(tokenError);
        }

        return TakeCallPermit(Oa(OaOfToken(context.Request.Headers["access_token"].ToString())).AppId, out _) ? null : Error(-32);
    }

    // Zalo downloads the cover: an unreachable URL or one that is not an image is refused.
    private static async Task<bool> IsImageAsync(string? url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return false;
        }

        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var bytes = await http.GetByteArrayAsync(uri, ct);
            return bytes is [0xFF, 0xD8, 0xFF, ..] || bytes is [0x89, 0x50, 0x4E, 0x47, ..];
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static async Task<JsonObject?> ReadJsonAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject o, string name) => o[name]?.GetValueKind() == JsonValueKind.String ? ((string?)o[name])?.Trim() : null;

    private static IResult Json(JsonObject data) =>
        Results.Text(new JsonObject { ["data"] = data, ["error"] = 0, ["message"] = "Success" }.ToJsonString(), "application/json; charset=utf-8");

    private sealed class ArticleDraft(
        string token, string title, string author, string? description, string coverUrl, string body, DateTimeOffset createdAt, int order, string? rejection)
    {
        public string Token { get; } = token;

        public string Title { get; } = title;

        public string Author { get; } = author;

        public string? Description { get; } = description;

        public string CoverUrl { get; } = coverUrl;

        public string Body { get; } = body;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public int Order { get; } = order;

        public string? Rejection { get; } = rejection;

        public string? Id { get; set; }
    }
}

/// <summary>An article created on the emulator: its token, its id once verified, what it holds, and a moderation refusal.</summary>
public sealed record ZaloArticleDraft(string Token, string? Id, string Title, string Author, string? Description, string CoverUrl, string Body, string? Rejection);

/// <summary>An accepted broadcast: its message id, the articles it carried, its target (key → comma-separated codes), when.</summary>
public sealed record ZaloBroadcast(string MessageId, IReadOnlyList<string> ArticleIds, IReadOnlyDictionary<string, string> Target, DateTimeOffset At);
