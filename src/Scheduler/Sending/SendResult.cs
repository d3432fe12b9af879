namespace Outreach.Scheduler.Sending;

/// <summary>What a platform answered to one send. Refusals are values, not exceptions (STYLE.md B.7).</summary>
public sealed record SendResult
{
    public required SendOutcome Outcome { get; init; }

    /// <summary>The platform's ids of what was sent (a long text may go out as several messages).</summary>
    public IReadOnlyList<string> PlatformMessageIds { get; init; } = [];

    /// <summary>The platform's error code (and subcode), e.g. "10/2018278" or "-230".</summary>
    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    /// <summary>How long to wait before retrying, when the platform said so.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// True when the request may have reached the platform although no answer came back (a timeout, a dropped connection):
    /// at-most-once sending (broadcasts) must count it as "unknown" and never send it again.
    /// </summary>
    public bool MayHaveBeenDelivered { get; init; }

    /// <summary>
    /// True when this host's own budget of calls refused the send (it never left): a broadcast puts the row off until
    /// <see cref="RetryAfter"/> without counting it against its rate-limit deferrals, so a member never loses a broadcast to our
    /// own limiter.
    /// </summary>
    public bool RefusedHere { get; init; }

    public bool IsSent => Outcome == SendOutcome.Sent;

    /// <summary>True when the same send may succeed later (transient errors, rate limits).</summary>
    public bool IsRetryable => Outcome is SendOutcome.Transient or SendOutcome.RateLimited;

    public static SendResult Sent(params IReadOnlyList<string> platformMessageIds) =>
        new() { Outcome = SendOutcome.Sent, PlatformMessageIds = platformMessageIds };

    /// <summary>This host's own budget of calls is spent until <paramref name="wait"/> has passed: nothing was sent.</summary>
    public static SendResult RefusedByOwnBudget(string message, TimeSpan wait) =>
        new() { Outcome = SendOutcome.RateLimited, ErrorCode = "local_rate_limit", ErrorMessage = message, RetryAfter = wait, RefusedHere = true };

    public static SendResult Failed(SendOutcome outcome, string? errorCode, string? errorMessage, TimeSpan? retryAfter = null) =>
        new() { Outcome = outcome, ErrorCode = errorCode, ErrorMessage = errorMessage, RetryAfter = retryAfter };
}

/// <summary>How a send ended.</summary>
public enum SendOutcome
{
    Sent = 0,

    /// <summary>A temporary failure (5xx, timeout, "please retry"): try again with backoff.</summary>
    Transient = 1,

    /// <summary>The platform's rate limit: wait (see <see cref="SendResult.RetryAfter"/>) and try again.</summary>
    RateLimited = 2,

    /// <summary>Outside the messaging window (Messenger 24 h, Zalo 7 days): never retry this send.</summary>
    OutsideWindow = 3,

    /// <summary>The member cannot receive messages from us (blocked, unfollowed, not a follower, deleted).</summary>
    Unreachable = 4,

    /// <summary>Our access token is invalid or expired: fix the configuration or refresh the token.</summary>
    AuthFailed = 5,

    /// <summary>The platform refused the message itself (bad parameter, too long…): never retry.</summary>
    Rejected = 6,

    /// <summary>
    /// The platform stopped this account's sending: its quota is used up, or its paid features are not connected or cannot be
    /// billed (Zalo -211/-320/-321). Every further send fails the same way until someone acts: pause, do not retry.
    /// </summary>
    AccountLimited = 7,
}
