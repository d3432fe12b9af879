namespace Outreach.Emulators.Messenger;

/// <summary>What the emulated Meta app and Pages look like. The defaults are the test values of PLATFORM-MESSENGER.md §1.4.</summary>
public sealed record MessengerEmulatorOptions
{
    public const string DefaultPageId = "134968929707951";
    public const string DefaultAppSecret = "test_app_secret";
    public const string DefaultPageToken = "test-page-token";

    /// <summary>Signs webhooks and checks appsecret_proof.</summary>
    public string AppSecret { get; init; } = DefaultAppSecret;

    /// <summary>
    /// Page id → the secret of the Meta app it is connected to, for Pages of another app than <see cref="AppSecret"/>'s (a
    /// commune's own Page): its webhooks are signed, and its appsecret_proof checked, with that secret.
    /// </summary>
    public IReadOnlyDictionary<string, string> PageAppSecrets { get; init; } = new Dictionary<string, string>();

    /// <summary>The app secret of <paramref name="pageId"/>'s app.</summary>
    public string AppSecretOf(string? pageId) => pageId is not null && PageAppSecrets.TryGetValue(pageId, out var secret) ? secret : AppSecret;

    /// <summary>Page id → its Page access token.</summary>
    public IReadOnlyDictionary<string, string> PageTokens { get; init; } = new Dictionary<string, string> { [DefaultPageId] = DefaultPageToken };

    /// <summary>Refuse calls without appsecret_proof (the app's "Require App Secret" switch).</summary>
    public bool RequireAppSecretProof { get; init; }

    /// <summary>The emulator's clock: the 24-hour window is measured on it (tests pass a FakeTimeProvider).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The standard messaging window after a member's last interaction (24 h).</summary>
    public TimeSpan StandardWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The HUMAN_AGENT tag's window (7 days).</summary>
    public TimeSpan HumanAgentWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Treat a PSID the emulator never saw as a member who just wrote (window open). Meta would answer "no matching user";
    /// benchmarks sending to millions of seeded members use this instead of announcing each one.
    /// </summary>
    public bool TrustUnknownRecipients { get; init; }

    /// <summary>How long the gateway has to answer a webhook with 200 (Meta: 5 s).</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Waits before each resend of an unacknowledged webhook: Meta retries "immediately, a few more times", then keeps trying,
    /// and after an hour of failure unsubscribes the app from the Page (§1.5; the exact cadence is undocumented).
    /// </summary>
    public IReadOnlyList<TimeSpan> WebhookRetryLadder { get; init; } =
        [TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(39)];

    /// <summary>Send API calls per second per Page (Meta: 300 for text; §2.6). Past it: (#613).</summary>
    public int SendsPerSecondPerPage { get; init; } = 300;

    /// <summary>
    /// Send API calls per rolling 24 hours per Page and engaged user (Meta's BUC: 200 × engaged users; §2.6). Past it:
    /// (#80006). Not applied with <see cref="TrustUnknownRecipients"/>, whose members are never announced.
    /// </summary>
    public int CallsPerEngagedUserPerDay { get; init; } = 200;

    /// <summary>Reported in the facebook-api-version header.</summary>
    public string ApiVersion { get; init; } = "v25.0";
}
