using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Reach;
using Outreach.Content.Handoffs;
using Outreach.Content.Staff;
using Outreach.Content.Targets;
using Outreach.Content.Unanswered;

namespace Outreach.Bot.Staff.Unanswered;

/// <summary>
/// "Câu hỏi chưa trả lời được" for a staff member: the missed questions of her members (her unit and below; members with no
/// unit belong to top-level units), grouped by wording, newest first, crisis messages only counted; a group's questions; and
/// what she can do with them (not viewers): mark a group out of scope, hand the member to a person, add the wording to an
/// entry as a new way of asking, or start an entry from it (<see cref="IKnowledgeDrafts"/>). Also the weekly answer rate and
/// the members' verdicts per entry. The console and the JSON API both call this.
/// </summary>
public sealed class UnansweredService(UnansweredStore store, ReachService reach, IKnowledgeDrafts drafts, TimeProvider time)
{
    /// <summary>Crisis messages are counted over this many days.</summary>
    public const int CrisisDays = 30;

    /// <summary>The answer rate shows this many ISO weeks, the last one the week of the period's end (or today).</summary>
    public const int RateWeeks = 12;

    /// <summary>The longest wording added to an entry or starting one.</summary>
    public const int MaxText = 500;

    private const string ChangedTitle = "Câu hỏi vừa được xử lý";

    private const string Changed = "Nhóm câu hỏi này đã được cán bộ khác xử lý (hoặc không còn trong hàng chờ). Hãy tải lại trang.";

    /// <summary>Why she may not act on the queue (viewers only read), or null.</summary>
    public static string? ActRefusal(StaffSession session) =>
        (session ?? throw new ArgumentNullException(nameof(session))).User.Role == StaffRoles.Viewer
            ? "Tài khoản người xem chỉ được xem câu hỏi chưa trả lời được, không xử lý."
            : null;

    /// <summary>Her scope's groups of missed questions (newest first) and how many crisis messages came in lately (a count, never text).</summary>
    public async Task<UnansweredList> QueueAsync(StaffSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var groups = await store.ListGroupsAsync(session.Unit.Id, ct);
        var crisis = await store.CountCrisisAsync(session.Unit.Id, time.GetUtcNow() - TimeSpan.FromDays(CrisisDays), ct);
        return new UnansweredList(groups, crisis, CrisisDays, ActRefusal(session) is null, drafts.IsAvailable);
    }

    /// <summary>The open questions of the group <paramref name="questionId"/> belongs to; not found outside her scope or once handled.</summary>
    public async Task<StaffResult<UnansweredGroup>> GroupAsync(StaffSession session, long questionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var questions = await store.ListGroupAsync(session.Unit.Id, questionId, ct);
        return questions.Count == 0
            ? StaffRefusal.NotFound("Không tìm thấy câu hỏi này trong hàng chờ của đơn vị (có thể đã được xử lý).")
            : new UnansweredGroup(questionId, questions[0].Text, questions, ActRefusal(session) is null, drafts.IsAvailable);
    }

    /// <summary>Marks the whole group out of scope (the bot is not meant to answer it).</summary>
    public Task<StaffResult<int>> MarkOutOfScopeAsync(StaffSession session, long questionId, CancellationToken ct) =>
        MarkAsync(session, questionId, QuestionStatuses.OutOfScope, null, ct);

    /// <summary>Hands the member who asked <paramref name="questionId"/> to a person (the handoff inbox); returns the handoff.</summary>
    public async Task<StaffResult<Handoff>> HandOffAsync(StaffSession session, long questionId, CancellationToken ct)
    {
        if (await CheckAsync(session, questionId, ct) is { } refusal)
        {
            return refusal;
        }

        return await store.HandOffAsync(session.Unit.Id, questionId, session.User.Id, time.GetUtcNow(), ct) is { } handoff
            ? handoff
            : StaffRefusal.Conflict(ChangedTitle, Changed);
    }

    /// <summary>Adds <paramref name="text"/> (the group's wording unless she edited it) to an entry as a new way of asking.</summary>
    public async Task<StaffResult<string>> AttachVariantAsync(StaffSession session, long questionId, string? entryKey, string? text, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        entryKey = entryKey?.Trim();
        if (string.IsNullOrEmpty(entryKey) || entryKey.Length > 100)
        {
            problems["entryKey"] = ["Nhập mã mục nội dung cần thêm cách hỏi (ví dụ loan-how-to-borrow)."];
        }

        return await ToKnowledgeAsync(session, questionId, text, problems, QuestionStatuses.Variant,
            (wording, ct2) => drafts.AttachVariantAsync(entryKey!, wording, session, ct2), ct);
    }

    /// <summary>Starts a new entry whose first question is <paramref name="text"/>; returns its key.</summary>
    public Task<StaffResult<string>> CreateEntryAsync(StaffSession session, long questionId, string? text, CancellationToken ct) =>
        ToKnowledgeAsync(session, questionId, text, [], QuestionStatuses.Entry, (wording, ct2) => drafts.CreateEntryAsync(wording, session, ct2), ct);

