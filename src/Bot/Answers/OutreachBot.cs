using Microsoft.Extensions.Options;
using Outreach.Bot.Answers.Registration;
using Outreach.Bot.Core;
using Outreach.Bot.Dialogs;
using Outreach.Content.Dialogs;
using Outreach.Content.KnowledgeBase;

namespace Outreach.Bot.Answers;

/// <summary>
/// The bot at the end of the pipeline (after the crisis, opt-out and handoff guards): the greeting on first contact, taps on
/// its own buttons, keyword shortcuts, a running dialog, then the answer engine's decision for anything she types. Where a
/// member belongs (a link's ref, a join code, Zalo's address form, the registration dialog offered on first contact) is
/// <see cref="RegistrationDialog"/>'s.
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
        var isArrival = activity.Name is ActivityNames.Referral or ActivityNames.SubmitInfo;
        if (!isFirstContact && !isArrival && !activity.IsMessage() && activity.Name != ActivityNames.Postback)
        {
            return;
        }

        var member = await MemberContext.ForTurnAsync(turnContext, knowledge, options.Value, time, cancellationToken);
        var registration = flows.Registration;
        if (activity.Name == ActivityNames.Referral)
        {
            // m.me link on an existing thread: her unit by the ref; an unknown or closed unit gets the dialog instead.
            if (!await registration.PlaceByRefAsync(turnContext, member, activity.Referral ?? activity.Value, cancellationToken))
            {
                await registration.StartAsync(turnContext, member, cancellationToken);
            }

            return;
        }

        if (activity.Name == ActivityNames.SubmitInfo)
        {
            await registration.SubmittedInfoAsync(turnContext, member, activity.Value, cancellationToken);
            return;
        }

        if (isFirstContact || Replies.PayloadOf(activity) == DialogPayloads.GetStarted)
        {
            await Replies.SendAsync(turnContext, member.Knowledge.Texts.Get("greeting"), member.Knowledge.Texts.Menu, cancellationToken);
            if (!await registration.PlaceByRefAsync(turnContext, member, activity.Referral, cancellationToken))
            {
                await registration.OfferAsync(turnContext, member, cancellationToken);
            }

            return;
        }

        if (activity.Referral is { Length: > 0 } reference)
        {
            await registration.PlaceByRefAsync(turnContext, member, reference, cancellationToken);
        }

        if (Replies.PayloadOf(turnContext) is { Length: > 0 } payload)
        {
            await flows.HandlePayloadAsync(turnContext, member, payload, cancellationToken);
            return;
        }

        if (await flows.TryShortcutAsync(turnContext, member, activity.Text, cancellationToken))
        {
            return;
        }

        var state = member.Session is { } session && member.ContactId is { } contactId
            ? await dialogs.GetAsync(session.Transaction, contactId, cancellationToken)
            : null;
        if (RegistrationDialog.IsRunning(state))
        {
            if (!await registration.ContinueAsync(turnContext, member, state!, activity.Text, cancellationToken))
            {
                // A question instead of a place: the dialog has ended, the question is answered.
                await flows.AnswerAsync(turnContext, member, activity.Text, cancellationToken);
            }

            return;
        }

        if (state is null && await flows.TryFeedbackAsync(turnContext, member, activity.Text, cancellationToken))
        {
            return;
        }

        if (await registration.TryJoinCodeAsync(turnContext, member, activity.Text, cancellationToken))
        {
            return;
        }

        if (state is { Dialog: ScreeningDialog.Name })
        {
            if (!ScreeningDialog.LooksLikePlace(activity.Text))
            {
                // A whole question instead of a commune: the lookup is dropped and the question answered.
                await dialogs.ClearAsync(member.Session!.Transaction, member.ContactId!.Value, cancellationToken);
                await flows.AnswerAsync(turnContext, member, activity.Text, cancellationToken);
                return;
            }

            await flows.Screening.ContinueAsync(turnContext, member, activity.Text, cancellationToken);
            return;
        }

        await flows.AnswerAsync(turnContext, member, activity.Text, cancellationToken);
    }
}
