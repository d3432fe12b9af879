using System.Text.Json;
using System.Text.Json.Serialization;

namespace Outreach.Bot.Channels.Messenger.Payloads;

/// <summary>
/// One item of a webhook entry's <c>messaging</c> (or <c>standby</c>) array: who, when, and exactly one event key
/// (PLATFORM-MESSENGER.md §1.3). Keys we do not model are kept in the stored raw JSON.
/// </summary>
public sealed record MessagingEvent
{
    [JsonPropertyName("sender")]
    public MessengerParty? Sender { get; init; }

    [JsonPropertyName("recipient")]
    public MessengerParty? Recipient { get; init; }

    [JsonPropertyName("timestamp")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? Timestamp { get; init; }

    [JsonPropertyName("message")]
    public MessengerMessage? Message { get; init; }

    [JsonPropertyName("postback")]
    public MessengerPostback? Postback { get; init; }

    [JsonPropertyName("delivery")]
    public MessengerDelivery? Delivery { get; init; }

    [JsonPropertyName("read")]
    public MessengerRead? Read { get; init; }

    [JsonPropertyName("reaction")]
    public MessengerReaction? Reaction { get; init; }

    [JsonPropertyName("referral")]
    public MessengerReferral? Referral { get; init; }

    [JsonPropertyName("optin")]
    public MessengerOptin? Optin { get; init; }

    [JsonPropertyName("pass_thread_control")]
    public JsonElement? PassThreadControl { get; init; }

    [JsonPropertyName("take_thread_control")]
    public JsonElement? TakeThreadControl { get; init; }

    [JsonPropertyName("request_thread_control")]
    public JsonElement? RequestThreadControl { get; init; }
}

/// <summary>A sender or recipient: a PSID or Page id, or (chat plugin opt-ins) a user_ref.</summary>
public sealed record MessengerParty
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; init; }

    [JsonPropertyName("user_ref")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? UserRef { get; init; }
}
