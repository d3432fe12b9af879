using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Messenger;
using Outreach.Bot.Channels.Zalo;
using Outreach.Content.Broadcasts;
using Outreach.Content.Posts;
using Outreach.Scheduler.Broadcasting;
using Outreach.Scheduler.Sending;

namespace Outreach.Bot.Staff.Console.Previews;

/// <summary>
/// What a member will see of a post on each of its channels. It runs the code that really sends: the broadcast's message
/// (<see cref="BroadcastMessage"/>) through Messenger's request builder (parts of at most 2000 characters, buttons, quick
/// replies) and Zalo's mapper (numbered choices, its text limit), so the preview cannot drift from what goes out.
/// </summary>
public sealed class MessagePreviewer(IOptions<ZaloOptions> zaloOptions, BroadcastMessage messages)
{
    public IReadOnlyList<ChannelPreview> Preview(Post post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return post.AudienceChannels.Select(channel => Preview(post, channel)).ToList();
    }

    public ChannelPreview Preview(Post post, string channel)
    {
        ArgumentNullException.ThrowIfNull(post);
        var delivery = new ClaimedDelivery(0, channel, "preview", "preview", "active", null, true);
        // With tracking on, the link is a tracked one (of no real member), as long as the members' own.
        var message = messages.Compose(post, 0, delivery);
        var characters = message.Text?.Length ?? 0;
        return channel switch
        {
            "messenger" => Messenger(message, characters),
            "zalo" => Zalo(message, characters),
            _ => new ChannelPreview(channel, [new PreviewBubble(message.Text ?? "", [], [])], characters,
                MessengerTextSplitter.MaxTextLength),
        };
    }

    private static ChannelPreview Messenger(OutboundMessage message, int characters)
    {
        var bubbles = MessengerRequestBuilder.Build(message).Requests.Select(r => r.Message!).Select(m => new PreviewBubble(
            m.Text ?? m.Attachment?.Payload.Text ?? "",
            m.Attachment?.Payload.Buttons?.Select(b => b.Title).ToList() ?? [],
            m.QuickReplies?.Select(q => q.Title).ToList() ?? [])).ToList();
        return new ChannelPreview("messenger", bubbles, characters, MessengerTextSplitter.MaxTextLength);
    }

    private ChannelPreview Zalo(OutboundMessage message, int characters)
    {
        var options = zaloOptions.Value;
        var bubbles = ZaloMessageMapper.ToRequests(message, options)
            .Where(r => r.Message.Text is not null)
            .Select(r => new PreviewBubble(r.Message.Text!, [], []))
            .ToList();
        return new ChannelPreview("zalo", bubbles, characters, options.MaxTextLength);
    }
}

/// <summary>The messages a member receives on one channel, in order, and how the text measures against that channel's limit.</summary>
public sealed record ChannelPreview(string Channel, IReadOnlyList<PreviewBubble> Bubbles, int Characters, int Limit)
{
    /// <summary>True when the text is longer than one message holds, so the member gets it in several.</summary>
    public bool IsSplit => Bubbles.Count > 1;
}

/// <summary>One message: its text, the buttons under it and the quick replies offered with it.</summary>
public sealed record PreviewBubble(string Text, IReadOnlyList<string> Buttons, IReadOnlyList<string> QuickReplies);
