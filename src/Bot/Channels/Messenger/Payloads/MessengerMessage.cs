using System.Text.Json;
using System.Text.Json.Serialization;

namespace Outreach.Bot.Channels.Messenger.Payloads;

/// <summary>
/// A <c>message</c> event: text, a quick-reply tap (text = the button's title, plus its payload), attachments, or the echo
/// of a message the Page sent (<see cref="IsEcho"/>).
/// </summary>
public sealed record MessengerMessage
{
    [JsonPropertyName("mid")]
    public string? Mid { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("quick_reply")]
    public MessengerQuickReplyTap? QuickReply { get; init; }

    [JsonPropertyName("attachments")]
    public IReadOnlyList<MessengerAttachment>? Attachments { get; init; }

    [JsonPropertyName("sticker_id")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? StickerId { get; init; }

    [JsonPropertyName("is_echo")]
    public bool IsEcho { get; init; }

    [JsonPropertyName("app_id")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? AppId { get; init; }

    [JsonPropertyName("metadata")]
    public string? Metadata { get; init; }
}

/// <summary>The payload of a tapped quick reply.</summary>
public sealed record MessengerQuickReplyTap
{
    [JsonPropertyName("payload")]
    public string? Payload { get; init; }
}

/// <summary>
/// An attachment: <c>image|audio|video|file|sticker</c> with <c>payload.url</c>, <c>location</c> with
/// <c>payload.coordinates</c>, <c>fallback</c> with <c>title</c>/<c>url</c>, <c>template</c> (echoes) and newer kinds.
/// </summary>
public sealed record MessengerAttachment
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("payload")]
    public JsonElement? Payload { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }
}
