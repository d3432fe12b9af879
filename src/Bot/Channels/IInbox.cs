using Outreach.Content.Inbox;

namespace Outreach.Bot.Channels;

/// <summary>
/// Where a channel's webhook puts what its platform sent: every event stored durably (a platform's retry is skipped by its
/// event id) before the webhook answers, the turn workers woken. Turns run later, never in the request.
/// </summary>
public interface IInbox
{
    /// <summary>Stores the events and wakes the turn workers. Returns how many were new.</summary>
    Task<int> AcceptAsync(IReadOnlyList<InboxEventDraft> events, CancellationToken cancellationToken);
}
