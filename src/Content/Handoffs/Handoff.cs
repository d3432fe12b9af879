namespace Outreach.Content.Handoffs;

/// <summary>A member handed to a person. <see cref="Status"/> is one of <see cref="HandoffStatuses"/>.</summary>
public sealed record Handoff(
    long Id,
    long ContactId,
    string Status,
    string Reason,
    DateTimeOffset RequestedAt,
    string? TakenBy,
    DateTimeOffset? TakenAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? QuietUntil = null)
{
    /// <summary>Held by a person answering on the platform itself (Page Inbox, OA Chat), not in the console.</summary>
    public bool IsOnPlatform => TakenBy == HandoffStatuses.PlatformHolder;
}

/// <summary>Handoff statuses.</summary>
public static class HandoffStatuses
{
    /// <summary>Waiting for a staff member; the bot still answers.</summary>
    public const string Requested = "requested";

    /// <summary>A staff member holds the conversation; the bot stays silent (crisis replies excepted).</summary>
    public const string Active = "active";

    public const string Closed = "closed";

    /// <summary>The taken_by of a handoff held on the platform (Business Suite / OA Chat), with a quiet time.</summary>
    public const string PlatformHolder = "platform";
}

/// <summary>Why a handoff was opened.</summary>
public static class HandoffReasons
{
    public const string Member = "member";
    public const string Crisis = "crisis";

    /// <summary>A person answered on the platform itself, or another app took the thread.</summary>
    public const string Platform = "platform";

    /// <summary>Staff handed her to a person from the queue of questions the bot could not answer.</summary>
    public const string Unanswered = "unanswered";
}
