namespace Outreach.Bot.Core;

/// <summary>
/// One turn: the inbound activity, a way to reply, and state shared by the middleware and the bot for this turn only
/// (Bot Builder's ITurnContext).
/// </summary>
public interface ITurnContext
{
    /// <summary>The adapter that runs this turn.</summary>
    BotAdapter Adapter { get; }

    /// <summary>The inbound activity.</summary>
    Activity Activity { get; }

    /// <summary>Values shared along the pipeline for this turn (contact, dialog state, the turn's database session…).</summary>
    TurnState TurnState { get; }

    /// <summary>True once anything was sent in this turn.</summary>
    bool Responded { get; }

    /// <summary>The activities sent in this turn, in order.</summary>
    IReadOnlyList<Activity> SentActivities { get; }

    /// <summary>Sends a text reply to the member.</summary>
    Task<ResourceResponse> SendActivityAsync(string text, IReadOnlyList<CardAction>? suggestedActions = null, CancellationToken cancellationToken = default);

    /// <summary>Sends one activity (filled in with the conversation's addresses when missing).</summary>
    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Sends activities in order. Handlers registered with <see cref="OnSendActivities"/> run first.</summary>
    Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default);

    /// <summary>Registers a handler that sees (and may change or block) every send of this turn; the crisis guard uses it.</summary>
    ITurnContext OnSendActivities(SendActivitiesHandler handler);
}

/// <summary>Intercepts sends: call <paramref name="next"/> to let them through.</summary>
public delegate Task<IReadOnlyList<ResourceResponse>> SendActivitiesHandler(
    ITurnContext turnContext, List<Activity> activities, Func<Task<IReadOnlyList<ResourceResponse>>> next, CancellationToken cancellationToken);

/// <summary>What a send returned: the id under which the message was recorded.</summary>
public sealed record ResourceResponse(string Id);
