using Outreach.Bot.Core;
using Outreach.Bot.Dialogs;
using Outreach.Content.ContentPacks;
using Outreach.Content.Dialogs;
using Outreach.Content.Stats;
using Outreach.Content.Subscriptions;

namespace Outreach.Bot.Answers;

/// <summary>
/// Subscribing to topics by button: the menu of topics, then "SUB:&lt;topic&gt;" / "UNSUB:&lt;topic&gt;" taps. The menu is kept
/// as her running dialog (<see cref="Name"/>, its buttons as data) so that a label typed instead of tapped acts as the tap
/// (Pipeline/MenuChoiceMiddleware) while the menu is the last thing the bot asked.
/// </summary>
public sealed class SubscriptionDialog(SubscriptionStore subscriptions, TimeProvider time, ReachEventStore reach, DialogStateStore dialogs)
{
    public const string Name = "subscribe";

    public const string MenuStep = "menu";

    public async Task ShowMenuAsync(ITurnContext turnContext, MemberContext member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var texts = member.Knowledge.Texts;
        var choices = new List<MenuItem>();
        if (member.Session is { } session)
        {
            var topics = await subscriptions.ListTopicsAsync(session.Transaction, cancellationToken);
            choices.AddRange(topics.Select(t => new MenuItem(t.Name, DialogPayloads.SubscribePrefix + t.Code)));
        }

        choices.Add(new MenuItem(texts.Get("subscribe_all"), DialogPayloads.SubscribePrefix + DialogPayloads.All));
        choices.Add(new MenuItem(texts.Get("unsubscribe_all"), DialogPayloads.UnsubscribeAll));
        await Replies.SendAsync(turnContext, texts.Get("subscribe_menu"), choices, cancellationToken);
        if (member.Session is { } current && member.ContactId is { } contactId)
        {
            await dialogs.SetAsync(
                current.Transaction, contactId, new DialogState(Name, MenuStep, MenuLabels.ToData(choices)), time.GetUtcNow(), cancellationToken);
        }
    }

    /// <summary>Handles a "SUB:…" or "UNSUB:…" payload (UNSUB:ALL is the opt-out middleware's).</summary>
    public async Task HandleAsync(ITurnContext turnContext, MemberContext member, string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(payload);
        var texts = member.Knowledge.Texts;
        if (member.Session is not { } session || member.ContactId is not { } contactId)
        {
            await ShowMenuAsync(turnContext, member, cancellationToken);
            return;
        }

        var subscribe = payload.StartsWith(DialogPayloads.SubscribePrefix, StringComparison.Ordinal);
        var code = payload[(subscribe ? DialogPayloads.SubscribePrefix : DialogPayloads.UnsubscribePrefix).Length..];
        var topics = await subscriptions.ListTopicsAsync(session.Transaction, cancellationToken);
        var chosen = code == DialogPayloads.All ? topics.ToList() : topics.Where(t => t.Code == code).ToList();
        if (chosen.Count == 0)
        {
            await ShowMenuAsync(turnContext, member, cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        var names = string.Join(", ", chosen.Select(t => t.Name));
        if (subscribe)
        {
            foreach (var topic in chosen)
            {
                await subscriptions.SubscribeAsync(session.Transaction, contactId, topic.Code, turnContext.Activity.ChannelId, now, cancellationToken);
            }

            await turnContext.SendActivityAsync(texts.Get("subscribed", ("topic", names)), cancellationToken: cancellationToken);
            return;
        }

        var muted = await subscriptions.UnsubscribeAsync(session.Transaction, contactId, chosen[0].Code, now, cancellationToken);
        if (muted)
        {
            await reach.RecordUnsubscribedAsync(session.Transaction, contactId, turnContext.Activity.Timestamp, cancellationToken);
        }

        await turnContext.SendActivityAsync(
            muted ? texts.Get("unsubscribed", ("topic", names)) : texts.Get("topic_unknown"), cancellationToken: cancellationToken);
    }
}
