using System.Text.Json;

namespace Outreach.Bot.Channels.WebChat;

/// <summary>What the web chat page posts: who is typing, what, and the payload of a tapped choice.</summary>
public sealed record WebChatMessage(string UserId, string? Text, string? Payload = null, string? Name = null, string? ClientMessageId = null)
{
    /// <summary>The web chat's "Page": one account for the whole local chat.</summary>
    public const string AccountId = "local";

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
