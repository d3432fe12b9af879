using Outreach.Bot.Core;
using Outreach.Content.Handoffs;

namespace Outreach.Bot.Pipeline;

/// <summary>
/// While a staff member holds the conversation (an active handoff) the bot stays silent: the member's messages are kept in
/// the inbox for staff, and nothing automatic answers over them. A requested (not yet taken) handoff lets the bot go on.
/// </summary>
public sealed class HandoffGuardMiddleware(HandoffStore handoffs) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var session = turnContext.TurnState.Get<TurnSession>();
        if (session?.Contact is { } contact
            && await handoffs.FindOpenAsync(session.Transaction, contact.Id, cancellationToken) is { Status: HandoffStatuses.Active })
        {
            return;
        }

        await next(cancellationToken);
    }
}
