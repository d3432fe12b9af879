using System.Text.Json.Serialization;

namespace Outreach.Bot.Channels.Messenger.Payloads;

/// <summary>
/// A Send API body (<c>POST /{version}/{page-id}/messages</c>, PLATFORM-MESSENGER.md §2.2): a <see cref="Message"/> or a
/// <see cref="SenderAction"/>, never both.
/// </summary>
public sealed record SendRequest
{
    [JsonPropertyName("recipient")]
    public required SendRecipient Recipient { get; init; }

    /// <summary><c>RESPONSE</c> (a reply in the 24-hour window), <c>UPDATE</c> (proactive, in the window) or <c>MESSAGE_TAG</c>.</summary>
    [JsonPropertyName("messaging_type")]
    public string? MessagingType { get; init; }

    /// <summary>Only <c>HUMAN_AGENT</c> is sent, and only for a staff member's own words (7 days after the member wrote).</summary>
    [JsonPropertyName("tag")]
    public string? Tag { get; init; }

    [JsonPropertyName("message")]
    public SendMessage? Message { get; init; }

    /// <summary><c>typing_on</c>, <c>typing_off</c> or <c>mark_seen</c>.</summary>
    [JsonPropertyName("sender_action")]
    public string? SenderAction { get; init; }
}

public sealed record SendRecipient([property: JsonPropertyName("id")] string Id);

/// <summary>Text (≤ 2000 characters) or an attachment, with up to 13 quick replies and our metadata (echoed back, ≤ 1000).</summary>
public sealed record SendMessage
{
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("attachment")]
    public SendAttachment? Attachment { get; init; }

    [JsonPropertyName("quick_replies")]
    public IReadOnlyList<SendQuickReply>? QuickReplies { get; init; }

    [JsonPropertyName("metadata")]
    public string? Metadata { get; init; }
}

/// <summary><c>image</c> (payload.url) or <c>template</c> (payload.template_type "button", text ≤ 640, ≤ 3 buttons).</summary>
public sealed record SendAttachment(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("payload")] SendAttachmentPayload Payload);

public sealed record SendAttachmentPayload
{
    [JsonPropertyName("template_type")]
    public string? TemplateType { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("buttons")]
    public IReadOnlyList<SendButton>? Buttons { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }

    [JsonPropertyName("is_reusable")]
    public bool? IsReusable { get; init; }

    /// <summary>A generic template's elements (≤ 10; one here).</summary>
    [JsonPropertyName("elements")]
    public IReadOnlyList<SendElement>? Elements { get; init; }
}

/// <summary>One element of a generic template: title (≤ 80), subtitle (≤ 80), image_url, buttons (≤ 3).</summary>
public sealed record SendElement
{
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("subtitle")]
    public string? Subtitle { get; init; }

    [JsonPropertyName("image_url")]
    public string? ImageUrl { get; init; }

    [JsonPropertyName("buttons")]
    public IReadOnlyList<SendButton>? Buttons { get; init; }
}

/// <summary>A template button: <c>postback</c> (payload), <c>web_url</c> (url) or <c>phone_number</c> (payload = the number).</summary>
public sealed record SendButton
{
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("payload")]
    public string? Payload { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }
}

public sealed record SendQuickReply(
    [property: JsonPropertyName("content_type")] string ContentType,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("payload")] string Payload);
