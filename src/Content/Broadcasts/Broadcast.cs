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
    DateTimeOffset? FinishedAt);

/// <summary>Broadcast statuses.</summary>
public static class BroadcastStatuses
{
    public const string Planned = "planned";
    public const string Sending = "sending";
    public const string Paused = "paused";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";
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

/// <summary>Why a member of the audience is not sent the broadcast.</summary>
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

    /// <summary>Messenger: her last message is older than the 24-hour standard window.</summary>
    public const string OutsideMessengerWindow = "outside_24h_window";

    /// <summary>Zalo: her last interaction is older than the 7-day consultation window.</summary>
    public const string OutsideZaloWindow = "outside_7d_window";

    /// <summary>Zalo: she already received the most broadcasts allowed per day or per month.</summary>
    public const string ZaloQuota = "zalo_quota";

    /// <summary>Opted out after the broadcast was planned.</summary>
    public const string Unsubscribed = "unsubscribed";

    /// <summary>Her window closed between planning and sending.</summary>
    public const string WindowClosed = "window_closed";
}
