using System.Globalization;
using Outreach.Content.Broadcasts;
using Outreach.Content.Posts;
using Outreach.Scheduler.Sending;

namespace Outreach.Scheduler.Broadcasting;

/// <summary>What one member receives for a post: its title, body and link, as a broadcast message.</summary>
public static class BroadcastMessage
{
    public static OutboundMessage Compose(Post post, long broadcastId, ClaimedDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(delivery);
        var text = post.Title + "\n\n" + post.Body + (post.LinkUrl is { Length: > 0 } link ? "\n" + link : "");
        return new OutboundMessage
        {
            Channel = delivery.Channel,
            AccountId = delivery.AccountId,
            RecipientId = delivery.PlatformUserId,
            Text = text,
            Purpose = MessagePurpose.Broadcast,
            Reference = string.Create(CultureInfo.InvariantCulture, $"b{broadcastId}:{delivery.ContactId}"),
        };
    }
}
