using System.Text.Json.Serialization;

namespace Outreach.Bot.Channels.Zalo.Payloads;

/// <summary>The body of <c>POST /v3.0/oa/message/cs</c>, a consultation message (§3.2, samples R1, R2).</summary>
public sealed record ZaloSendRequest(
    [property: JsonPropertyName("recipient")] ZaloRecipient Recipient,
    [property: JsonPropertyName("message")] ZaloOutgoingMessage Message);

public sealed record ZaloRecipient([property: JsonPropertyName("user_id")] string UserId);

/// <summary>Text (at most 2000 characters) and/or one attachment.</summary>
public sealed record ZaloOutgoingMessage(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("attachment")] ZaloOutgoingAttachment? Attachment = null);

/// <summary><c>{type:"template", payload:{template_type:"media", elements:[…]}}</c>.</summary>
public sealed record ZaloOutgoingAttachment(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("payload")] ZaloTemplatePayload Payload)
{
    /// <summary>An image sent by its public URL (R2).</summary>
    public static ZaloOutgoingAttachment Image(string url) =>
        new("template", new ZaloTemplatePayload("media", [new ZaloMediaElement("image", url)]));
}

public sealed record ZaloTemplatePayload(
    [property: JsonPropertyName("template_type")] string TemplateType,
    [property: JsonPropertyName("elements")] IReadOnlyList<ZaloMediaElement> Elements);

public sealed record ZaloMediaElement(
    [property: JsonPropertyName("media_type")] string MediaType,
    [property: JsonPropertyName("url")] string? Url);
