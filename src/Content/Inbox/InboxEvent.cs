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

/// <summary>An event to store. <paramref name="PlatformEventId"/> is the platform's id (or a hash of what identifies it).</summary>
public sealed record InboxEventDraft(
    string Channel,
    string PlatformEventId,
    string Kind,
    string? AccountId,
    string? SenderId,
    DateTimeOffset? EventTime,
    string Payload);
