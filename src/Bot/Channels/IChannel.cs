using Outreach.Bot.Core;
using Outreach.Content.Channels;
using Outreach.Content.Inbox;
using Outreach.Scheduler.Sending;

namespace Outreach.Bot.Channels;

/// <summary>
/// The contract every channel fulfils (one folder under Channels/ each): who it is and what its platform allows
/// (<see cref="Profile"/>), how a stored webhook event becomes activities, and what a member sees of a message on it. Its
/// webhooks store events through <see cref="IInbox"/>, its sender (<see cref="IChannelSender"/>) sends replies and
/// broadcasts; its <see cref="IChannelModule"/> registers all of it. Everything else (the pipeline, the turn, the outbox,
/// eligibility and quiet hours) is channel-neutral.
/// </summary>
public interface IChannel
{
    /// <summary>Name, display name and the platform's broadcast rules (the name is the one stored in every table).</summary>
    ChannelProfile Profile { get; }

    /// <summary>
    /// The activities of one stored event (usually one; none for an event deliberately ignored, such as our own echo).
    /// Throws <see cref="System.Text.Json.JsonException"/> or <see cref="FormatException"/> for a payload it cannot read.
    /// </summary>
    IReadOnlyList<Activity> ToActivities(InboxEvent inboxEvent);

    /// <summary>What a member receives on this channel for <paramref name="message"/>, built by the code that really sends it.</summary>
    ChannelPreview Preview(OutboundMessage message);
}
