namespace Outreach.Emulators.Zalo;

/// <summary>The emulated Zalo app and OA. Defaults are the ids of the doc's samples (PLATFORM-ZALO.md §10) and obvious test secrets.</summary>
public sealed record ZaloEmulatorOptions
{
    public string AppId { get; init; } = "360846524940903967";

    public string AppSecret { get; init; } = "test-app-secret";

    /// <summary>The OA secret key that signs webhooks (the doc's vector uses "MySecretOAKey123").</summary>
    public string OaSecretKey { get; init; } = "MySecretOAKey123";

    public string OaId { get; init; } = "388613280878808645";

    /// <summary>
    /// More OAs served by the same emulator (a commune's own OA beside the province's), each with its own app, secrets and
    /// tokens: webhooks naming one are signed with its app id and OA secret key, and its tokens work only as that OA.
    /// </summary>
    public IReadOnlyList<ZaloEmulatorOa> OtherOas { get; init; } = [];

    /// <summary>OA API calls allowed per sliding minute and app before -32 (Zalo: 4,000 per app; OAs of one app share it).</summary>
    public int RequestsPerMinute { get; init; } = 4000;

    /// <summary>
    /// Accept messages to members the emulator was never told of (benchmarks seed millions of members in the database only);
    /// members it knows are still checked (window, follower, ban).
    /// </summary>
    public bool TrustUnknownRecipients { get; init; }

    /// <summary>Longest consultation text accepted (Zalo: 2,000 characters).</summary>
    public int MaxTextLength { get; init; } = 2000;

    /// <summary>The consultation window: the member must have interacted this recently (Zalo: 7 days).</summary>
    public TimeSpan InteractionWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Access-token lifetime (Zalo: 25 hours, sent as <c>"expires_in":"90000"</c>).</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromHours(25);

    /// <summary>Refresh-token lifetime (Zalo: about three months; each refresh issues a new one).</summary>
    public TimeSpan RefreshTokenLifetime { get; init; } = TimeSpan.FromDays(90);

    /// <summary>Answer a spent refresh token with an empty HTTP 200 body (reported from production, §5) instead of -14014.</summary>
    public bool EmptyBodyForSpentRefreshToken { get; init; }

    /// <summary>How long a webhook delivery may take before the emulator gives up on it (Zalo: 2 seconds).</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Waits before each resend of an event that was not acknowledged in time (Zalo: 30 s, 5 min, 15 min, 30 min, 1 h; §2.2).
    /// After the last one fails Zalo cancels the webhook subscription.
    /// </summary>
    public IReadOnlyList<TimeSpan> WebhookRetryLadder { get; init; } =
        [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1)];
}

/// <summary>An OA of the emulator: its id, its app's id and secret key, and the OA secret key that signs its webhooks.</summary>
public sealed record ZaloEmulatorOa(string OaId, string AppId, string AppSecret, string OaSecretKey);
