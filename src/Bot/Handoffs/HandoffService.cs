using Outreach.Bot.Core;
using Outreach.Bot.Inbox;
using Outreach.Content.Contacts;
using Outreach.Content.Handoffs;
using Outreach.Content.KnowledgeBase;
using Outreach.Content.Messages;

namespace Outreach.Bot.Handoffs;

/// <summary>
/// The staff side of a handoff: the queue, taking a conversation (the bot then stays silent), replying in one's own words
/// (sent with <see cref="MessagePurpose.HumanAgentReply"/>: Messenger's HUMAN_AGENT tag, allowed up to 7 days after the
/// member last wrote), and releasing it back to the bot. HTTP endpoints come with the staff console and its sign-in.
/// </summary>
public sealed partial class HandoffService(
    HandoffStore handoffs, ContactStore contacts, InboxAdapter conversations, CurrentKnowledge knowledge, TimeProvider time)
{
    /// <summary>How long after her last message a staff member may still write (Messenger HUMAN_AGENT: 7 days).</summary>
    public static readonly TimeSpan HumanAgentWindow = TimeSpan.FromDays(7);

    public Task<IReadOnlyList<Handoff>> ListAsync(CancellationToken cancellationToken) => handoffs.ListOpenAsync(cancellationToken);

    /// <summary>Takes a waiting conversation. Null when someone else holds it or it is closed.</summary>
    public Task<Handoff?> TakeAsync(long handoffId, string staffId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staffId);
        return handoffs.TakeAsync(handoffId, staffId, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>Sends <paramref name="text"/> to the member as the staff member's own reply.</summary>
    public async Task<HandoffReplyResult> ReplyAsync(long handoffId, string staffId, string text, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staffId);
        if (string.IsNullOrWhiteSpace(text) || text.Length > 2000)
        {
            return HandoffReplyResult.InvalidText;
        }

        var handoff = await handoffs.FindAsync(handoffId, cancellationToken);
        if (handoff is not { Status: HandoffStatuses.Active } || handoff.TakenBy != staffId)
        {
            return HandoffReplyResult.NotHeldByYou;
        }

        var contact = await contacts.FindAsync(handoff.ContactId, cancellationToken);
        if (contact?.LastInboundAt is not { } lastInbound || time.GetUtcNow() - lastInbound > HumanAgentWindow)
        {
            return HandoffReplyResult.OutsideWindow;
        }

        return await SendAsync(contact, text, MessagePurpose.HumanAgentReply, cancellationToken)
            ? HandoffReplyResult.Sent
            : HandoffReplyResult.NoChannel;
    }

    /// <summary>Hands the conversation back to the bot and tells the member. False when it was not open.</summary>
    public async Task<bool> ReleaseAsync(long handoffId, string staffId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staffId);
        var released = await handoffs.ReleaseAsync(handoffId, staffId, time.GetUtcNow(), cancellationToken);
        if (released is null)
        {
            return false;
        }

        await NotifyReleasedAsync(released, cancellationToken);
        return true;
    }

    private async Task NotifyReleasedAsync(Handoff released, CancellationToken cancellationToken)
    {
        var contact = await contacts.FindAsync(released.ContactId, cancellationToken);
        if (contact is not null && released.TakenBy is not null)
        {
            var texts = (await knowledge.GetAsync(cancellationToken)).Texts;
            // The bot's own notice, not a staff member's words: an ordinary reply (it may be refused outside the platform's window).
            await SendAsync(contact, texts.Get("handoff_released"), MessagePurpose.Reply, cancellationToken);
        }
    }

    private async Task<bool> SendAsync(Contact contact, string text, MessagePurpose purpose, CancellationToken cancellationToken)
    {
        var reference = new ConversationReference(contact.Channel, contact.AccountId, contact.PlatformUserId);
        return await conversations.ContinueConversationAsync(
            reference,
            (turn, ct) => turn.SendActivityAsync(new Activity
            {
                Type = ActivityTypes.Message,
                ChannelId = contact.Channel,
                From = turn.Activity.Recipient,
                Recipient = turn.Activity.From,
                Text = text,
                Purpose = purpose,
                Locale = "vi-VN",
            }, ct),
            cancellationToken);
    }
}
