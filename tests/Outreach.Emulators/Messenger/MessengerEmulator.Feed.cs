using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Outreach.Emulators.Messenger;

/// <summary>
/// Page feed posts (PLATFORM-MESSENGER.md §4.1): <c>POST /{version}/{page-id}/feed</c> with <c>message</c> and/or <c>link</c>
/// (form fields or JSON) answers <c>{"id":"{page-id}_{post-id}"}</c>; <c>GET /{version}/{page-id}/feed</c> lists the Page's
/// posts, newest first (<c>since</c> in UNIX seconds). Checked as Graph does: the Page token of that Page (expired: 190/463),
/// appsecret_proof, the token's <c>pages_manage_posts</c> permission ((#200) without it), the Page's request limit ((#32)),
/// content present. A published post has insights at once (zeros until a test sets them with <see cref="PublishPost"/>).
/// </summary>
public sealed partial class MessengerEmulator
{
    /// <summary>The permission a Page token needs to publish (with pages_read_engagement).</summary>
    public const string ManagePostsPermission = "pages_manage_posts";

    private readonly ConcurrentDictionary<string, bool> _withoutManagePosts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FeedPost> _feed = new();
    private int _loseFeedAnswers;
    private long _nextPostId = 1_000_000_000_000_001;

    /// <summary>A post on a Page's feed, as the emulator keeps it (a photo post with its image's bytes and type).</summary>
    public sealed record FeedPost(string Id, string PageId, string? Message, string? Link, DateTimeOffset CreatedTime, byte[]? Photo = null, string? PhotoType = null);

    /// <summary>The largest photo Graph takes (its guidance: under 4 MB).</summary>
    public int MaxPhotoBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Every post published on the feeds, in order.</summary>
    public IReadOnlyList<FeedPost> FeedPosts => _feed.ToArray();

    /// <summary>The Page's token loses <c>pages_manage_posts</c> (its admin did not grant it): publishing gets (#200).</summary>
    public void RevokeManagePosts(string? pageId = null) => _withoutManagePosts[pageId ?? PageId] = true;

    /// <summary>The next feed post is published, but its answer never arrives (the connection drops): a client sees no id.</summary>
    public void LoseNextFeedAnswer() => Interlocked.Increment(ref _loseFeedAnswers);

