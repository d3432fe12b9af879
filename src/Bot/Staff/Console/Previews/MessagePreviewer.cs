using Outreach.Bot.Channels;
using Outreach.Content.Broadcasts;
using Outreach.Content.Posts;
using Outreach.Scheduler.Broadcasting;

namespace Outreach.Bot.Staff.Console.Previews;

/// <summary>
/// What a member will see of a post on each of its channels. It runs the code that really sends: the broadcast's message
/// (<see cref="BroadcastMessage"/>) through each channel's own preview (<see cref="IChannel.Preview"/>: Messenger's request
/// builder, Zalo's mapper…), so the preview cannot drift from what goes out.
/// </summary>
public sealed class MessagePreviewer(ChannelRegistry channels, BroadcastMessage messages)
{
    public IReadOnlyList<ChannelPreview> Preview(Post post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return post.Audience.Channels.Select(channel => Preview(post, channel)).ToList();
    }

    public ChannelPreview Preview(Post post, string channel)
    {
        ArgumentNullException.ThrowIfNull(post);
        var delivery = new ClaimedDelivery(0, channel, "preview", "preview");
        // With tracking on, the link is a tracked one (of no real member), as long as the members' own.
        var message = messages.Compose(post, 0, delivery);
        return channels.Find(channel)?.Preview(message)
            ?? new ChannelPreview(channel, [new PreviewBubble(message.Text ?? "", [], [])], message.Text?.Length ?? 0, message.Text?.Length ?? 0);
    }
}
