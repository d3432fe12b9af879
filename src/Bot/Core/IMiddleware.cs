namespace Outreach.Bot.Core;

/// <summary>
/// One step of the turn pipeline (Bot Builder's IMiddleware). Steps run in the order they were added to the adapter.
/// Code before <c>await next(…)</c> runs on the way in (before the bot); code after it runs on the way out.
/// A step that does not call <c>next</c> ends the turn: later steps and the bot do not run.
/// </summary>
// Bot Builder's own names (parameter "next", type "NextDelegate") are kept so the core reads like Bot Builder (STYLE.md B.3).
#pragma warning disable CA1716, CA1711
public interface IMiddleware
{
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default);
}

/// <summary>Runs the rest of the pipeline.</summary>
public delegate Task NextDelegate(CancellationToken cancellationToken);
#pragma warning restore CA1716, CA1711
