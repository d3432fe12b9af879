using System.Text.Json;
using System.Text.Json.Serialization;

namespace Outreach.Bot.Channels.Messenger.Payloads;

/// <summary>An inbox row's payload: the webhook item exactly as Meta sent it, with its entry's Page id and standby flag.</summary>
public sealed record MessengerStoredEvent
{
    [JsonPropertyName("page")]
    public string Page { get; init; } = "";

    /// <summary>True for an item of <c>entry.standby</c>: another app owns the thread, so the bot must not answer it.</summary>
    [JsonPropertyName("standby")]
    public bool Standby { get; init; }

    [JsonPropertyName("event")]
    public JsonElement Event { get; init; }
}