    /// <summary>Members' verdicts ("Hữu ích" / "Chưa đúng") on each entry's answers to her scope's members.</summary>
    public Task<IReadOnlyList<EntryFeedback>> FeedbackAsync(StaffSession session, CancellationToken ct) =>
        store.FeedbackAsync((session ?? throw new ArgumentNullException(nameof(session))).Unit.Id, ct);

    /// <summary>
    /// Questions answered / asked per ISO week for a unit of hers (its subtree's members), the <see cref="RateWeeks"/> weeks up to
    /// the end of the period or today, whichever comes first (never before the period starts).
    /// </summary>
    public async Task<StaffResult<AnswerRate>> AnswerRateAsync(StaffSession session, long? unitId, string? period, CancellationToken ct)
    {
        var scope = await reach.ResolveAsync(session, unitId, period, ct);
        if (!scope.IsOk)
        {
            return scope.Refusal;
        }

        var today = VietnameseFormat.Day(time.GetUtcNow());
        var (starts, ends) = (scope.Value.Period.StartsOn, scope.Value.Period.EndsOn);
        var last = ends < today ? ends : today < starts ? starts : today;
        var firstWeek = IsoWeeks.Monday(last).AddDays(-7 * (RateWeeks - 1));
        var from = firstWeek < starts ? starts : firstWeek;
        var counted = await store.WeeklyAsync(scope.Value.Unit.Id, from, last, ct);
        var weeks = new List<WeekRate>();
        for (var monday = IsoWeeks.Monday(from); monday <= last; monday = monday.AddDays(7))
        {
            var found = counted.FirstOrDefault(w => w.WeekStart == monday);
            weeks.Add(new WeekRate(monday, IsoWeeks.Label(monday), found?.Asked ?? 0, found?.Answered ?? 0));
        }

        return new AnswerRate(scope.Value.Unit.Id, scope.Value.Unit.Name, scope.Value.Period.Code, weeks);
    }

    private async Task<StaffResult<string>> ToKnowledgeAsync(
        StaffSession session, long questionId, string? text, Dictionary<string, string[]> problems, string status,
        Func<string, CancellationToken, Task<StaffResult<string>>> change, CancellationToken ct)
    {
        if (await CheckAsync(session, questionId, ct) is { } refusal)
        {
            return refusal;
        }

        var group = await store.ListGroupAsync(session.Unit.Id, questionId, ct);
        var wording = string.IsNullOrWhiteSpace(text) ? group[0].Text.Trim() : text.Trim();
        if (wording.Length > MaxText)
        {
            problems["text"] = [$"Câu hỏi dài quá {VietnameseFormat.Number(MaxText)} ký tự; hãy rút gọn."];
        }

        if (problems.Count > 0)
        {
            return StaffRefusal.Invalid(problems);
        }

        var changed = await change(wording, ct);
        if (!changed.IsOk)
        {
            return changed.Refusal;
        }

        await store.MarkGroupAsync(session.Unit.Id, questionId, status, session.User.Id, changed.Value, time.GetUtcNow(), ct);
        return changed.Value;
    }

    private async Task<StaffResult<int>> MarkAsync(StaffSession session, long questionId, string status, string? entryKey, CancellationToken ct)
    {
        if (await CheckAsync(session, questionId, ct) is { } refusal)
        {
            return refusal;
        }

        var marked = await store.MarkGroupAsync(session.Unit.Id, questionId, status, session.User.Id, entryKey, time.GetUtcNow(), ct);
        return marked > 0 ? marked : StaffRefusal.Conflict(ChangedTitle, Changed);
    }

    // Another unit's question (or one already handled) is not found, before anything else; then viewers are refused.
    private async Task<StaffRefusal?> CheckAsync(StaffSession session, long questionId, CancellationToken ct)
    {
        var group = await GroupAsync(session, questionId, ct);
        if (!group.IsOk)
        {
            return group.Refusal;
        }

        return ActRefusal(session) is { } reason ? StaffRefusal.Forbidden(reason) : null;
    }
}

/// <summary>Her scope's queue: the groups, the crisis messages of the last <see cref="CrisisDays"/> days (a count), and what she may do.</summary>
public sealed record UnansweredList(IReadOnlyList<QuestionGroup> Groups, int CrisisCount, int CrisisDays, bool CanAct, bool KnowledgeAvailable);

/// <summary>One group: the id that names it, its latest wording, its open questions, and what she may do.</summary>
public sealed record UnansweredGroup(long Id, string Sample, IReadOnlyList<QuestionListing> Questions, bool CanAct, bool KnowledgeAvailable);

/// <summary>The weekly answer rate of a unit (its subtree's members) in a period.</summary>
public sealed record AnswerRate(long UnitId, string UnitName, string Period, IReadOnlyList<WeekRate> Weeks);

/// <summary>One ISO week: its Monday, its Vietnamese label, questions asked and answered, and the rate written vi-VN ("85,7%"; "—" when nobody asked).</summary>
public sealed record WeekRate(DateOnly WeekStart, string Label, int Asked, int Answered)
{
    public string Rate => Asked == 0 ? "—" : ((decimal)Answered * 100 / Asked).ToString("0.#", VietnameseFormat.Culture) + "%";
}