    /// <summary>Waits until <paramref name="count"/> posts are on the feeds (already published ones count).</summary>
    public async Task<IReadOnlyList<FeedPost>> WaitForFeedPostsAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // A POST is recorded after its handler ran, so once the count is reached the latest feed POST matches.
        await WaitForRequestAsync(r => r.Method == "POST" && (r.Path.EndsWith("/feed", StringComparison.Ordinal) || r.Path.EndsWith("/photos", StringComparison.Ordinal)) && _feed.Count >= count, timeout, cancellationToken);
        return FeedPosts;
    }

    private async Task<IResult> HandleFeedPostAsync(HttpContext context, string version, string node)
    {
        if (PageCallProblem(context, version, node) is { } problem)
        {
            return problem;
        }

        if (_withoutManagePosts.ContainsKey(node))
        {
            return Error(MessengerGraphErrors.Body(
                "(#200) If posting to a page, requires both pages_read_engagement and pages_manage_posts permission with page token",
                "OAuthException", 200, null), StatusCodes.Status403Forbidden);
        }

        if (_throttledUntil.TryGetValue(node, out var throttle) && throttle.Until > Options.Clock.GetUtcNow())
        {
            var left = throttle.Until - Options.Clock.GetUtcNow();
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(left.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Error(MessengerGraphErrors.Body("(#32) Page request limit reached", "OAuthException", 32, null));
        }

        var (message, link) = await ReadPostFieldsAsync(context.Request);
        if (string.IsNullOrWhiteSpace(message) && string.IsNullOrWhiteSpace(link))
        {
            return Error(MessengerGraphErrors.InvalidParameter("The post must have a message or a link"));
        }

        if (link is { Length: > 0 } && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            return Error(MessengerGraphErrors.InvalidParameter("Error Posting Link", 1609005));
        }

        var id = $"{node}_{Interlocked.Increment(ref _nextPostId)}";
        _feed.Enqueue(new FeedPost(id, node, message, link, Options.Clock.GetUtcNow()));
        _postMetrics.TryAdd(id, new JsonObject());
        if (Interlocked.Decrement(ref _loseFeedAnswers) >= 0)
        {
            context.Abort();
            return Results.Empty;
        }

        Interlocked.Exchange(ref _loseFeedAnswers, 0);
        return Results.Text(MetaJson.Write(new JsonObject { ["id"] = id }), "application/json; charset=UTF-8");
    }

    // POST /{page-id}/photos (multipart): "source" must be a JPEG, PNG or GIF by its bytes, under the size limit; "message" is the caption.
    private async Task<IResult> HandlePhotoPostAsync(HttpContext context, string version, string node)
    {
        if (PageCallProblem(context, version, node) is { } problem)
        {
            return problem;
        }

        if (_withoutManagePosts.ContainsKey(node))
        {
            return Error(MessengerGraphErrors.Body(
                "(#200) If posting to a page, requires both pages_read_engagement and pages_manage_posts permission with page token",
                "OAuthException", 200, null), StatusCodes.Status403Forbidden);
        }

        if (!context.Request.HasFormContentType)
        {
            return Error(InvalidImage());
        }

        var form = await context.Request.ReadFormAsync();
        if (form.Files.GetFile("source") is not { } source)
        {
            return Error(InvalidImage());
        }

        using var buffer = new MemoryStream();
        await source.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        var type = PhotoType(bytes);
        if (type is null || bytes.Length > MaxPhotoBytes)
        {
            return Error(InvalidImage());
        }

        var postId = $"{node}_{Interlocked.Increment(ref _nextPostId)}";
        var photoId = Interlocked.Increment(ref _nextPostId).ToString(CultureInfo.InvariantCulture);
        _feed.Enqueue(new FeedPost(postId, node, form["message"].FirstOrDefault(), null, Options.Clock.GetUtcNow(), bytes, type));
        _postMetrics.TryAdd(postId, new JsonObject());
        if (Interlocked.Decrement(ref _loseFeedAnswers) >= 0)
        {
            context.Abort();
            return Results.Empty;
        }

        Interlocked.Exchange(ref _loseFeedAnswers, 0);
        return Results.Text(MetaJson.Write(new JsonObject { ["id"] = photoId, ["post_id"] = postId }), "application/json; charset=UTF-8");
    }

    // Graph's answer to a photo it cannot read (code 324, "Requires upload file").
    private static string InvalidImage() =>
        MessengerGraphErrors.Body("(#324) Missing or invalid image file", "OAuthException", 324, null);

    // The image type by its first bytes (the magic numbers), as Graph decides it, never by a name.
    private static string? PhotoType(byte[] bytes) =>
        bytes is [0xFF, 0xD8, 0xFF, ..] ? "image/jpeg"
        : bytes is [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] ? "image/png"
        : bytes is [0x47, 0x49, 0x46, 0x38, ..] ? "image/gif"
        : null;

    private IResult HandleFeedList(HttpContext context, string version, string node)
    {
        if (PageCallProblem(context, version, node) is { } problem)
        {
            return problem;
        }

        var since = long.TryParse(context.Request.Query["since"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
            ? DateTimeOffset.FromUnixTimeSeconds(s)
            : DateTimeOffset.MinValue;
        var data = new JsonArray();
        foreach (var post in _feed.Where(p => p.PageId == node && p.CreatedTime >= since).Reverse())
        {
            var item = new JsonObject { ["id"] = post.Id, ["created_time"] = post.CreatedTime.ToString("yyyy-MM-dd'T'HH:mm:ss+0000", CultureInfo.InvariantCulture) };
            if (post.Message is not null)
            {
                item["message"] = post.Message;
            }

            data.Add(item);
        }

        return Results.Text(MetaJson.Write(new JsonObject { ["data"] = data }), "application/json; charset=UTF-8");
    }

    // The checks every Page call gets (GraphCallerProblem), and that the token is that very Page's.
    private IResult? PageCallProblem(HttpContext context, string version, string node)
    {
        if (GraphCallerProblem(context.Request, version, out var page) is { } problem)
        {
            return problem;
        }

        return page == node ? null : Error(MessengerGraphErrors.Body("(#200) Permissions error", "OAuthException", 200, null), StatusCodes.Status403Forbidden);
    }

    private static async Task<(string? Message, string? Link)> ReadPostFieldsAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            return (form["message"].FirstOrDefault(), form["link"].FirstOrDefault());
        }

        try
        {
            var body = await JsonNode.ParseAsync(request.Body);
            return (body?["message"]?.GetValue<string>(), body?["link"]?.GetValue<string>());
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            return (request.Query["message"].FirstOrDefault(), request.Query["link"].FirstOrDefault());
        }
    }
}
