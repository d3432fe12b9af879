using System.Text.Json.Serialization;

namespace Outreach.Bot.Channels.Messenger.Payloads;

/// <summary>A Send API success: <c>{"recipient_id":"…","message_id":"m_…"}</c> (sender actions: recipient_id only).</summary>
public sealed record SendResponse
{
    [JsonPropertyName("recipient_id")]
    public string? RecipientId { get; init; }

    [JsonPropertyName("message_id")]
    public string? MessageId { get; init; }
}

/// <summary>Graph's error envelope <c>{"error":{…}}</c> (PLATFORM-MESSENGER.md §2.4, §6.3).</summary>
public sealed record GraphErrorEnvelope
{
    [JsonPropertyName("error")]
    public GraphError? Error { get; init; }
}

/// <summary>
/// One Graph error. Classify by <see cref="Code"/> and <see cref="Subcode"/> only: <see cref="Message"/> is localised to the
/// token owner's language (a real capture is in Chinese).
/// </summary>
public sealed record GraphError
{
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("code")]
    public int Code { get; init; }

    [JsonPropertyName("error_subcode")]
    public int? Subcode { get; init; }

    [JsonPropertyName("is_transient")]
    public bool? IsTransient { get; init; }

    [JsonPropertyName("fbtrace_id")]
    public string? TraceId { get; init; }
}
