using System.Text.Json;
using System.Text.Json.Serialization;

namespace Outreach.Bot.Channels.Zalo.Payloads;

/// <summary>
/// One webhook event (Zalo posts one per request). The shape varies by event (§2.4): members' messages have
/// <c>sender</c>/<c>recipient</c>, follow/unfollow <c>oa_id</c> + <c>follower</c>, <c>user_click_chatnow</c> flat
/// <c>oa_id</c>/<c>user_id</c>, <c>user_submit_info</c> an <c>info</c> object in one of two shapes.
/// </summary>
public sealed record ZaloWebhookEvent
{
    [JsonPropertyName("app_id")]
    public string? AppId { get; init; }

    [JsonPropertyName("event_name")]
    public string? EventName { get; init; }

    /// <summary>Milliseconds since the epoch, as the string it is: it is also the signature's third term.</summary>
    [JsonPropertyName("timestamp")]
    public string? Timestamp { get; init; }

    [JsonPropertyName("sender")]
    public ZaloParticipant? Sender { get; init; }

    [JsonPropertyName("recipient")]
    public ZaloParticipant? Recipient { get; init; }

    [JsonPropertyName("follower")]
    public ZaloParticipant? Follower { get; init; }

    [JsonPropertyName("oa_id")]
    public string? OaId { get; init; }

    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    [JsonPropertyName("user_id_by_app")]
    public string? UserIdByApp { get; init; }

    [JsonPropertyName("source")]
    public string? Source { get; init; }

    [JsonPropertyName("message")]
    public ZaloWebhookMessage? Message { get; init; }

    [JsonPropertyName("info")]
    public JsonElement? Info { get; init; }
}

/// <summary>A participant: <c>id</c> (and <c>admin_id</c> on an echo typed by an OA admin).</summary>
public sealed record ZaloParticipant(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("admin_id")] string? AdminId = null);

/// <summary>The <c>message</c> of a message event or a receipt.</summary>
public sealed record ZaloWebhookMessage
{
    [JsonPropertyName("msg_id")]
    public string? MsgId { get; init; }

    /// <summary>Read receipts name several messages (§2.6; some senders use a single <c>msg_id</c> instead).</summary>
    [JsonPropertyName("msg_ids")]
    public IReadOnlyList<string>? MsgIds { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("quote_msg_id")]
    public string? QuoteMsgId { get; init; }

    [JsonPropertyName("attachments")]
    public IReadOnlyList<ZaloWebhookAttachment>? Attachments { get; init; }
}

/// <summary>Media in a member's message (§2.5).</summary>
public sealed record ZaloWebhookAttachment(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("payload")] ZaloAttachmentPayload? Payload);

/// <summary>The union of the attachment payload fields of all types (§2.5).</summary>
public sealed record ZaloAttachmentPayload
{
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    [JsonPropertyName("thumbnail")]
    public string? Thumbnail { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>A sticker's id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>A file's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("size")]
    public string? Size { get; init; }

    [JsonPropertyName("coordinates")]
    public ZaloCoordinates? Coordinates { get; init; }
}

/// <summary>A shared location.</summary>
public sealed record ZaloCoordinates(
    [property: JsonPropertyName("latitude")] string? Latitude,
    [property: JsonPropertyName("longitude")] string? Longitude);
