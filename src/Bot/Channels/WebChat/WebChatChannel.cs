using System.Text.Json;
using Outreach.Bot.Core;
using Outreach.Content.Channels;
using Outreach.Content.Inbox;
using Outreach.Scheduler.Sending;

namespace Outreach.Bot.Channels.WebChat;

/// <summary>
/// The local web chat: a member typing in the /webchat page (or the CLI) instead of Messenger or Zalo. The smallest complete
/// channel: this contract, a module, endpoints that store what the page posts, and a sender (the page reads the outbox).
/// </summary>
public sealed class WebChatChannel : IChannel
{
    /// <summary>The channel's name, as stored.</summary>
    public const string Name = "webchat";

    /// <summary>Longest text shown as one message (the page shows any length; the console's preview measures against this).</summary>
    public const int MaxTextLength = 2000;

    public ChannelProfile Profile { get; } = new(Name, "Web chat (thử nghiệm)") { IsForTrying = true, BroadcastsPerSecond = 1000 };

    public IReadOnlyList<Activity> ToActivities(InboxEvent inboxEvent)
    {
        ArgumentNullException.ThrowIfNull(inboxEvent);
        var message = JsonSerializer.Deserialize<WebChatMessage>(inboxEvent.Payload, WebChatMessage.JsonOptions)
            ?? throw new JsonException("Empty web chat message.");
        var from = new ChannelAccount(message.UserId, message.Name);
        var to = new ChannelAccount(WebChatMessage.AccountId);
        var timestamp = inboxEvent.EventTime ?? DateTimeOffset.UnixEpoch;
        var activity = message.Payload is { Length: > 0 } payload
            ? new Activity
            {
                Type = ActivityTypes.Event, Name = ActivityNames.Postback, Value = payload, Text = message.Text,
                Id = inboxEvent.PlatformEventId, Timestamp = timestamp, ChannelId = Name, From = from, Recipient = to, Locale = "vi-VN",
            }
            : new Activity
            {
                Type = ActivityTypes.Message, Text = message.Text,
                Id = inboxEvent.PlatformEventId, Timestamp = timestamp, ChannelId = Name, From = from, Recipient = to, Locale = "vi-VN",
            };
        return [activity];
    }

    public ChannelPreview Preview(OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new ChannelPreview(Name, [new PreviewBubble(message.Text ?? "", [], [])], message.Text?.Length ?? 0, MaxTextLength);
    }
}
