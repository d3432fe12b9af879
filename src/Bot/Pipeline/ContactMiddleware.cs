using Outreach.Bot.Core;
using Outreach.Content.Contacts;
using Outreach.Content.Stats;

namespace Outreach.Bot.Pipeline;

/// <summary>
/// Finds or creates the member's contact, moves her last-interaction time forward (it opens the platforms' windows), and
/// records an unfollow. Everything after this step can read the contact (and her units' codes) from the turn's <see cref="TurnSession"/>.
/// A member's message counts as "replied" to a recent broadcast, an unfollow as "unsubscribed" (in the turn's transaction).
/// </summary>
public sealed class ContactMiddleware(ContactStore contacts, ReachEventStore reach) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var session = turnContext.TurnState.Get<TurnSession>();
        if (session is null)
        {
            await next(cancellationToken);
            return;
        }

        var activity = turnContext.Activity;
        var interactedAt = IsInteraction(activity) ? activity.Timestamp : (DateTimeOffset?)null;
        var contact = await contacts.UpsertAsync(
            session.Transaction, activity.ChannelId, activity.Recipient.Id, activity.From.Id, interactedAt, cancellationToken);
        if (activity.Name == ActivityNames.Unfollow)
        {
            await contacts.SetStatusAsync(session.Transaction, contact.Id, ContactStatuses.Unfollowed, cancellationToken);
            contact = contact with { Status = ContactStatuses.Unfollowed };
        }

        await RecordReachAsync(session, contact.Id, activity, cancellationToken);
        session.Contact = contact;
        session.MemberUnits = contact.OrgUnitId is { } unitId ? await contacts.UnitCodesAsync(session.Transaction, unitId, cancellationToken) : [];
        session.MemberUnitPath = contact.OrgUnitId is { } unit ? await contacts.UnitPathAsync(session.Transaction, unit, cancellationToken) : [];
        await next(cancellationToken);
    }

    private Task<int> RecordReachAsync(TurnSession session, long contactId, Activity activity, CancellationToken cancellationToken) =>
        activity.Name == ActivityNames.Unfollow ? reach.RecordUnsubscribedAsync(session.Transaction, contactId, activity.Timestamp, cancellationToken)
        : activity.Type == ActivityTypes.Message ? reach.RecordReplyAsync(session.Transaction, contactId, activity.Timestamp, cancellationToken)
        : Task.FromResult(0);

    // What the platforms count as the member interacting (Messenger: message, postback, referral, optin, reaction;
    // Zalo: message, follow, "Nhắn tin", form), also while another app owns the thread (standby). Receipts, unfollows and
    // our own or staff's echoes are not interactions.
    private static bool IsInteraction(Activity activity) => activity.Type switch
    {
        ActivityTypes.Message => true,
        ActivityTypes.ConversationUpdate => activity.Name != ActivityNames.Unfollow,
        ActivityTypes.Event => activity.Name is ActivityNames.Postback or ActivityNames.GetStarted or ActivityNames.Referral
            or ActivityNames.OptIn or ActivityNames.SubmitInfo or ActivityNames.Reaction or ActivityNames.Follow
            or ActivityNames.StandbyInteraction,
        _ => false,
    };
}
