using System.ComponentModel.DataAnnotations;

namespace Outreach.Bot.Channels.Zalo;

/// <summary>
/// The Zalo Official Account channel (section <c>Outreach:Zalo</c>). Zalo is off while <see cref="AppId"/> is empty; once it is
/// set, the rest is checked at start-up (<see cref="ZaloOptionsValidator"/>). Facts the platform doc marks uncertain are
/// settings here, with the doc's best value as default (see Channels/Zalo/README.md).
/// </summary>
public sealed class ZaloOptions
{
    public const string Section = "Outreach:Zalo";

    /// <summary>The Zalo app's id (developers.zalo.me): the first term of the webhook signature and <c>app_id</c> of OAuth.</summary>
    public string? AppId { get; set; }

    /// <summary>The app's secret key: the <c>secret_key</c> header of the OAuth token endpoint.</summary>
    public string? AppSecret { get; set; }

    /// <summary>The "OA Secret Key" shown on the app's Webhook page (not the app secret): the last term of the webhook signature.</summary>
    public string? OaSecretKey { get; set; }

    /// <summary>The Official Account's id: replies go out as this OA, with its tokens.</summary>
    public string? OaId { get; set; }

    /// <summary>A refresh token from the OA admin's consent, used on first start (and again whenever this setting changes).</summary>
    public string? InitialRefreshToken { get; set; }

    /// <summary>The OA API (default https://openapi.zalo.me/). Tests point it at the emulator.</summary>
    public Uri OpenApiBaseUrl { get; set; } = new("https://openapi.zalo.me/");

    /// <summary>The OAuth v4 server (default https://oauth.zaloapp.com/).</summary>
    public Uri OAuthBaseUrl { get; set; } = new("https://oauth.zaloapp.com/");

    /// <summary>The content of Zalo's domain-verification meta tag: served on <c>GET /</c> while set.</summary>
    public string? SiteVerification { get; set; }

    /// <summary>The name of the verification HTML file Zalo offers (e.g. zalo_verifier….html), served at the root while set.</summary>
    public string? VerificationFileName { get; set; }

    /// <summary>That file's content, served as it is.</summary>
    public string? VerificationFileContent { get; set; }

    /// <summary>Largest webhook body accepted, in bytes (default 65536; one Zalo event is well under 2 kB). Larger: 413.</summary>
    [Range(1024, WebhookBody.DefaultMaxBytes)]
    public int MaxWebhookBytes { get; set; } = 64 * 1024;

    /// <summary>OA API calls per minute and Zalo app from this host (default 4000, Zalo's documented per-app limit; divide it among hosts). An OA with its own app has its own budget.</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 4000;

    /// <summary>Longest text in one consultation message, in UTF-16 characters (default 2000); longer replies are split.</summary>
    [Range(100, 2000)]
    public int MaxTextLength { get; set; } = 2000;

    /// <summary>Time for one HTTP attempt to Zalo, in seconds (default 10).</summary>
    [Range(1, 120)]
    public int RequestTimeoutSeconds { get; set; } = 10;

    /// <summary>Extra attempts after a failure to connect (the request never left: safe to repeat). Default 2.</summary>
    [Range(0, 5)]
    public int ConnectRetries { get; set; } = 2;

    /// <summary>Wait before resending after Zalo's rate-limit error -32, in seconds (default 60: the limit is per minute).</summary>
    [Range(1, 3600)]
    public int RateLimitRetryAfterSeconds { get; set; } = 60;

    /// <summary>Refresh the access token this long before it expires, in seconds (default 3600 of its 25 hours).</summary>
    [Range(0, 86_400)]
    public int RefreshBeforeExpirySeconds { get; set; } = 3600;

    /// <summary>
    /// When the OA's tokens are refreshed even if nothing was sent (cron, Asia/Ho_Chi_Minh; default daily at 03:40): each refresh
    /// gives a new 3-month refresh token, so a quiet OA's chain never runs out (PLATFORM-ZALO.md §5).
    /// </summary>
    public string TokenKeepAliveCron { get; set; } = "40 3 * * *";

    /// <summary>Also accept webhooks signed with the app secret instead of the OA secret key (one source says so). Default false.</summary>
    public bool AcceptAppSecretSignature { get; set; }

    /// <summary>
    /// Answer 200 (storing nothing) to a wrongly signed webhook instead of 401. Only while saving the URL in Zalo's console,
    /// whose "Test" request may be unsigned; never in production (Zalo would stop retrying events we could not check).
    /// </summary>
    public bool AcknowledgeInvalidSignatures { get; set; }

    /// <summary>The line under numbered choices (Zalo has no quick replies).</summary>
    [Required]
    public string ChoicePrompt { get; set; } = "Chị trả lời bằng số thứ tự (1, 2, …) để chọn.";

    /// <summary>True once <see cref="AppId"/> is set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(AppId);
}
