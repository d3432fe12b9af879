using Microsoft.Extensions.Options;
using Outreach.Bot.Core;
using Outreach.Content.Channels;
using Outreach.Content.Inbox;
using Outreach.Scheduler.Broadcasting;
using Outreach.Scheduler.Sending;

namespace Outreach.Bot.Channels.Messenger;

/// <summary>Facebook Messenger: stored webhook events → activities; what a member sees of a message (Send API parts of 2,000 characters).</summary>
public sealed class MessengerChannel(IOptions<MessengerOptions> options, IOptions<BroadcastOptions> broadcasts) : IChannel
{
    /// <summary>The channel's name, as stored.</summary>
    public const string Name = "messenger";

    /// <summary>A broadcast only within the standard window after her last message (PLATFORM-MESSENGER.md §2.5).</summary>
    public ChannelProfile Profile { get; } = new(Name, "Messenger")
    {
        BroadcastsPerSecond = 250,
        Window = new MessagingWindow(
            TimeSpan.FromHours(broadcasts.Value.MessengerWindowHours), "outside_24h_window", "Quá 24 giờ kể từ tin nhắn cuối (Messenger)"),
        StaffReplies = options.Value.HumanAgentApproved
            ? new StaffReplyWindow(TimeSpan.FromHours(24), TimeSpan.FromDays(7),
                "Hội viên nhắn lần cuối đã hơn 7 ngày: Messenger không cho phép trả lời nữa. Hãy liên hệ chị bằng cách khác (điện thoại, gặp trực tiếp).")
            : new StaffReplyWindow(TimeSpan.FromHours(24), null,
                "Hội viên nhắn lần cuối đã hơn 24 giờ. Ứng dụng chưa được Meta duyệt thẻ HUMAN_AGENT (Outreach:Messenger:HumanAgentApproved) nên Messenger không cho phép trả lời nữa. Hãy liên hệ chị bằng cách khác (điện thoại, gặp trực tiếp)."),
    };

    public IReadOnlyList<Activity> ToActivities(InboxEvent inboxEvent) =>
        MessengerActivityMapper.ToActivities(inboxEvent, options.Value.GetStartedPayload, options.Value.AppId);

    public ChannelPreview Preview(OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var bubbles = MessengerRequestBuilder.Build(message).Requests.Select(r => r.Message!).Select(m => new PreviewBubble(
            m.Text ?? m.Attachment?.Payload.Text ?? "",
            m.Attachment?.Payload.Buttons?.Select(b => b.Title).ToList() ?? [],
            m.QuickReplies?.Select(q => q.Title).ToList() ?? [])).ToList();
        return new ChannelPreview(Name, bubbles, message.Text?.Length ?? 0, MessengerTextSplitter.MaxTextLength);
    }
}
