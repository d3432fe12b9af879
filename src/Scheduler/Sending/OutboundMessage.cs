using Outreach.Content.Messages;

namespace Outreach.Scheduler.Sending;

/// <summary>A channel-neutral message to one member. Each channel's sender maps it to its platform's request.</summary>
public sealed record OutboundMessage
{
    /// <summary>"messenger", "zalo", "webchat".</summary>
    public required string Channel { get; init; }

    /// <summary>Our account on the channel: the Facebook Page id or the Zalo OA id.</summary>
    public required string AccountId { get; init; }

    /// <summary>The member's id on that account (PSID, Zalo user id).</summary>
    public required string RecipientId { get; init; }

    public string? Text { get; init; }

    /// <summary>Short choices (Messenger quick replies, at most 13; other channels render them as they can).</summary>
    public IReadOnlyList<QuickReply> QuickReplies { get; init; } = [];

    /// <summary>Buttons under <see cref="Text"/> (Messenger button template, at most 3).</summary>
    public IReadOnlyList<MessageButton> Buttons { get; init; } = [];

    /// <summary>An image to send (URL), when the message carries one.</summary>
    public string? ImageUrl { get; init; }

    public MessagePurpose Purpose { get; init; } = MessagePurpose.Reply;

    /// <summary>Our own id of the message (outbound row, delivery row), echoed back where the platform allows (Messenger metadata).</summary>
    public string? Reference { get; init; }

    /// <summary>A card sent before <see cref="Text"/>: an image with a title and buttons (Messenger's generic template).</summary>
    public MessageCard? Card { get; init; }
}

/// <summary>An image card: its title, an optional line under it, the image's public URL and up to 3 buttons.</summary>
public sealed record MessageCard(string Title, string? Subtitle, string ImageUrl, IReadOnlyList<MessageButton> Buttons);

/// <summary>A quick reply: the member sees <see cref="Title"/>, we get <see cref="Payload"/> back.</summary>
public sealed record QuickReply(string Title, string Payload);

/// <summary>A button: a postback payload, a URL or a phone number, by <see cref="Kind"/>.</summary>
public sealed record MessageButton(string Title, string Value, ButtonKind Kind = ButtonKind.Postback);

/// <summary>What a <see cref="MessageButton"/> does.</summary>
public enum ButtonKind
{
    Postback = 0,
    Url = 1,
    Call = 2,
}
