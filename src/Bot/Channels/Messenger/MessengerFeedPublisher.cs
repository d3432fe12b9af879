using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Accounts;
using Outreach.Bot.Channels.Messenger.Payloads;
using Outreach.Content.Posts;
using Outreach.Content.Stats;
using Outreach.Scheduler.Publishing;
using Outreach.Scheduler.Sending;
using static Outreach.Bot.Channels.Messenger.MessengerErrorCodes;

namespace Outreach.Bot.Channels.Messenger;

/// <summary>
/// Page feed posts (PLATFORM-MESSENGER.md §4.1): <c>POST {Graph}/{version}/{page-id}/feed</c> (form fields <c>message</c>,
/// <c>link</c>), answered <c>{"id":"{page-id}_{post-id}"}</c>, and <c>GET …/{page-id}/feed?fields=id,message,created_time&amp;since=</c>
/// to find a post whose answer was lost. The Page token goes in the Authorization header, appsecret_proof in the query. No
/// automatic retry here: a resent POST could publish twice, so retries belong to <see cref="PublishPostJob"/>, which checks
/// the feed first. Every Graph refusal becomes a Vietnamese reason staff can act on.
/// </summary>
public sealed class MessengerFeedPublisher(
    IHttpClientFactory httpClients, IChannelAccounts accounts, ChannelHealthReporter health, IOptions<MessengerOptions> messenger,
    IOptions<PublishingOptions> publishing)
    : IFeedPublisher
{
    public const string ClientName = "messenger-publishing";

    public string Destination => PostDestinations.FacebookFeed;

    public string Channel => MessengerChannel.Name;

    public string Platform => PostPlatforms.Facebook;

    public async Task<PublishResult> PublishAsync(string accountId, FeedPost post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        var account = await accounts.FindAsync(MessengerChannel.Name, accountId, cancellationToken);
        if (account?.AccessToken is not { Length: > 0 } token)
        {
            return new PublishResult(PublishOutcome.Refused, null, "unknown_page",
                $"Trang {accountId} không còn hoạt động hoặc chưa có access token: quản trị viên kiểm tra ở “Trang và OA”.");
        }

        using var request = post.Image is { } image ? PhotoRequest(accountId, post, image, token, account.AppSecret) : FeedRequest(accountId, post, token, account.AppSecret);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await Client().SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode && ReadId(body) is { } id)
            {
                await health.ReportAsync(Channel, accountId, SendResult.Sent(), cancellationToken);
                return PublishResult.Published(id);
            }

            var result = Classify(accountId, (int)response.StatusCode, MessengerErrorClassifier.ParseError(body), response.Headers);
            if (result.ErrorCode is { } refused && (refused == "190" || refused.StartsWith("190/", StringComparison.Ordinal)))
            {
                await health.ReportAsync(Channel, accountId, SendResult.Failed(SendOutcome.AuthFailed, result.ErrorCode, "feed: token refused"), cancellationToken);
            }

            return result;
        }
        catch (Exception ex) when (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return Unanswered("timeout");
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            // Nothing reached Graph: a plain retry is safe.
            return new PublishResult(PublishOutcome.Retry, null, "network", "Không kết nối được tới Facebook.");
        }
        catch (HttpRequestException)
        {
            return Unanswered("network");
        }
    }

    public async Task<LookupResult> FindAsync(string accountId, FeedPost post, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        var account = await accounts.FindAsync(MessengerChannel.Name, accountId, cancellationToken);
        if (account?.AccessToken is not { Length: > 0 } token)
        {
            return LookupResult.Unknown($"Trang {accountId} không còn hoạt động hoặc chưa có access token.");
        }

        var query = "fields=id,message,created_time&limit=100&since=" + since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Get, Uri(accountId, "feed", token, account.AppSecret, query));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await Client().SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return LookupResult.Unknown(Classify(accountId, (int)response.StatusCode, MessengerErrorClassifier.ParseError(body), response.Headers).Reason!);
            }

            using var document = JsonDocument.Parse(body);
            var wanted = Normalize(TextOnFeed(post));
            foreach (var item in document.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array ? data.EnumerateArray() : default)
            {
                if (item.TryGetProperty("message", out var message) && message.GetString() is { } text && Normalize(text) == wanted
                    && item.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } found)
                {
                    return LookupResult.Found(found);
                }
            }

            return LookupResult.NotFound;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return LookupResult.Unknown("Không đọc được bảng tin của Trang để kiểm tra.");
        }
    }

    /// <summary>A Graph refusal of a Page post → whether to retry, and the reason staff read (by code and subcode, never the localised message).</summary>
    public static PublishResult Classify(string pageId, int httpStatus, GraphError? error, HttpResponseHeaders? headers = null)
    {
        if (error is null)
        {
            return httpStatus is >= 500 or 408 or 429
                ? new PublishResult(PublishOutcome.Retry, null, $"http_{httpStatus}", $"Facebook tạm thời không phản hồi (HTTP {httpStatus}).")
                : new PublishResult(PublishOutcome.Refused, null, $"http_{httpStatus}", $"Facebook trả lời bất thường (HTTP {httpStatus}), bài chưa được đăng.");
        }

        var code = error.Subcode is { } sub ? $"{error.Code}/{sub}" : error.Code.ToString(CultureInfo.InvariantCulture);
        return error.Code switch
        {
            AccessTokenInvalid or 102 => new PublishResult(PublishOutcome.Refused, null, code,
                $"Token của Trang {pageId} đã hết hạn hoặc không còn hợp lệ (Facebook mã {code}): quản trị viên dán token mới ở “Trang và OA” rồi lên lịch lại bài."),
            PermissionDenied or Permission or 3 or PagesMessagingRequired => new PublishResult(PublishOutcome.Refused, null, code,
                $"Token của Trang {pageId} thiếu quyền đăng bài pages_manage_posts (Facebook mã {code}): cấp quyền này cho ứng dụng, tạo lại token Trang, dán ở “Trang và OA” rồi lên lịch lại bài."),
            AppRateLimit or UserRateLimit or PageRateLimit or CallRateLimit or PagesBucRateLimit or MessengerBucRateLimit =>
                new PublishResult(PublishOutcome.Retry, null, code, $"Facebook đang giới hạn số lần gọi của Trang (mã {code}).",
                    RetryAfter(headers)),
            ActionBlocked => new PublishResult(PublishOutcome.Refused, null, code,
                $"Facebook đang chặn Trang {pageId} đăng bài (mã {code}, thường do vi phạm tiêu chuẩn cộng đồng): kiểm tra Trang trong Meta Business Suite."),
            324 => new PublishResult(PublishOutcome.Refused, null, code,
                $"Facebook không nhận ảnh của bài (mã {code}): chọn ảnh JPEG hoặc PNG khác rồi sửa bài."),
            InvalidParameter when error.Subcode == 1609005 => new PublishResult(PublishOutcome.Refused, null, code,
                "Facebook không đọc được đường dẫn của bài (mã 100/1609005): kiểm tra đường dẫn rồi sửa bài."),
            InvalidParameter => new PublishResult(PublishOutcome.Refused, null, code, $"Facebook từ chối nội dung bài (mã {code}): kiểm tra nội dung và đường dẫn rồi sửa bài."),
            Unknown or ServiceUnavailable or TemporarySendFailure => new PublishResult(PublishOutcome.Retry, null, code, $"Facebook tạm thời lỗi (mã {code})."),
            _ when error.IsTransient == true => new PublishResult(PublishOutcome.Retry, null, code, $"Facebook tạm thời lỗi (mã {code})."),
            _ => new PublishResult(PublishOutcome.Refused, null, code, $"Facebook từ chối đăng bài (mã {code})."),
        };
    }

    private static PublishResult Unanswered(string code) => new(PublishOutcome.Unknown, null, code,
        "Facebook không trả lời kịp: chưa rõ bài đã lên Trang chưa. Hệ thống kiểm tra bảng tin của Trang trước khi đăng lại, nên bài không bị đăng hai lần.");

    private static TimeSpan? RetryAfter(HttpResponseHeaders? headers) =>
        headers?.RetryAfter?.Delta is { } delta ? delta
        : null;

    // A feed post carries its link as Graph's link; a photo post has no link field, so the link ends its caption.
    private static string TextOnFeed(FeedPost post) =>
        post.Image is not null && post.Link is { Length: > 0 } link ? $"{post.Message}\n\n{link}" : post.Message;

    private HttpRequestMessage FeedRequest(string pageId, FeedPost post, string token, string? appSecret)
    {
        var fields = new List<KeyValuePair<string, string>> { new("message", post.Message) };
        if (post.Link is { Length: > 0 } link)
        {
            fields.Add(new("link", link));
        }

        return new HttpRequestMessage(HttpMethod.Post, Uri(pageId, "feed", token, appSecret, null)) { Content = new FormUrlEncodedContent(fields) };
    }

    // POST /{page-id}/photos, multipart: the image as "source", the caption as "message", published at once.
    private HttpRequestMessage PhotoRequest(string pageId, FeedPost post, FeedImage image, string token, string? appSecret)
    {
        var form = new MultipartFormDataContent();
        form.Add(new StringContent(TextOnFeed(post)), "message");
        form.Add(new StringContent("true"), "published");
        var file = new ByteArrayContent(image.Bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(image.ContentType);
        form.Add(file, "source", image.ContentType == "image/png" ? "anh.png" : "anh.jpg");
        return new HttpRequestMessage(HttpMethod.Post, Uri(pageId, "photos", token, appSecret, null)) { Content = form };
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private static string? ReadId(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            // A photo post answers {"id": photo id, "post_id": "{page-id}_{post-id}"}: the post id is what insights read.
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return root.TryGetProperty("post_id", out var postId) && postId.ValueKind == JsonValueKind.String && postId.GetString() is { Length: > 0 } p ? p
                : root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } value ? value
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private HttpClient Client()
    {
        var client = httpClients.CreateClient(ClientName);
        client.Timeout = TimeSpan.FromSeconds(publishing.Value.RequestTimeoutSeconds);
        return client;
    }

    private Uri Uri(string pageId, string edge, string token, string? appSecret, string? query)
    {
        var settings = messenger.Value;
        var path = $"{settings.GraphBaseUrl.AbsoluteUri.TrimEnd('/')}/{settings.ApiVersion}/{System.Uri.EscapeDataString(pageId)}/{edge}";
        var parts = new List<string>();
        if (query is not null)
        {
            parts.Add(query);
        }

        if (settings.UseAppSecretProof && appSecret is { Length: > 0 } secret)
        {
            parts.Add("appsecret_proof=" + MessengerClient.AppSecretProof(secret, token));
        }

        return new Uri(parts.Count == 0 ? path : path + "?" + string.Join('&', parts));
    }
}
