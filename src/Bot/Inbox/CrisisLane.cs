using System.Text.Json;
using Outreach.Bot.Channels;
using Outreach.Bot.Core;
using Outreach.Content.Inbox;
using Outreach.Content.KnowledgeBase;

namespace Outreach.Bot.Inbox;

/// <summary>
/// Decides an event's lane at ingest, before it is stored: a member's message that the crisis detector of the current pack
/// judges a crisis is urgent, so its turn (the hotline reply) is claimed before any backlog. The text is read the way its
/// turn will read it (the channel's own mapping) and assessed through the detector's text entry point, as the answer
/// engine's crisis decision does. Before the first pack is loaded, or for an event the channel cannot read, the lane is normal.
/// </summary>
public sealed class CrisisLane(ChannelRegistry channels, CurrentKnowledge knowledge)
{
    public InboxEventDraft Decide(InboxEventDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (knowledge.Current is not { } snapshot || channels.Find(draft.Channel) is not { } channel)
        {
            return draft;
        }

        IReadOnlyList<Activity> activities;
        try
        {
            activities = channel.ToActivities(new InboxEvent(
                0, draft.Channel, draft.PlatformEventId, draft.Kind, draft.AccountId, draft.SenderId, draft.EventTime, draft.Payload, 0));
        }
        catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return draft;
        }

        return activities.Any(a => a.IsMessage() && a.Text is { Length: > 0 } text && IsCrisis(snapshot, text))
            ? draft with { Priority = InboxPriorities.Urgent }
            : draft;
    }

    // The same detector the answer engine's crisis decision uses (clauses, English, teencode), so the lane and the turn agree;
    // the ack never waits for the learned second opinion's training (the first seconds of a process: rules only until then).
    private static bool IsCrisis(KnowledgeSnapshot snapshot, string text) => snapshot.Crisis.AssessWithoutWaiting(text).IsCrisis;
}
