using System.Text.Json;
using Outreach.Bot.Core;
using Outreach.Bot.Inbox;
using Outreach.Bot.Pipeline;
using Outreach.Content.Inbox;
using Outreach.Content.Messages;
using Outreach.Scheduler.Sending;

namespace Outreach.Bot.Channels;

/// <summary>
/// The base of every channel adapter: a channel turns its stored webhook events into activities (<see cref="ToActivities"/>);
/// replies of a turn are recorded in the outbox within the turn's transaction and sent after it commits.
/// </summary>
public abstract class ChannelAdapter : BotAdapter
{
    private readonly OutboundMessageStore _outbox;
    private readonly OutboxSignal _signal;

    protected ChannelAdapter(TurnPipeline pipeline, OutboundMessageStore outbox, OutboxSignal signal)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        _outbox = outbox;
        _signal = signal;
        pipeline.ApplyTo(this);
    }

    /// <summary>The channel name ("messenger", "zalo", "webchat").</summary>
    public abstract string Channel { get; }

    /// <summary>
    /// The activities of one stored event (usually one; none for an event we deliberately ignore, such as our own echo).
    /// Throws <see cref="JsonException"/> or <see cref="FormatException"/> for a payload it cannot read.
    /// </summary>
    public abstract IReadOnlyList<Activity> ToActivities(InboxEvent inboxEvent);

    public override async Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(
        ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activities);
        var session = turnContext.TurnState.Get<TurnSession>();
        var responses = new List<ResourceResponse>(activities.Count);
        foreach (var activity in activities)
        {
            var message = OutboundMessageMapper.FromActivity(activity);
            var draft = new OutboundDraft(
                message.Channel,
                message.AccountId,
                message.RecipientId,
                session?.Contact?.Id,
                session?.InboxEvent.Id,
                session?.NextSeq() ?? 0,
                OutboundMessageMapper.PurposeName(message.Purpose),
                JsonSerializer.Serialize(message, OutboundMessageMapper.JsonOptions));
            var id = await _outbox.EnqueueAsync(session?.Transaction, draft, cancellationToken);
            responses.Add(new ResourceResponse(id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (session is null)
        {
            // Outside a turn (a proactive message) nothing waits for a commit: send now.
            _signal.Pulse();
        }

        return responses;
    }

    /// <summary>Runs <paramref name="callback"/> as a proactive turn in an existing conversation (no middleware): staff replies, alerts.</summary>
    public async Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);
        var activity = new Activity
        {
            Type = ActivityTypes.Event,
            Name = "continueConversation",
            ChannelId = reference.ChannelId,
            From = new ChannelAccount(reference.UserId),
            Recipient = new ChannelAccount(reference.AccountId),
        };
        await callback(new TurnContext(this, activity), cancellationToken);
    }
}
