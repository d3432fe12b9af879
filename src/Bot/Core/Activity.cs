using System.Text.Json;
using Outreach.Content.Messages;

namespace Outreach.Bot.Core;

/// <summary>
/// One normalised event, inbound or outbound, in the shape of Bot Builder's Activity: a member's message, a button tap,
/// a follow, a delivery receipt, or a reply we send.
/// </summary>
public sealed class Activity
{
    /// <summary>One of <see cref="ActivityTypes"/>.</summary>
    public required string Type { get; init; }

    /// <summary>The platform's id of this event or message (Messenger mid, Zalo msg_id), when it has one.</summary>
    public string? Id { get; init; }

    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The channel's name, as stored (each channel's profile names it: "messenger", "zalo", "webchat").</summary>
    public required string ChannelId { get; init; }

    /// <summary>Who sent it: the member for inbound activities.</summary>
    public required ChannelAccount From { get; init; }

    /// <summary>Who receives it: our Page/OA for inbound activities.</summary>
    public required ChannelAccount Recipient { get; init; }

    /// <summary>The member's text, or the visible title of a tapped quick reply.</summary>
    public string? Text { get; init; }

    /// <summary>For an event activity: what happened (see <see cref="ActivityNames"/>).</summary>
    public string? Name { get; init; }

    /// <summary>The payload of a tapped button or quick reply, or an event's value (a referral ref, a submitted form…).</summary>
    public string? Value { get; init; }

    public string? Locale { get; init; }

    /// <summary>
    /// The ref of the link or ad she came through (Messenger's <c>m.me/&lt;page&gt;?ref=…</c>): on a referral event, and on a
    /// Get Started or postback that carried one (a new thread).
    /// </summary>
    public string? Referral { get; init; }

    /// <summary>Inbound media (image, file, location…) or an outbound card.</summary>
    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>Outbound: choices offered to the member (Messenger quick replies; Zalo gets numbered text or buttons).</summary>
    public IReadOnlyList<CardAction> SuggestedActions { get; init; } = [];

    /// <summary>For receipts: the platform ids of our messages it covers.</summary>
    public IReadOnlyList<string> ReplyToIds { get; init; } = [];

    /// <summary>The untouched platform event, for whatever the normalised fields do not carry.</summary>
    public JsonElement? ChannelData { get; init; }

    /// <summary>Outbound: how the reply may be sent (a bot answer, a staff member's answer, an alert).</summary>
    public MessagePurpose Purpose { get; init; } = MessagePurpose.Reply;

    /// <summary>A text reply to this activity, addressed back to its sender.</summary>
    public Activity CreateReply(string text, IReadOnlyList<CardAction>? suggestedActions = null) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = ChannelId,
        From = Recipient,
        Recipient = From,
        Text = text,
        SuggestedActions = suggestedActions ?? [],
        Locale = Locale,
    };
}
