using Microsoft.Extensions.Options;
using Outreach.Bot.Core;
using Outreach.Bot.Inbox;
using Outreach.Bot.Pipeline;
using Outreach.Content.Inbox;
using Outreach.Content.Messages;

namespace Outreach.Bot.Channels.Messenger;

/// <summary>Facebook Messenger: stored webhook events → activities; replies go to the outbox and then <see cref="MessengerSender"/>.</summary>
public sealed class MessengerAdapter(
    TurnPipeline pipeline, OutboundMessageStore outbox, OutboxSignal signal, IOptions<MessengerOptions> options)
    : ChannelAdapter(pipeline, outbox, signal)
{
    public override string Channel => ChannelNames.Messenger;

    public override IReadOnlyList<Activity> ToActivities(InboxEvent inboxEvent) =>
        MessengerActivityMapper.ToActivities(inboxEvent, options.Value.GetStartedPayload);
}
