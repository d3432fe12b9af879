using System.Text.Json.Serialization;

namespace Outreach.Bot.Channels.Messenger.Payloads;

/// <summary>A postback button, persistent-menu or Get Started tap (<c>payload</c> is absent for standby copies).</summary>
public sealed record MessengerPostback
{
    [JsonPropertyName("mid")]
    public string? Mid { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("payload")]
    public string? Payload { get; init; }

    [JsonPropertyName("referral")]
    public MessengerReferral? Referral { get; init; }
}

/// <summary>Our messages reached the member: the named mids (may be absent) and everything sent before the watermark (ms).</summary>
public sealed record MessengerDelivery
{
    [JsonPropertyName("mids")]
    public IReadOnlyList<string>? Mids { get; init; }

    [JsonPropertyName("watermark")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? Watermark { get; init; }
}

/// <summary>The member read everything we sent before the watermark (ms).</summary>
public sealed record MessengerRead
{
    [JsonPropertyName("watermark")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? Watermark { get; init; }
}

/// <summary>A reaction (or its removal) to the message <c>mid</c>.</summary>
public sealed record MessengerReaction
{
    [JsonPropertyName("mid")]
    public string? Mid { get; init; }

    [JsonPropertyName("action")]
    public string? Action { get; init; }

    [JsonPropertyName("emoji")]
    public string? Emoji { get; init; }

    [JsonPropertyName("reaction")]
    public string? Reaction { get; init; }
}

/// <summary>The member came through an m.me link, an ad or the chat plugin with a <c>ref</c>.</summary>
public sealed record MessengerReferral
{
    [JsonPropertyName("ref")]
    public string? Ref { get; init; }

    [JsonPropertyName("source")]
    public string? Source { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }
}

/// <summary>A plugin opt-in (<c>ref</c>, <c>user_ref</c>) or a notification opt-in (<c>type</c>, <c>payload</c>).</summary>
public sealed record MessengerOptin
{
    [JsonPropertyName("ref")]
    public string? Ref { get; init; }

    [JsonPropertyName("user_ref")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? UserRef { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("payload")]
    public string? Payload { get; init; }
}
