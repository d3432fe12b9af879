namespace Outreach.Content.Inbox;

/// <summary>A webhook event as stored: the platform's raw event plus the few fields the runner needs to order and route it.</summary>
public sealed record InboxEvent(
    long Id,
    string Channel,
    string PlatformEventId,
    string Kind,
    string? AccountId,
    string? SenderId,
    DateTimeOffset? EventTime,
    string Payload,
    int Attempts);

/// <summary>
/// An event to store. <paramref name="PlatformEventId"/> is the platform's id (or a hash of what identifies it);
/// <paramref name="Priority"/> is its lane (<see cref="InboxPriorities"/>), decided at ingest.
/// </summary>
public sealed record InboxEventDraft(
    string Channel,
    string PlatformEventId,
    string Kind,
    string? AccountId,
    string? SenderId,
    DateTimeOffset? EventTime,
    string Payload,
    short Priority = InboxPriorities.Normal);

/// <summary>The inbox's lanes: urgent events are claimed before normal ones (a member's own events still in order).</summary>
public static class InboxPriorities
{
    public const short Normal = 0;

    /// <summary>A crisis message: answered before any backlog.</summary>
    public const short Urgent = 1;
}
