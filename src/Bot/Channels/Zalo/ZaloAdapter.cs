using System.Text.Json;
using Outreach.Bot.Channels.Zalo.Payloads;
using Outreach.Bot.Core;
using Outreach.Bot.Inbox;
using Outreach.Bot.Pipeline;
using Outreach.Content.Inbox;
using Outreach.Content.Messages;

namespace Outreach.Bot.Channels.Zalo;

/// <summary>The Zalo OA channel: stored webhook events → activities. Replies go through the outbox to <see cref="ZaloSender"/>.</summary>
public sealed class ZaloAdapter(TurnPipeline pipeline, OutboundMessageStore outbox, OutboxSignal signal)
    : ChannelAdapter(pipeline, outbox, signal)
{
    public override string Channel => ChannelNames.Zalo;

    public override IReadOnlyList<Activity> ToActivities(InboxEvent inboxEvent)
    {
        ArgumentNullException.ThrowIfNull(inboxEvent);
        return ZaloActivityMapper.FromPayload(inboxEvent.Payload);
    }
}
