using System.Text.Json;
using Outreach.Bot.Core;
using Outreach.Bot.Inbox;
using Outreach.Bot.Pipeline;
using Outreach.Content.Inbox;
using Outreach.Content.Messages;

namespace Outreach.Bot.Channels.WebChat;

/// <summary>The local web chat: a member typing in the /webchat page (or the CLI) instead of Messenger or Zalo.</summary>
public sealed class WebChatAdapter(TurnPipeline pipeline, OutboundMessageStore outbox, OutboxSignal signal)
    : ChannelAdapter(pipeline, outbox, signal)
{
    public override string Channel => ChannelNames.WebChat;

    public override IReadOnlyList<Activity> ToActivities(InboxEvent inboxEvent)
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
                Id = inboxEvent.PlatformEventId, Timestamp = timestamp, ChannelId = Channel, From = from, Recipient = to, Locale = "vi-VN",
            }
            : new Activity
            {
                Type = ActivityTypes.Message, Text = message.Text,
                Id = inboxEvent.PlatformEventId, Timestamp = timestamp, ChannelId = Channel, From = from, Recipient = to, Locale = "vi-VN",
            };
        return [activity];
    }
}
