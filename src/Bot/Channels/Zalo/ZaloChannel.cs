using Microsoft.Extensions.Options;
using Outreach.Bot.Core;
using Outreach.Content.Channels;
using Outreach.Content.Inbox;
using Outreach.Scheduler.Sending;

namespace Outreach.Bot.Channels.Zalo;

/// <summary>The Zalo OA: stored webhook events → activities; what a member sees of a message (numbered choices, the OA's text limit).</summary>
public sealed class ZaloChannel(IOptions<ZaloOptions> options) : IChannel
{
    /// <summary>The channel's name, as stored.</summary>
    public const string Name = "zalo";

    public ChannelProfile Profile { get; } = new(Name, "Zalo") { BroadcastsPerSecond = 50 };

    public IReadOnlyList<Activity> ToActivities(InboxEvent inboxEvent)
    {
        ArgumentNullException.ThrowIfNull(inboxEvent);
        return ZaloActivityMapper.FromPayload(inboxEvent.Payload);
    }

    public ChannelPreview Preview(OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var bubbles = ZaloMessageMapper.ToRequests(message, settings)
            .Where(r => r.Message.Text is not null)
            .Select(r => new PreviewBubble(r.Message.Text!, [], []))
            .ToList();
        return new ChannelPreview(Name, bubbles, message.Text?.Length ?? 0, settings.MaxTextLength);
    }
}
