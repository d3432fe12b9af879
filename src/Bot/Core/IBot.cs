namespace Outreach.Bot.Core;

/// <summary>The bot: called once per turn, after the middleware, unless a middleware short-circuits (Bot Builder's IBot).</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}

/// <summary>The end of the pipeline: usually <see cref="IBot.OnTurnAsync"/>.</summary>
public delegate Task BotCallbackHandler(ITurnContext turnContext, CancellationToken cancellationToken);
