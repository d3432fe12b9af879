using Microsoft.Extensions.Options;
using Outreach.Bot.Core;
using Outreach.Content.Channels;
using Outreach.Content.Inbox;
using Outreach.Scheduler.Broadcasting;
using Outreach.Scheduler.Sending;

namespace Outreach.Bot.Channels.Zalo;

/// <summary>The Zalo OA: stored webhook events → activities; what a member sees of a message (numbered choices, the OA's text limit).</summary>
public sealed class ZaloChannel(IOptions<ZaloOptions> options, IOptions<BroadcastOptions> broadcasts) : IChannel
{
    /// <summary>The channel's name, as stored.</summary>
    public const string Name = "zalo";

    /// <summary>
    /// A broadcast only within the 7-day consultation window, a few per member per day and month, and in Zalo's delivery
    /// hours (PLATFORM-ZALO.md §3.4, §4.2; the quotas and hours are uncertain in the sources, so settings).
    /// </summary>
    public ChannelProfile Profile { get; } = new(Name, "Zalo")
    {
        BroadcastsPerSecond = 50,
        // Consultation messages are free within 48 hours of her last interaction and billed up to 7 days (PLATFORM-ZALO.md §3):
        // a union broadcast stays in the free window unless the paid one is chosen.
        Window = broadcasts.Value.ZaloUsePaidWindow
            ? new MessagingWindow(TimeSpan.FromDays(broadcasts.Value.ZaloWindowDays), "outside_7d_window", "Quá 7 ngày kể từ lần tương tác cuối (Zalo)")
            : new MessagingWindow(
                TimeSpan.FromHours(broadcasts.Value.ZaloFreeWindowHours), "outside_48h_window",
                "Quá 48 giờ kể từ lần tương tác cuối (Zalo: ngoài thời gian gửi miễn phí)"),
        Quota = new BroadcastQuota(broadcasts.Value.ZaloMaxPerDay, broadcasts.Value.ZaloMaxPerMonth, "zalo_quota", "Đã nhận đủ số tin cho phép (Zalo)"),
        Hours = new DeliveryHours(broadcasts.Value.ZaloFrom, broadcasts.Value.ZaloUntil),
    };

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
