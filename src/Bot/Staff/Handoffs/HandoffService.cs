using System.Globalization;
using Outreach.Bot.Core;
using Outreach.Bot.Inbox;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.Alerts;
using Outreach.Content.Channels;
using Outreach.Content.Contacts;
using Outreach.Content.Handoffs;
using Outreach.Content.KnowledgeBase;
using Outreach.Content.Messages;
using Outreach.Content.Staff;
using Outreach.Content.Targets;

namespace Outreach.Bot.Staff.Handoffs;

/// <summary>
/// The handoff inbox for a staff member: the members of her unit and below who wait for (or are held by) a person, open
/// crisis alerts, each conversation, and taking one (the bot then stays silent), replying in her own words (sent with
/// <see cref="MessagePurpose.HumanAgentReply"/>: Messenger's HUMAN_AGENT tag, up to 7 days after the member last wrote) and
/// handing it back to the bot. Members with no unit belong to top-level units' staff. Another unit's handoff or alert does
/// not exist for her; viewers only read.
/// </summary>
public sealed class HandoffService(
    HandoffStore handoffs,
    CrisisAlertStore alerts,
    ContactStore contacts,
    ConversationHistory history,
    InboxAdapter conversations,
    CurrentKnowledge knowledge,
    ChannelCatalog channels,
    TimeProvider time)
{
    /// <summary>How long after her last message a staff member may still write (Messenger HUMAN_AGENT: 7 days).</summary>
    public static readonly TimeSpan HumanAgentWindow = TimeSpan.FromDays(7);

    /// <summary>The longest reply (also the textarea's maxlength).</summary>
    public const int MaxReply = 2000;

    private const string ChangedTitle = "Cuộc trò chuyện vừa thay đổi";

    /// <summary>Why she may not take, answer or release conversations or close alerts, or null when she may (viewers only read).</summary>
    public static string? ActRefusal(StaffSession session) =>
        (session ?? throw new ArgumentNullException(nameof(session))).User.Role == StaffRoles.Viewer
            ? "Tài khoản người xem chỉ được đọc hộp thư hỗ trợ, không nhận hay trả lời hội viên."
            : null;

    public static bool CanAct(StaffSession session) => ActRefusal(session) is null;

    /// <summary>How a staff member is written in handoffs.taken_by / closed_by: her account id (names change, ids do not).</summary>
    public static string StaffId(StaffSession session) =>
        (session ?? throw new ArgumentNullException(nameof(session))).User.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Her scope's open handoffs (crisis first, then oldest) and open crisis alerts.</summary>
    public async Task<HandoffInbox> InboxAsync(StaffSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new HandoffInbox(await handoffs.ListOpenAsync(session.Unit.Id, ct), await alerts.ListOpenAsync(session.Unit.Id, ct));
    }

    /// <summary>How many members of her scope wait for a staff member.</summary>
    public Task<int> CountWaitingAsync(StaffSession session, CancellationToken ct) =>
        handoffs.CountWaitingAsync((session ?? throw new ArgumentNullException(nameof(session))).Unit.Id, ct);

    /// <summary>A handoff of her scope (open or closed) with the member's recent conversation, as she reads it.</summary>
    public async Task<StaffResult<HandoffConversation>> ConversationAsync(StaffSession session, long id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (await handoffs.FindAsync(id, session.Unit.Id, ct) is not { } handoff)
        {
            return StaffRefusal.NotFound();
        }

        var rules = channels.Find(handoff.Channel)?.StaffReplies;
        var replyUntil = handoff.LastInboundAt + (rules is null ? HumanAgentWindow : rules.Tagged ?? rules.Free);
        return new HandoffConversation(
            handoff, await history.LoadAsync(handoff.ContactId, ct), CanAct(session), handoff.TakenBy == StaffId(session), replyUntil,
            replyUntil > time.GetUtcNow());
    }

    /// <summary>Takes a waiting conversation of her scope (the bot goes silent).</summary>
    public async Task<StaffResult<HandoffListing>> TakeAsync(StaffSession session, long id, CancellationToken ct)
    {
        if (await CheckAsync(session, id, ct) is { } refusal)
        {
            return refusal;
        }

        return await handoffs.TakeAsync(id, session.Unit.Id, StaffId(session), time.GetUtcNow(), ct) is not null
            && await handoffs.FindAsync(id, session.Unit.Id, ct) is { } taken
            ? taken
            : StaffRefusal.Conflict(ChangedTitle, "Cán bộ khác vừa nhận hỗ trợ hội viên này, hoặc cuộc trò chuyện đã kết thúc. Hãy tải lại trang.");
    }

    /// <summary>Sends <paramref name="text"/> to the member as her own reply, in a conversation she holds.</summary>
    public async Task<StaffResult<HandoffListing>> ReplyAsync(StaffSession session, long id, string? text, CancellationToken ct)
    {
        if (await CheckAsync(session, id, ct) is { } refusal)
        {
            return refusal;
        }

        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxReply)
        {
            return StaffRefusal.Invalid("text", $"Nội dung trả lời không được để trống và không dài quá {VietnameseFormat.Number(MaxReply)} ký tự.");
        }

        var handoff = (await handoffs.FindAsync(id, session.Unit.Id, ct))!;
        if (handoff is not { Status: HandoffStatuses.Active } || handoff.TakenBy != StaffId(session))
        {
            return StaffRefusal.Conflict(
                ChangedTitle, "Bạn chưa nhận hỗ trợ cuộc trò chuyện này (hoặc cán bộ khác đang giữ, hoặc nó đã kết thúc). Hãy tải lại trang.");
        }

        var contact = await contacts.FindAsync(handoff.ContactId, ct);
        if (contact?.LastInboundAt is not { } lastInbound || time.GetUtcNow() - lastInbound > HumanAgentWindow)
        {
            return StaffRefusal.Conflict(ChangedTitle,
                "Hội viên nhắn lần cuối đã hơn 7 ngày: nền tảng không cho phép trả lời nữa. Hãy liên hệ chị bằng cách khác (điện thoại, gặp trực tiếp).");
        }

        // Inside the platform's ordinary window a staff reply is an ordinary response; beyond it only the human-agent tag, and
        // only where the app may use it (Messenger: Meta's approval, PLATFORM-MESSENGER.md §2.5).
        var purpose = MessagePurpose.HumanAgentReply;
        if (channels.Find(contact.Channel)?.StaffReplies is { } rules)
        {
            var elapsed = time.GetUtcNow() - lastInbound;
            if (elapsed <= rules.Free)
            {
                purpose = MessagePurpose.StaffReply;
            }
            else if (rules.Tagged is not { } tagged || elapsed > tagged)
            {
                return StaffRefusal.Conflict(ChangedTitle, rules.Refusal);
            }
        }

        return await SendAsync(contact, text, purpose, ct)
            ? handoff
            : StaffRefusal.Conflict(ChangedTitle, $"Hệ thống chưa bật kênh {channels.DisplayName(handoff.Channel)} nên không gửi được. Hãy báo quản trị viên.");
    }

    /// <summary>Hands a conversation of her scope back to the bot and tells the member (when someone held it).</summary>
    public async Task<StaffResult<HandoffListing>> ReleaseAsync(StaffSession session, long id, CancellationToken ct)
    {
        if (await CheckAsync(session, id, ct) is { } refusal)
        {
            return refusal;
        }

        var released = await handoffs.ReleaseAsync(id, session.Unit.Id, StaffId(session), time.GetUtcNow(), ct);
        if (released is null)
        {
            return StaffRefusal.Conflict(ChangedTitle, "Cuộc trò chuyện đã kết thúc trước đó. Hãy tải lại trang.");
        }

        if (released.TakenBy is not null && await contacts.FindAsync(released.ContactId, ct) is { } contact)
        {
            // The bot's own notice, not a staff member's words: an ordinary reply (it may be refused outside the platform's window).
            var texts = (await knowledge.GetAsync(ct)).Texts;
            await SendAsync(contact, texts.Get("handoff_released"), MessagePurpose.Reply, ct);
        }

        return (await handoffs.FindAsync(id, session.Unit.Id, ct))!;
    }

    /// <summary>Marks an open crisis alert of her scope handled (already handled by a colleague: what she asked for holds).</summary>
    public async Task<StaffResult<bool>> AcknowledgeAlertAsync(StaffSession session, long alertId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!await alerts.IsVisibleAsync(alertId, session.Unit.Id, ct))
        {
            return StaffRefusal.NotFound();
        }

        if (ActRefusal(session) is { } reason)
        {
            return StaffRefusal.Forbidden(reason);
        }

        return await alerts.AcknowledgeAsync(alertId, session.Unit.Id, StaffId(session), time.GetUtcNow(), ct);
    }

    // Another unit's handoff is not found (before anything else); then viewers are refused.
    private async Task<StaffRefusal?> CheckAsync(StaffSession session, long id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (await handoffs.FindAsync(id, session.Unit.Id, ct) is null)
        {
            return StaffRefusal.NotFound();
        }

        return ActRefusal(session) is { } reason ? StaffRefusal.Forbidden(reason) : null;
    }

    private Task<bool> SendAsync(Contact contact, string text, MessagePurpose purpose, CancellationToken ct) =>
        conversations.ContinueConversationAsync(
            new ConversationReference(contact.Channel, contact.AccountId, contact.PlatformUserId),
            (turn, token) => turn.SendActivityAsync(new Activity
            {
                Type = ActivityTypes.Message,
                ChannelId = contact.Channel,
                From = turn.Activity.Recipient,
                Recipient = turn.Activity.From,
                Text = text,
                Purpose = purpose,
                Locale = "vi-VN",
            }, token),
            ct);
}

/// <summary>Her scope's open handoffs and open crisis alerts.</summary>
public sealed record HandoffInbox(IReadOnlyList<HandoffListing> Handoffs, IReadOnlyList<CrisisAlertListing> Alerts);

/// <summary>A handoff with the member's recent conversation, and what this staff member may do with it.</summary>
/// <param name="ReplyUntil">The end of the platforms' 7-day window for a staff reply.</param>
public sealed record HandoffConversation(
    HandoffListing Handoff, IReadOnlyList<ConversationLine> Lines, bool CanAct, bool IsMine, DateTimeOffset? ReplyUntil, bool WindowOpen);
