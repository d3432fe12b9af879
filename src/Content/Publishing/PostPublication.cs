namespace Outreach.Content.Publishing;

/// <summary>
/// One copy of a post published on a platform for one occurrence (a Page feed post of one Page), with its attempt: the
/// attempt key is stored before the platform is called and the platform's id after, so a retry never publishes twice.
/// </summary>
public sealed record PostPublication(
    long Id,
    long PostId,
    DateTimeOffset OccurrenceAt,
    string Destination,
    string Channel,
    string AccountId,
    string Status,
    Guid? AttemptKey,
    int Attempts,
    DateTimeOffset? StartedAt,
    DateTimeOffset? RetryAt,
    string? ExternalId,
    string? ErrorCode,
    string? Reason,
    DateTimeOffset? PublishedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? ArticleToken,
    string? ArticleId,
    string? Moderation,
    string? ModerationReason,
    DateTimeOffset? ModerationAt,
    string? BroadcastId)
{
    internal const string Columns =
        "id, post_id AS postid, occurrence_at AS occurrenceat, destination, channel, account_id AS accountid, status, attempt_key AS attemptkey, " +
        "attempts, started_at AS startedat, retry_at AS retryat, external_id AS externalid, error_code AS errorcode, reason, " +
        "published_at AS publishedat, created_at AS createdat, updated_at AS updatedat, article_token AS articletoken, article_id AS articleid, " +
        "moderation, moderation_reason AS moderationreason, moderation_at AS moderationat, broadcast_id AS broadcastid";

    public bool IsFinal => PublicationStatuses.IsFinal(Status);
}

/// <summary>Zalo's review of an article (<see cref="PostPublication.Moderation"/>).</summary>
public static class ModerationStates
{
    public const string Waiting = "waiting";

    public const string Approved = "approved";

    public const string Rejected = "rejected";

    /// <summary>What staff read for a state.</summary>
    public static string DisplayName(string? state) => state switch
    {
        Waiting => "Chờ duyệt",
        Approved => "Đã duyệt",
        Rejected => "Bị từ chối",
        _ => "—",
    };
}

/// <summary>The statuses of a <see cref="PostPublication"/>.</summary>
public static class PublicationStatuses
{
    /// <summary>Not tried yet, or waiting for its retry (<see cref="PostPublication.RetryAt"/>).</summary>
    public const string Pending = "pending";

    /// <summary>An attempt is out (or its host died with it): its outcome is not known yet.</summary>
    public const string Publishing = "publishing";

    public const string Published = "published";

    /// <summary>Stopped with a reason staff can act on (a token without permission, an expired token, content refused).</summary>
    public const string Failed = "failed";

    public const string Cancelled = "cancelled";

    public static bool IsFinal(string status) => status is Published or Failed or Cancelled;

    /// <summary>What staff read for a status.</summary>
    public static string DisplayName(string status) => status switch
    {
        Pending => "Chờ đăng",
        Publishing => "Đang đăng",
        Published => "Đã đăng",
        Failed => "Không đăng được",
        Cancelled => "Đã hủy",
        _ => status,
    };
}
