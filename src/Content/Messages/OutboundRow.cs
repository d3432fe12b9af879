namespace Outreach.Content.Messages;

/// <summary>A conversational message we send, as stored. <see cref="Body"/> is the channel-neutral message as JSON.</summary>
public sealed record OutboundRow(
    long Id,
    string Channel,
    string AccountId,
    string RecipientId,
    long? ContactId,
    long? InboxEventId,
    int Seq,
    string Purpose,
    string Body,
    string Status,
    string[] PlatformMessageIds,
    int Attempts,
    DateTimeOffset CreatedAt);

/// <summary>A message to record for sending. <paramref name="Urgent"/>: a crisis reply, sent ahead of the member's other replies.</summary>
public sealed record OutboundDraft(
    string Channel,
    string AccountId,
    string RecipientId,
    long? ContactId,
    long? InboxEventId,
    int Seq,
    string Purpose,
    string Body,
    bool Urgent = false);

/// <summary>Statuses of an outbound message; receipts only move it forward (sent → delivered → read).</summary>
public static class OutboundStatuses
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Read = "read";
    public const string Failed = "failed";
}
