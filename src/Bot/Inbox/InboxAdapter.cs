using System.Globalization;
using System.Text.Json;
using Npgsql;
using Outreach.Bot.Channels;
using Outreach.Bot.Core;
using Outreach.Bot.Pipeline;
using Outreach.Content.Inbox;
using Outreach.Content.Messages;

namespace Outreach.Bot.Inbox;

/// <summary>
/// The one adapter of every channel (Bot Builder's BotAdapter; channels only map events and send). It owns what is the same
/// for all of them: storing what webhooks accept (<see cref="IInbox"/>) in its lane and waking the turn workers, running a stored event's
/// activities through the pipeline and the bot inside the event's transaction (<see cref="TurnSession"/>), writing every reply
/// to the outbox in that transaction, and proactive messages (staff replies), which wake the send workers at once.
/// </summary>
public sealed class InboxAdapter : BotAdapter, IInbox
{
    private readonly IBot _bot;
    private readonly ChannelRegistry _channels;
    private readonly InboxStore _inbox;
    private readonly OutboundMessageStore _outbox;
    private readonly InboxSignal _inboxSignal;
    private readonly OutboxSignal _outboxSignal;
    private readonly CrisisLane _lanes;

    public InboxAdapter(
        TurnPipeline pipeline, IBot bot, ChannelRegistry channels, InboxStore inbox, OutboundMessageStore outbox, InboxSignal inboxSignal,
        OutboxSignal outboxSignal, CrisisLane lanes)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        _bot = bot;
        _channels = channels;
        _inbox = inbox;
        _outbox = outbox;
        _inboxSignal = inboxSignal;
        _outboxSignal = outboxSignal;
        _lanes = lanes;
        pipeline.ApplyTo(this);
    }

    /// <summary>
    /// Stores what a webhook accepted (duplicates skipped), each event in its lane (<see cref="CrisisLane"/>: a crisis message
    /// goes before the backlog), and wakes the turn workers. Returns how many were new.
    /// </summary>
    public async Task<int> AcceptAsync(IReadOnlyList<InboxEventDraft> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return 0;
        }

        var added = await _inbox.AppendAsync(events.Select(_lanes.Decide).ToList(), cancellationToken);
        _inboxSignal.Pulse();
        return added;
    }

    /// <summary>
    /// Runs the turns of one claimed event inside <paramref name="transaction"/>: its channel reads it into activities and
    /// each goes through the pipeline and the bot. Returns the event's status: "done", or "ignored" (no such channel here, a
    /// payload its channel cannot read, or nothing to act on).
    /// </summary>
    public async Task<TurnOutcome> RunTurnsAsync(NpgsqlTransaction transaction, InboxEvent inboxEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inboxEvent);
        var channel = _channels.Find(inboxEvent.Channel);
        if (channel is null)
        {
            return TurnOutcome.NoChannel;
        }

        IReadOnlyList<Activity> activities;
        try
        {
            activities = channel.ToActivities(inboxEvent);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            // The webhook was signed and well-formed JSON, but not an event we can read: keep it, skip it, say so.
            return TurnOutcome.Unreadable(ex.GetType().Name);
        }

        foreach (var activity in activities)
        {
            var context = new TurnContext(this, activity);
            context.TurnState.Set(new TurnSession(transaction, inboxEvent));
            await RunPipelineAsync(context, _bot.OnTurnAsync, cancellationToken);
        }

        return activities.Count == 0 ? TurnOutcome.Nothing : TurnOutcome.Done;
    }

    /// <summary>Records the turn's replies in the outbox, in the turn's transaction (a proactive message: on its own, sent at once).</summary>
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
                MessagePurposes.Name(message.Purpose),
                JsonSerializer.Serialize(message, OutboundMessageMapper.JsonOptions),
                session?.Urgent ?? false);
            var id = await _outbox.EnqueueAsync(session?.Transaction, draft, cancellationToken);
            responses.Add(new ResourceResponse(id.ToString(CultureInfo.InvariantCulture)));
        }

        if (session is null)
        {
            // Outside a turn (a proactive message) nothing waits for a commit: send now.
            _outboxSignal.Pulse();
        }

        return responses;
    }

    /// <summary>
    /// Runs <paramref name="callback"/> as a proactive turn in an existing conversation (no middleware): staff replies, notices.
    /// False when the conversation's channel is not served by this gateway.
    /// </summary>
    public async Task<bool> ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);
        if (_channels.Find(reference.ChannelId) is null)
        {
            return false;
        }

        var activity = new Activity
        {
            Type = ActivityTypes.Event,
            Name = "continueConversation",
            ChannelId = reference.ChannelId,
            From = new ChannelAccount(reference.UserId),
            Recipient = new ChannelAccount(reference.AccountId),
        };
        await callback(new TurnContext(this, activity), cancellationToken);
        return true;
    }

    /// <summary>Wakes the send workers after a turn's replies were committed.</summary>
    public void RepliesCommitted() => _outboxSignal.Pulse();
}

/// <summary>How the turns of one stored event ended: its inbox status, and why it was skipped when it was.</summary>
public sealed record TurnOutcome(string Status, string? Skipped = null, string? Error = null)
{
    public static TurnOutcome Done { get; } = new("done");

    /// <summary>The event held nothing to act on (our own echo, an event kind we ignore).</summary>
    public static TurnOutcome Nothing { get; } = new("ignored");

    public static TurnOutcome NoChannel { get; } = new("ignored", "no_channel");

    public static TurnOutcome Unreadable(string error) => new("ignored", "unreadable", error);
}
