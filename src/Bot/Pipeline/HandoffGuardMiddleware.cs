using Microsoft.Extensions.Options;
using Outreach.Bot.Core;
using Outreach.Content.Handoffs;

namespace Outreach.Bot.Pipeline;

/// <summary>
/// While a person holds the conversation the bot stays silent: the member's messages are kept in the inbox for staff, and
/// nothing automatic answers over them. A person holds it after taking it in the console (until released) or after answering on
/// the platform itself (Business Suite, OA Chat, another app taking the thread: until the thread comes back or
/// <see cref="HandoffOptions.HumanQuietMinutes"/> pass after her last message). A requested (not yet taken) handoff lets the bot go on.
/// </summary>
public sealed class HandoffGuardMiddleware(HandoffStore handoffs, IOptions<HandoffOptions> options) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var session = turnContext.TurnState.Get<TurnSession>();
        if (session?.Contact is not { } contact)
        {
            await next(cancellationToken);
            return;
        }

        var activity = turnContext.Activity;
        switch (activity.Name)
        {
            case ActivityNames.HumanTakeover:
                await handoffs.TakeOverOnPlatformAsync(
                    session.Transaction, contact.Id, activity.Timestamp, activity.Timestamp + options.Value.HumanQuiet, cancellationToken);
                return;
            case ActivityNames.HumanRelease:
                await handoffs.EndOnPlatformAsync(session.Transaction, contact.Id, activity.Timestamp, cancellationToken);
                return;
        }

        if (await handoffs.FindOpenAsync(session.Transaction, contact.Id, cancellationToken) is { Status: HandoffStatuses.Active } held)
        {
            // Measured on the member's own clock: she wrote after the person's quiet time, so the bot answers her again.
            if (!(held.IsOnPlatform && held.QuietUntil is { } until && activity.Timestamp >= until))
            {
                return;
            }

            await handoffs.EndOnPlatformAsync(session.Transaction, contact.Id, activity.Timestamp, cancellationToken);
        }

        await next(cancellationToken);
    }
}
