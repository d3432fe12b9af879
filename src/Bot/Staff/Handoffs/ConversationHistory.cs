using System.Text.Json;
using Outreach.Bot.Channels;
using Outreach.Bot.Core;
using Outreach.Content.Contacts;
using Outreach.Content.Handoffs;
using Outreach.Content.Inbox;
using Outreach.Content.Messages;

namespace Outreach.Bot.Staff.Handoffs;

/// <summary>
/// A member's recent conversation as the staff member answering her reads it: her messages (read from the inbox by her
/// channel, the same reading the bot did) and our replies, in time order. It is shown to staff allowed to see her,
/// and never logged.
/// </summary>
public sealed class ConversationHistory(ContactStore contacts, ConversationStore conversations, ChannelRegistry channels)
{
    /// <summary>Messages read each way (the page shows at most twice this).</summary>
    public const int Limit = 30;

    private static readonly string StaffReply = MessagePurposes.Name(MessagePurpose.HumanAgentReply);
    private static readonly string StaffResponse = MessagePurposes.Name(MessagePurpose.StaffReply);

    public async Task<IReadOnlyList<ConversationLine>> LoadAsync(long contactId, CancellationToken cancellationToken)
    {
        var contact = await contacts.FindAsync(contactId, cancellationToken);
        if (contact is null)
        {
            return [];
        }

        var channel = channels.Find(contact.Channel);
        var inbound = await conversations.RecentInboundAsync(contact, Limit, cancellationToken);
        var outbound = await conversations.RecentOutboundAsync(contact, Limit, cancellationToken);
        return inbound.Select(e => FromMember(channel, e))
            .Concat(outbound.Select(FromUs))
            .OrderBy(line => line.At)
            .ToList();
    }

    private static ConversationLine FromMember(IChannel? channel, InboxEvent inboxEvent)
    {
        var at = inboxEvent.EventTime ?? DateTimeOffset.MinValue;
        var activity = Read(channel, inboxEvent);
        if (activity is null)
        {
            return new ConversationLine(at, ConversationSpeaker.Member, null, ConversationLineKind.Unreadable, null);
        }

        var kind = activity.Type == ActivityTypes.Message
            ? activity.Attachments.Count > 0 && string.IsNullOrEmpty(activity.Text) ? ConversationLineKind.Attachment : ConversationLineKind.Text
            : ConversationLineKind.Tap;
        return new ConversationLine(at, ConversationSpeaker.Member, activity.Text, kind, null);
    }

    private static Activity? Read(IChannel? channel, InboxEvent inboxEvent)
    {
        try
        {
            return channel?.ToActivities(inboxEvent).FirstOrDefault(a => a.Type == ActivityTypes.Message || a.Name == ActivityNames.Postback);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            // A payload the channel cannot read was already marked failed by its turn; the page says so instead of failing.
            return null;
        }
    }

    private static ConversationLine FromUs(SentMessage message) => new(
        message.CreatedAt,
        message.Purpose == StaffReply || message.Purpose == StaffResponse ? ConversationSpeaker.Staff : ConversationSpeaker.Bot,
        message.Text,
        ConversationLineKind.Text,
        message.Status);
}

/// <summary>One line of a conversation. <see cref="Status"/> is the outbox status of our messages (null for hers).</summary>
public sealed record ConversationLine(
    DateTimeOffset At, ConversationSpeaker Speaker, string? Text, ConversationLineKind Kind, string? Status)
{
    public bool IsFailed => Status is OutboundStatuses.Failed or "unknown";
}

/// <summary>Who wrote a line.</summary>
public enum ConversationSpeaker
{
    Member = 0,
    Bot = 1,
    Staff = 2,
}

/// <summary>What a line holds.</summary>
public enum ConversationLineKind
{
    Text = 0,

    /// <summary>A button or quick-reply tap (its title as text).</summary>
    Tap = 1,

    /// <summary>An image, sticker, file… without text.</summary>
    Attachment = 2,

    /// <summary>A stored event the channel's adapter could not read.</summary>
    Unreadable = 3,
}
