namespace Outreach.Bot.Core;

/// <summary>
/// Turns a channel's events into turns and a turn's replies into the channel's messages (Bot Builder's BotAdapter).
/// Subclasses decide where replies go; the pipeline (middleware in order, then the bot) is the same for all channels.
/// </summary>
public abstract class BotAdapter
{
    /// <summary>The middleware, in the order they run.</summary>
    public MiddlewareSet MiddlewareSet { get; } = new();

    /// <summary>Called when a turn throws. It may reply (through the context) and decides whether the error propagates.</summary>
    public Func<ITurnContext, Exception, Task>? OnTurnError { get; set; }

    /// <summary>Adds a middleware at the end of the pipeline.</summary>
    public BotAdapter Use(IMiddleware middleware)
    {
        MiddlewareSet.Use(middleware);
        return this;
    }

    /// <summary>Delivers (or records for delivery) the activities of a turn, in order.</summary>
    public abstract Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(
        ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    /// <summary>Runs the middleware and then <paramref name="callback"/>; an exception goes to <see cref="OnTurnError"/> when set.</summary>
    public async Task RunPipelineAsync(ITurnContext turnContext, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(callback);
        try
        {
            await MiddlewareSet.ReceiveActivityWithStatusAsync(turnContext, callback, cancellationToken);
        }
        catch (Exception ex) when (OnTurnError is not null && ex is not OperationCanceledException)
        {
            await OnTurnError(turnContext, ex);
        }
    }
}
