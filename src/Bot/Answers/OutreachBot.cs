using Microsoft.Extensions.Options;
using Outreach.Bot.Core;
using Outreach.Bot.Dialogs;
using Outreach.Content.Dialogs;
using Outreach.Content.KnowledgeBase;

namespace Outreach.Bot.Answers;

/// <summary>
/// The bot at the end of the pipeline (after the crisis, opt-out and handoff guards): the greeting on first contact, taps on
/// its own buttons, keyword shortcuts, a running dialog, then the answer engine's decision for anything she types.
/// </summary>
public sealed class OutreachBot(
    CurrentKnowledge knowledge,
    IOptions<KnowledgeOptions> options,
    TimeProvider time,
    DialogStateStore dialogs,
    BotDialogs flows) : IBot
{
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var isFirstContact = activity.Name is ActivityNames.GetStarted or ActivityNames.Follow;
        if (!isFirstContact && !activity.IsMessage() && activity.Name != ActivityNames.Postback)
        {
            return;
        }

        var member = await MemberContext.ForTurnAsync(turnContext, knowledge, options.Value, time, cancellationToken);
        if (isFirstContact || Replies.PayloadOf(activity) == DialogPayloads.GetStarted)
        {
            await Replies.SendAsync(turnContext, member.Knowledge.Texts.Get("greeting"), member.Knowledge.Texts.Menu, cancellationToken);
            return;
        }

        if (Replies.PayloadOf(activity) is { Length: > 0 } payload)
        {
            await flows.HandlePayloadAsync(turnContext, member, payload, cancellationToken);
            return;
        }

        if (await flows.TryShortcutAsync(turnContext, member, activity.Text, cancellationToken))
        {
            return;
        }

        if (member.Session is { } session && member.ContactId is { } contactId
            && await dialogs.GetAsync(session.Transaction, contactId, cancellationToken) is { Dialog: ScreeningDialog.Name })
        {
            if (!ScreeningDialog.LooksLikePlace(activity.Text))
            {
                // A whole question instead of a commune: the lookup is dropped and the question answered.
                await dialogs.ClearAsync(session.Transaction, contactId, cancellationToken);
                await flows.AnswerAsync(turnContext, member, activity.Text, cancellationToken);
                return;
            }

            await flows.Screening.ContinueAsync(turnContext, member, activity.Text, cancellationToken);
            return;
        }

        await flows.AnswerAsync(turnContext, member, activity.Text, cancellationToken);
    }
}
