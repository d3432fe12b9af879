namespace Outreach.Content.Broadcasts;

/// <summary>One sending of a post (a recurring post has one per occurrence).</summary>
public sealed record Broadcast(
    long Id,
    long PostId,
    DateTimeOffset OccurrenceAt,
    string Status,
    DateTimeOffset? NotBefore,
    DateTimeOffset? PlannedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? PauseReason = null,
    string? PauseDetail = null);

/// <summary>
/// Why a broadcast paused by itself (null: staff paused it). Every further send of the channel account would fail the same
/// way, so sending stops until staff fix the cause and resume (issue 11.6); the detail names the channel and the platform's code.
/// </summary>
public static class PauseReasons
{
    /// <summary>The channel's access token was refused.</summary>
    public const string TokenRefused = "token_refused";

    /// <summary>The account's quota is used up, or its paid features are not connected or cannot be billed (Zalo -211/-320/-321).</summary>
    public const string QuotaOrBilling = "quota_or_billing";
}

/// <summary>Broadcast statuses.</summary>
public static class BroadcastStatuses
{
    public const string Planned = "planned";
    public const string Sending = "sending";
    public const string Paused = "paused";
    public const string Completed = "completed";

    /// <summary>Ended with some members reached and some sends failed.</summary>
    public const string Partial = "partial";

    public const string Cancelled = "cancelled";
    /// <summary>Ended with nobody reached and sends failed (or, before migration 0115, stopped by an error).</summary>
    public const string Failed = "failed";

    /// <summary>True when the sending has ended (its page stops polling).</summary>
    public static bool IsFinished(string status) => status is Completed or Partial or Cancelled or Failed;
}

/// <summary>Delivery statuses (one row per broadcast and contact).</summary>
public static class DeliveryStatuses
{
    public const string Queued = "queued";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Read = "read";
    public const string Skipped = "skipped";
    public const string Failed = "failed";

    /// <summary>Handed to the platform by a host that died before recording the answer: maybe received, never resent.</summary>
    public const string Unknown = "unknown";

    public const string Cancelled = "cancelled";
}

/// <summary>
/// Why a member of the audience is not sent the broadcast: the reasons every channel shares. A channel's own window and quota
/// reasons ("outside_24h_window", "zalo_quota") are named by its profile (ChannelProfile.Window, .Quota); all of them come from
/// one place, <see cref="Eligibility"/>, at planning, in the preview and just before each send.
/// </summary>
public static class SkipReasons
{
    /// <summary>Not opted in to the post's topic (preview only: such members are not part of the audience).</summary>
    public const string NotSubscribed = "not_subscribed";

    /// <summary>Blocked us or asked for her data to be erased.</summary>
    public const string Unreachable = "unreachable";

    /// <summary>Unfollowed the Zalo OA.</summary>
    public const string NotFollower = "not_follower";

    /// <summary>Never wrote to us: no platform window was ever opened.</summary>
    public const string NeverInteracted = "never_interacted";

    /// <summary>Opted out after the broadcast was planned (the check just before her send).</summary>
    public const string Unsubscribed = "unsubscribed";

    /// <summary>The platform refused the send as outside its window, on a channel whose profile names no window reason (and older rows).</summary>
    public const string WindowClosed = "window_closed";
}

/// <summary>
/// Why a delivery failed (status "failed" or "unknown"), kept in the same column as a skip reason. The console names them in
/// Vietnamese and groups the counts by them.
/// </summary>
public static class FailReasons
{
    /// <summary>No sender is registered for the channel (not configured on this gateway).</summary>
    public const string ChannelNotConfigured = "channel_not_configured";

    /// <summary>The platform kept failing (5xx, timeouts, connection refused) until the attempts ran out.</summary>
    public const string PlatformUnreachable = "platform_unreachable";

    /// <summary>The platform's rate limit held until the attempts ran out.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>The platform refused the message itself (bad parameter, too long, policy).</summary>
    public const string Rejected = "rejected";

    /// <summary>The request went out and no answer came back: maybe received, never resent.</summary>
    public const string NoAnswer = "no_answer";

    /// <summary>The channel's access token was refused.</summary>
    public const string TokenRefused = "token_refused";
}
