using System.Globalization;
using Outreach.Content.Broadcasts;
using Outreach.Content.Posts;
using Outreach.Content.Stats;
using Outreach.Scheduler.Sending;
using Outreach.Content.Messages;

namespace Outreach.Scheduler.Broadcasting;

/// <summary>
/// What one member receives for a post: its title, body and link, as a broadcast message. With tracking on, the link is
/// the member's own tracked link (<see cref="ClickLinks"/>): a click is counted, then redirected to the post's link.
/// </summary>
public sealed class BroadcastMessage(ClickLinks links)
{
    /// <summary>Messages with the post's link as written (tracking off).</summary>
    public static BroadcastMessage Untracked { get; } = new(new ClickLinks(Microsoft.Extensions.Options.Options.Create(new TrackingOptions())));

    /// <summary>
    /// The member's message. With <paramref name="imageUrl"/> (the post's image at its public address) a Messenger member gets a
    /// card first (Messenger's generic template: the image, the title, a "Xem chi tiết" button to the link), then the body.
    /// </summary>
    public OutboundMessage Compose(Post post, long broadcastId, ClaimedDelivery delivery, string? imageUrl = null)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(delivery);
        var link = post.LinkUrl is { Length: > 0 } written ? links.LinkFor(broadcastId, delivery.ContactId) ?? written : null;
        if (imageUrl is not null && delivery.Channel == "messenger")
        {
            return new OutboundMessage
            {
                Channel = delivery.Channel,
                AccountId = delivery.AccountId,
                RecipientId = delivery.PlatformUserId,
                Card = new MessageCard(post.Title, null, imageUrl, link is null ? [] : [new MessageButton("Xem chi tiết", link, ButtonKind.Url)]),
                Text = post.Body,
                Purpose = MessagePurpose.Broadcast,
                Reference = string.Create(CultureInfo.InvariantCulture, $"b{broadcastId}:{delivery.ContactId}"),
            };
        }

        var text = post.Title + "\n\n" + post.Body + (link is null ? "" : "\n" + link);
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
