namespace Outreach.Bot.Core;

/// <summary>An ordered chain of middleware ending in the bot callback (Bot Builder's MiddlewareSet, recursion by index).</summary>
public sealed class MiddlewareSet
{
    private readonly List<IMiddleware> _middleware = [];

    public IReadOnlyList<IMiddleware> Items => _middleware;

    public MiddlewareSet Use(IMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _middleware.Add(middleware);
        return this;
    }

    public Task ReceiveActivityWithStatusAsync(ITurnContext turnContext, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        RunAsync(turnContext, callback, 0, cancellationToken);

    private Task RunAsync(ITurnContext turnContext, BotCallbackHandler callback, int index, CancellationToken cancellationToken)
    {
        if (index == _middleware.Count)
        {
            return callback(turnContext, cancellationToken);
        }

        return _middleware[index].OnTurnAsync(turnContext, ct => RunAsync(turnContext, callback, index + 1, ct), cancellationToken);
    }
}
