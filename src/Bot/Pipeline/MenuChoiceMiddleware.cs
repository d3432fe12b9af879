using Microsoft.Extensions.Options;
using Outreach.Bot.Answers;
using Outreach.Bot.Core;
using Outreach.Bot.Dialogs;
using Outreach.Content.Dialogs;
using Outreach.Content.KnowledgeBase;

namespace Outreach.Bot.Pipeline;

/// <summary>
/// While the topic menu ("đăng ký") is the last thing the bot asked, a message that is one of its labels typed ("nhan tat ca",
/// "Hoạt động Hội", "Dừng tất cả", a typo tolerated: <see cref="MenuLabels"/>) acts as the tap: the opt-out guard and the bot
/// read its payload (<see cref="TypedChoice"/>). Any message ends the menu (the bot's answer is then the last thing asked; a
/// new menu is kept again). Runs after the crisis guard, so a crisis message still gets its hotlines.
/// </summary>
public sealed class MenuChoiceMiddleware(CurrentKnowledge knowledge, DialogStateStore dialogs, IOptions<KnowledgeOptions> options, TimeProvider time)
    : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (activity.IsMessage() || activity.Name == ActivityNames.Postback)
        {
            var member = await MemberContext.ForTurnAsync(turnContext, knowledge, options.Value, time, cancellationToken);
            if (member.Session is { } session && member.ContactId is { } contactId
                && await dialogs.GetAsync(session.Transaction, contactId, cancellationToken) is { Dialog: SubscriptionDialog.Name } menu)
            {
                await dialogs.ClearAsync(session.Transaction, contactId, cancellationToken);
                if (activity.IsMessage() && activity.Value is null && MenuLabels.Match(menu.Data, activity.Text) is { } payload)
                {
                    turnContext.TurnState.Set(new TypedChoice(payload));
                }
            }
        }

        await next(cancellationToken);
    }
}
