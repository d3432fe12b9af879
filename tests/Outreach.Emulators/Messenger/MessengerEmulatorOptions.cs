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

    /// <summary>Reported in the facebook-api-version header.</summary>
    public string ApiVersion { get; init; } = "v25.0";
}
