using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Accounts;
using Outreach.Bot.Insights;
using Outreach.Content.Posts;
using Outreach.Content.Stats;
using Outreach.Scheduler.Publishing;

namespace Outreach.Bot.Channels.Zalo.Publishing;

/// <summary>
/// Zalo OA article broadcasts (PLATFORM-ZALO.md §4.1–4.2): <c>POST /v2.0/article/create</c> (answers a token),
/// <c>POST /v2.0/article/verify</c> (the id once processed and moderated; -214 meanwhile; -248 refused), <c>GET
/// /v2.0/article/getslice</c> to find an article whose create went unanswered, and <c>POST /v2.0/oa/message</c> with
/// <c>recipient.target</c> and a media template carrying the article. The OA's token goes in the <c>access_token</c> header and
/// is refreshed once on -216/-220, as the sender does. Errors come back with HTTP 200 as <c>{error, message}</c>; each becomes
/// a Vietnamese reason staff can act on. No automatic retry of a create or a broadcast here: <see cref="PublishPostJob"/> owns
/// retries and never repeats a step whose result it stored.
/// </summary>
public sealed class ZaloArticlePublisher(
    IHttpClientFactory httpClients, ZaloTokenProvider tokens, IChannelAccounts accounts, ZaloRateLimiter budget, IOptions<ZaloOptions> zalo,
    IOptions<PublishingOptions> publishing, TimeProvider time)
    : IArticlePublisher
{
    public const string ClientName = "zalo-publishing";

    public string Destination => PostDestinations.ZaloArticle;

    public string Channel => ZaloChannel.Name;

    public string Platform => PostPlatforms.Zalo;

    public async Task<PublishResult> CreateAsync(string accountId, ArticleDraft article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        var body = new JsonArray { new JsonObject { ["type"] = "text", ["content"] = article.Body } };
        if (article.Link is { Length: > 0 } link)
        {
            body.Add(new JsonObject { ["type"] = "text", ["content"] = "Xem thêm: " + link });
        }

        var request = new JsonObject
        {
            ["type"] = "normal",
            ["title"] = article.Title,
            ["author"] = article.Author,
            ["cover"] = new JsonObject { ["cover_type"] = "photo", ["photo_url"] = article.CoverUrl.AbsoluteUri, ["status"] = "show" },
            ["description"] = article.Description,
            ["body"] = body,
            ["status"] = "show",
            ["comment"] = "show",
        };
        var reply = await CallAsync(accountId, HttpMethod.Post, "v2.0/article/create", request, sideEffect: true, cancellationToken);
        return reply.Result ?? (Read(reply.Data, "token") is { } token ? PublishResult.Published(token)
            : new PublishResult(PublishOutcome.Unknown, null, "no_token", "Zalo báo đã nhận bài viết nhưng không trả mã token: hệ thống kiểm tra danh sách bài của OA trước khi tạo lại."));
    }

    public async Task<PublishResult> VerifyAsync(string accountId, string token, CancellationToken cancellationToken)
    {
        var reply = await CallAsync(accountId, HttpMethod.Post, "v2.0/article/verify", new JsonObject { ["token"] = token }, sideEffect: false, cancellationToken);
        // One client reads data.article_id rather than data.id (PLATFORM-ZALO.md §4.1): both are read.
        return reply.Result ?? ((Read(reply.Data, "id") ?? Read(reply.Data, "article_id")) is { } id ? PublishResult.Published(id)
            : new PublishResult(PublishOutcome.Processing, null, "no_id", null));
    }

    public async Task<LookupResult> FindAsync(string accountId, ArticleDraft article, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        var reply = await CallAsync(accountId, HttpMethod.Get, "v2.0/article/getslice?offset=0&limit=10&type=normal", null, sideEffect: false, cancellationToken);
        if (reply.Result is { } failed)
        {
            return LookupResult.Unknown(failed.Reason ?? "Không đọc được danh sách bài viết của OA.");
        }

        var medias = reply.Data is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("medias", out var m) && m.ValueKind == JsonValueKind.Array ? m : default;
        if (medias.ValueKind != JsonValueKind.Array)
        {
            return LookupResult.Unknown("Zalo trả danh sách bài viết không đọc được.");
        }

        foreach (var item in medias.EnumerateArray())
        {
            var created = item.TryGetProperty("create_date", out var c) ? InsightsCount.Read(c) : null;
            if (Read(item, "title") == article.Title && Read(item, "id") is { } id && (created is null || created >= since.ToUnixTimeMilliseconds()))
            {
                return LookupResult.Found(id);
            }
        }

        return LookupResult.NotFound;
    }

    public async Task<PublishResult> BroadcastAsync(string accountId, string articleId, BroadcastTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        // Zalo's target values are strings of comma-separated codes (§4.2).
        var targetJson = new JsonObject();
        if (target.Ages is { Length: > 0 } ages)
        {
            targetJson["ages"] = ages;
        }

        if (target.Gender is { Length: > 0 } gender)
        {
            targetJson["gender"] = gender;
        }

        if (target.Cities is { Length: > 0 } cities)
        {
            targetJson["cities"] = cities;
        }

        var request = new JsonObject
        {
            ["recipient"] = new JsonObject { ["target"] = targetJson },
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
        var reply = await CallAsync(accountId, HttpMethod.Post, "v2.0/oa/message", request, sideEffect: true, cancellationToken);
        return reply.Result ?? (Read(reply.Data, "message_id") is { } messageId ? PublishResult.Published(messageId)
            : new PublishResult(PublishOutcome.Unknown, null, "no_message_id", "Zalo báo thành công nhưng không trả mã tin gửi."));
    }

    /// <summary>A Zalo error on the article or broadcast APIs → what to do, and the reason staff read (by code, never the English text alone).</summary>
    public PublishResult Classify(int code, string? message)
    {
        var zaloSays = string.IsNullOrWhiteSpace(message) ? "" : $" Zalo ghi: “{message.Trim()}”.";
        return code switch
        {
            -214 => new PublishResult(PublishOutcome.Processing, null, "-214"),
            -248 => new PublishResult(PublishOutcome.Rejected, null, "-248",
                $"Zalo từ chối bài viết khi kiểm duyệt: nội dung hoặc ảnh vi phạm tiêu chuẩn nền tảng (mã -248).{zaloSays} Sửa nội dung hoặc ảnh, gửi duyệt lại rồi lên lịch lại."),
            ZaloErrorCodes.OutOfQuota => new PublishResult(PublishOutcome.Refused, null, "-211",
                $"OA đã hết hạn mức gửi bài viết (broadcast) của Zalo (mã -211).{zaloSays} Bài viết không được gửi; lên lịch lại khi hạn mức được làm mới (ngày mai hoặc đầu tháng)."),
            -223 => new PublishResult(PublishOutcome.Refused, null, "-223",
                $"OA chưa cho ứng dụng dùng API bài viết và gửi bài viết, hoặc đã hết hạn mức tạo bài viết (Zalo mã -223).{zaloSays} Quản trị viên OA cấp quyền “Quản lý bài viết” và “Gửi tin truyền thông” cho ứng dụng rồi lên lịch lại."),
            -224 => new PublishResult(PublishOutcome.Refused, null, "-224",
                $"Gói dịch vụ hiện tại của OA không có API bài viết (Zalo mã -224).{zaloSays} Nâng cấp gói OA rồi lên lịch lại."),
            -221 => new PublishResult(PublishOutcome.Refused, null, "-221", "OA cần được Zalo xác thực mới gửi được bài viết tới người theo dõi (mã -221)."),
            -209 or -212 or -219 or -235 => new PublishResult(PublishOutcome.Refused, null, code.ToString(CultureInfo.InvariantCulture),
                $"Ứng dụng Zalo chưa được bật API này (mã {code}).{zaloSays} Quản trị viên kiểm tra ứng dụng trên developers.zalo.me."),
            ZaloErrorCodes.AccessTokenInvalid or ZaloErrorCodes.AccessTokenExpired => new PublishResult(PublishOutcome.Refused, null, code.ToString(CultureInfo.InvariantCulture),
                $"Token của OA đã hết hạn hoặc bị thu hồi (Zalo mã {code}): quản trị viên OA cấp quyền lại cho ứng dụng ở “Trang và OA” rồi lên lịch lại."),
            ZaloErrorCodes.RateLimited => new PublishResult(PublishOutcome.Retry, null, "-32", "Zalo đang giới hạn số lần gọi API của ứng dụng (mã -32).",
                TimeSpan.FromSeconds(zalo.Value.RateLimitRetryAfterSeconds)),
            ZaloErrorCodes.SendFailed => new PublishResult(PublishOutcome.Retry, null, "-200", "Zalo tạm thời lỗi (mã -200)."),
            ZaloErrorCodes.NightTime => new PublishResult(PublishOutcome.Retry, null, "-234", "Zalo không gửi tin vào ban đêm (22:00–06:00).", UntilSix()),
            -201 or -210 => new PublishResult(PublishOutcome.Refused, null, code.ToString(CultureInfo.InvariantCulture),
                $"Zalo không nhận bài viết: một trường không hợp lệ hoặc quá dài (mã {code}).{zaloSays} Kiểm tra tiêu đề, ảnh bìa (JPEG hoặc PNG) và nội dung rồi sửa bài."),
            _ => new PublishResult(PublishOutcome.Refused, null, code.ToString(CultureInfo.InvariantCulture), $"Zalo từ chối (mã {code}).{zaloSays}"),
        };
    }

    private TimeSpan UntilSix()
    {
        var local = time.GetUtcNow().ToOffset(TimeSpan.FromHours(7));
        var six = new DateTimeOffset(local.Year, local.Month, local.Day, 6, 0, 0, TimeSpan.FromHours(7));
        return (six > local ? six : six.AddDays(1)) - local;
    }

    // One call with the OA's token (refreshed once when Zalo calls it invalid). Result is set on any failure; Data otherwise.
    private async Task<(PublishResult? Result, JsonElement Data)> CallAsync(
        string oaId, HttpMethod method, string path, JsonObject? body, bool sideEffect, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(oaId, cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            if (token.Value is null)
            {
                return (new PublishResult(PublishOutcome.Refused, null, token.ErrorCode ?? "no_token",
                    $"Chưa có token dùng được cho OA {oaId} ({token.ErrorMessage ?? token.ErrorCode}): quản trị viên OA cấp quyền lại cho ứng dụng ở “Trang và OA” rồi lên lịch lại."), default);
            }

            using var request = new HttpRequestMessage(method, new Uri(zalo.Value.OpenApiBaseUrl, path));
            request.Headers.TryAddWithoutValidation("access_token", token.Value);
            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }

            // Each call spends the OA's own app's budget (a commune's OA has its own, ZaloRateLimiter), waited for before the
            // HTTP client's timeout starts: a call that never left is not "unanswered".
            using var permit = (await budget.TakeAsync((await accounts.FindAsync(Channel, oaId, cancellationToken))?.AppId, cancellationToken)).Permit;
            if (permit is null)
            {
                return (new PublishResult(PublishOutcome.Retry, null, "local_rate_limit", "Đã hết hạn mức gọi API Zalo của ứng dụng trong phút này."), default);
            }

            string text;
            try
            {
                using var response = await Client().SendAsync(request, cancellationToken);
                text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    // A gateway error after the request left may hide a done create or broadcast: unknown, never repeated blindly.
                    return (sideEffect && (int)response.StatusCode >= 500
                        ? Unanswered($"http_{(int)response.StatusCode}")
                        : new PublishResult(PublishOutcome.Retry, null, $"http_{(int)response.StatusCode}", $"Zalo tạm thời không phản hồi (HTTP {(int)response.StatusCode})."), default);
                }
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
            {
                return (new PublishResult(PublishOutcome.Retry, null, "network", "Không kết nối được tới Zalo."), default);
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                return (sideEffect ? Unanswered("timeout") : new PublishResult(PublishOutcome.Retry, null, "timeout", "Zalo không trả lời kịp."), default);
            }

            JsonElement root;
            try
            {
                root = JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (JsonException)
            {
                return (sideEffect ? Unanswered("unreadable") : new PublishResult(PublishOutcome.Retry, null, "unreadable", "Zalo trả lời không đọc được."), default);
            }

            var code = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var e) && InsightsCount.Read(e) is { } n ? (int)n : 0;
            if (code == 0)
            {
                return (null, root.TryGetProperty("data", out var data) ? data : default);
            }

            if (ZaloErrorCodes.IsTokenError(code) && attempt == 0)
            {
                token = await tokens.RefreshAsync(oaId, token.Version, cancellationToken);
                continue;
            }

            return (Classify(code, Read(root, "message")), default);
        }
    }

    private static PublishResult Unanswered(string code) => new(PublishOutcome.Unknown, null, code,
        "Zalo không trả lời kịp: chưa rõ yêu cầu đã được thực hiện chưa. Hệ thống kiểm tra trước khi làm lại, nên bài không bị gửi hai lần.");

    private static string? Read(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : null,
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private HttpClient Client()
    {
        var client = httpClients.CreateClient(ClientName);
        client.Timeout = TimeSpan.FromSeconds(publishing.Value.RequestTimeoutSeconds);
        return client;
    }
}
