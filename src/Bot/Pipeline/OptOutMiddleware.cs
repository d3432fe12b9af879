using Microsoft.Extensions.Options;
using Outreach.Bot.Answers;
using Outreach.Bot.Core;
using Outreach.Bot.Dialogs;
using Outreach.Content.ContentPacks;
using Outreach.Content.Dialogs;
using Outreach.Content.KnowledgeBase;
using Outreach.Content.Stats;
using Outreach.Content.Subscriptions;

namespace Outreach.Bot.Pipeline;

/// <summary>
/// A message that is only an opt-out word ("dừng", "hủy", "STOP"… from texts.yaml) or the "stop all" button: every topic is
/// muted, hotline news included (her phone may be read by the person she fears), any running dialog ends, the opt-out is
/// counted against the broadcast she last got (reach "unsubscribed"), and she is told so. Runs after the crisis guard, so a
/// crisis message still gets its hotlines, and the hotline answer still comes whenever she asks.
/// </summary>
public sealed class OptOutMiddleware(
    CurrentKnowledge knowledge, SubscriptionStore subscriptions, DialogStateStore dialogs, IOptions<KnowledgeOptions> options, TimeProvider time,
    ReachEventStore reach)
    : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        var member = await MemberContext.ForTurnAsync(turnContext, knowledge, options.Value, time, cancellationToken);
        var payload = Replies.PayloadOf(turnContext);
        var isStop = payload == DialogPayloads.UnsubscribeAll
            || (activity.IsMessage() && payload is null && Replies.IsOneOf(activity.Text, member.Knowledge.Texts.Words("optout_words")));
        if (!isStop)
        {
            await next(cancellationToken);
            return;
        }

        if (member.Session is { } session && member.ContactId is { } contactId)
        {
            await subscriptions.OptOutAllAsync(session.Transaction, contactId, time.GetUtcNow(), cancellationToken);
            // Counted as "unsubscribed" to the broadcast she last got, in the same transaction as the opt-out.
            await reach.RecordUnsubscribedAsync(session.Transaction, contactId, activity.Timestamp, cancellationToken);

            await dialogs.ClearAsync(session.Transaction, contactId, cancellationToken);
        }

        var texts = member.Knowledge.Texts;
        var resubscribe = new MenuItem(texts.Get("resubscribe"), DialogPayloads.Subscribe);
        await Replies.SendAsync(turnContext, texts.Get("optout_done"), [resubscribe], cancellationToken);
    }
}
