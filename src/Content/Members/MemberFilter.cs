namespace Outreach.Content.Members;

/// <summary>
/// What the members page filters on; every field is optional. <see cref="Name"/> matches the platform's display name with or
/// without diacritics; <see cref="UnitId"/> means that unit and everything below it (within the staff member's scope);
/// <see cref="Topics"/> matches members subscribed to any of them; <see cref="WindowOpen"/> is whether the platform lets us
/// message her now (Messenger's 24 hours, Zalo's 7 days after her last interaction).
/// </summary>
public sealed record MemberFilter
{
    public string? Name { get; init; }

    public string? Channel { get; init; }

    public long? UnitId { get; init; }

    public IReadOnlyList<string>? Topics { get; init; }

    public DateTimeOffset? JoinedFrom { get; init; }

    public DateTimeOffset? JoinedUntil { get; init; }

    public DateTimeOffset? LastInteractionFrom { get; init; }

    public DateTimeOffset? LastInteractionUntil { get; init; }

    public bool? WindowOpen { get; init; }

    /// <summary>One status (active, unfollowed, blocked, erased); by default every member except erased ones.</summary>
    public string? Status { get; init; }

    /// <summary>Only this member (her page on the console).</summary>
    public long? ContactId { get; init; }
}

/// <summary>One member as the members page lists her (never her platform id).</summary>
public sealed record MemberRow(
    long ContactId,
    string Channel,
    string AccountId,
    string? DisplayName,
    string Status,
    long? OrgUnitId,
    string? OrgUnitName,
    DateTimeOffset JoinedAt,
    DateTimeOffset? LastInteractionAt,
    bool IsWindowOpen,
    string[] Topics);

/// <summary>A page of members and how many match in all.</summary>
public sealed record MemberPage(int Total, IReadOnlyList<MemberRow> Rows);

/// <summary>Members connected (active) to a unit itself and to it with everything below it.</summary>
public sealed record UnitMemberCount(long UnitId, long? ParentId, string Name, string Level, bool IsActive, int Direct, int Subtree);

/// <summary>Counts per unit of a subtree; <see cref="Unplaced"/> counts active members with no unit (seen by top-level units only).</summary>
public sealed record MemberCounts(IReadOnlyList<UnitMemberCount> Units, int Unplaced);

/// <summary>A topic members subscribe to: its code (what the filter takes) and its Vietnamese name (what staff see and type).</summary>
public sealed record MemberTopic(string Code, string Name);
