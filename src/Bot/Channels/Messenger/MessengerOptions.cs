namespace Outreach.Bot.Channels.Messenger;

/// <summary>
/// The Facebook Messenger channel (section <c>Outreach:Messenger</c>). Leave it empty to run without Messenger: the webhook
/// then answers 503 and replies to Messenger members fail as "not configured". Secrets come from configuration, never the repo.
/// </summary>
public sealed class MessengerOptions
{
    public const string Section = "Outreach:Messenger";

    /// <summary>The Meta app's secret: checks X-Hub-Signature-256 on webhooks and signs appsecret_proof.</summary>
    public string? AppSecret { get; set; }

    /// <summary>The verify token typed into the app dashboard's webhook settings (the GET handshake echoes hub.challenge when it matches).</summary>
    public string? VerifyToken { get; set; }

    /// <summary>The Graph API root (default https://graph.facebook.com); tests point it at the emulator.</summary>
    public Uri GraphBaseUrl { get; set; } = new("https://graph.facebook.com");

    /// <summary>The Graph API version in request paths (default v25.0, Feb 2026; PLATFORM-MESSENGER.md §2.1).</summary>
    public string ApiVersion { get; set; } = "v25.0";

    /// <summary>The Pages this gateway answers for, each with its Page access token.</summary>
    public IList<MessengerPageOptions> Pages { get; init; } = [];

    /// <summary>Send API calls per second per Page (default 300, Meta's documented limit for text; PLATFORM-MESSENGER.md §2.6).</summary>
    public int SendsPerSecondPerPage { get; set; } = 300;

    /// <summary>Add appsecret_proof to Graph calls (default true; needed when the app enables "Require App Secret").</summary>
    public bool UseAppSecretProof { get; set; } = true;

    /// <summary>One Send API attempt may take this long, in seconds (default 10); a timed-out send is retried by the outbox.</summary>
    public int SendTimeoutSeconds { get; set; } = 10;

    /// <summary>The payload of the Page's "Get Started" button (default GET_STARTED): that postback becomes a getStarted event.</summary>
    public string GetStartedPayload { get; set; } = "GET_STARTED";

    /// <summary>
    /// Our Meta app's id (optional). Known, an echo or thread control from any other app is a person (or another app) taking the
    /// conversation; unknown, only the Page Inbox app (263902037430900) and echoes without an app are.
    /// </summary>
    public string? AppId { get; set; }

    /// <summary>
    /// True once Meta's App Review granted the Human Agent feature: staff may then reply with the HUMAN_AGENT tag up to 7 days
    /// after the member last wrote. False (default): staff replies only inside the 24-hour window.
    /// </summary>
    public bool HumanAgentApproved { get; set; }

    /// <summary>Largest webhook body accepted, in bytes (default 1 MiB); larger ones get 413.</summary>
    public int MaxWebhookBytes { get; set; } = WebhookBody.DefaultMaxBytes;

    /// <summary>True when any Messenger setting is present; the validator then requires all of them.</summary>
    public bool IsConfigured =>
        !string.IsNullOrEmpty(AppSecret) || !string.IsNullOrEmpty(VerifyToken) || Pages.Count > 0;

    /// <summary>The access token of <paramref name="pageId"/>, or null when this gateway has none for it.</summary>
    public string? TokenFor(string pageId) =>
        Pages.FirstOrDefault(p => string.Equals(p.PageId, pageId, StringComparison.Ordinal))?.AccessToken;
}

/// <summary>A Facebook Page served by this gateway.</summary>
public sealed class MessengerPageOptions
{
    /// <summary>The Page id (digits), as in webhooks' entry.id and recipient.id.</summary>
    public string PageId { get; set; } = "";

    /// <summary>The Page access token (pages_messaging). Sent in the Authorization header, never in a URL.</summary>
    public string AccessToken { get; set; } = "";
}
