using Outreach.Bot.Staff.Auth;
using Outreach.Content.Posts;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Posts;

/// <summary>
/// Every status change staff make to a post, each checked by <see cref="PostWorkflow"/> and applied here only: draft →
/// submitted → approved (or back to draft) → scheduled (its jobs registered), or cancelled (its schedule and sendings
/// stopped). "sending" and "sent" belong to the broadcast jobs. Every change is conditional on the status it leaves, so a
/// step raced by a colleague is a conflict, never applied twice.
/// </summary>
public sealed partial class PostService
{
    /// <summary>The steps the post page offers (exactly those <see cref="PostWorkflow"/> allows her), plus "edit" for a draft she may write.</summary>
    public const string Edit = "edit";

    private static readonly string[] Steps =
        [PostStatuses.Submitted, PostStatuses.Approved, PostStatuses.Draft, PostStatuses.Scheduled, PostStatuses.Cancelled];

    public Task<StaffResult<Post>> SubmitAsync(StaffSession session, long id, CancellationToken ct) =>
        MoveAsync(session, id, PostStatuses.Submitted, null, ct);

    /// <summary>Approves a submitted post; one that was scheduled before an edit goes back on its kept schedule (when still ahead).</summary>
    public async Task<StaffResult<Post>> ApproveAsync(StaffSession session, long id, CancellationToken ct)
    {
        var approved = await MoveAsync(session, id, PostStatuses.Approved, null, ct);
        if (!approved.IsOk || approved.Value is not { ScheduleKind: { } kind } post
            || (kind == PostSchedule.Once && !(post.SendAt > time.GetUtcNow())))
        {
            return approved;
        }

        var schedule = new PostSchedule(kind, post.SendAt, post.Cron);
        if (await posts.TransitionAsync(id, PostStatuses.Approved, PostStatuses.Scheduled, session.User.Id, KeptScheduleNote, schedule, ct))
        {
            control.StartSchedule(id, schedule);
        }

        return (await posts.FindAsync(id, ct))!;
    }

    /// <summary>The note of a post put back on its schedule when its edit is approved.</summary>
    public const string KeptScheduleNote = "Duyệt thay đổi: gửi theo lịch đã có";

    /// <summary>Returns a submitted post to its writer, with the reason (required).</summary>
    public Task<StaffResult<Post>> RejectAsync(StaffSession session, long id, string? note, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(note)
            ? Task.FromResult<StaffResult<Post>>(StaffRefusal.Invalid("note", "Cần ghi lý do trả lại bài."))
            : MoveAsync(session, id, PostStatuses.Draft, note.Trim(), ct);

    /// <summary>Schedules an approved post, or reschedules a scheduled one (once, or repeating), and registers its jobs; says when it will really go out.</summary>
    public async Task<StaffResult<ScheduledPost>> ScheduleAsync(StaffSession session, long id, ScheduleRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (PostRules.Check(request, time.GetUtcNow()) is { Count: > 0 } problems)
        {
            return StaffRefusal.Invalid(problems, "Lịch gửi chưa hợp lệ");
        }

        var checkedPost = await CheckAsync(session, id, PostStatuses.Scheduled, ct);
        if (!checkedPost.IsOk)
        {
            return checkedPost.Refusal;
        }

        var post = checkedPost.Value;
        var schedule = request.ToSchedule();
        var note = post.Status == PostStatuses.Scheduled ? "Đổi lịch gửi" : null;
        if (!await posts.TransitionAsync(id, post.Status, PostStatuses.Scheduled, session.User.Id, note, schedule, ct))
        {
            return Changed();
        }

        // A new time replaces the old one: the recurring job is replaced or removed; a one-off job of the old time finds the
        // post's time changed and plans nothing (PlanBroadcastJob).
        control.StopSchedule(id);
        control.StartSchedule(id, schedule);
        var scheduled = (await posts.FindAsync(id, ct))!;
        return new ScheduledPost(scheduled, FirstAllowedSendAt(scheduled));
    }

    /// <summary>Cancels a post that is not final yet: its schedule, and every sending of it still running.</summary>
    public async Task<StaffResult<Post>> CancelAsync(StaffSession session, long id, string? note, CancellationToken ct)
    {
        var moved = await MoveAsync(session, id, PostStatuses.Cancelled, note, ct);
        if (moved.IsOk)
        {
            await control.StopPostAsync(id, ct);
        }

        return moved;
    }

    /// <summary>The steps (and "edit") this staff member may take on the post now, so a page offers no button the service would refuse.</summary>
    public static IReadOnlySet<string> AllowedSteps(StaffSession session, ScopedPost scoped)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(scoped);
        var allowed = Steps
            .Where(to => PostWorkflow.Refusal(session.User, session.Unit, scoped.Post, scoped.Unit, to) is null)
            .ToHashSet(StringComparer.Ordinal);
        if (EditRefusal(session, scoped.Post) is null)
        {
            allowed.Add(Edit);
        }

        return allowed;
    }

    /// <summary>When a post scheduled once will really go out (the quiet hours may push it later); null for any other post.</summary>
    public DateTimeOffset? FirstAllowedSendAt(Post post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return post is { SendAt: { } at, Status: PostStatuses.Scheduled, ScheduleKind: PostSchedule.Once } ? quietHours.NextAllowed(post, at) : null;
    }

    /// <summary>Posts waiting for her approval (those <see cref="PostWorkflow"/> lets her approve), oldest first, and how many others wait.</summary>
    public async Task<(IReadOnlyList<ScopedPost> Mine, int Others)> AwaitingApprovalAsync(StaffSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var scope = await UnitsAsync(session, ct);
        var waiting = await posts.ListAsync(session.Unit.Id, PostStatuses.Submitted, ListLimit, ct);
        var mine = waiting
            .Where(p => scope.TryGetValue(p.OrgUnitId, out var unit)
                && PostWorkflow.Refusal(session.User, session.Unit, p, unit, PostStatuses.Approved) is null)
            .OrderBy(p => p.UpdatedAt)
            .Select(p => new ScopedPost(p, scope[p.OrgUnitId]))
            .ToList();
        return (mine, waiting.Count - mine.Count);
    }

    private async Task<StaffResult<Post>> MoveAsync(StaffSession session, long id, string to, string? note, CancellationToken ct)
    {
        var checkedPost = await CheckAsync(session, id, to, ct);
        if (!checkedPost.IsOk)
        {
            return checkedPost.Refusal;
        }

        return await posts.TransitionAsync(id, checkedPost.Value.Status, to, session.User.Id, note, null, ct)
            ? (await posts.FindAsync(id, ct))!
            : Changed();
    }

    // The post, when it is hers to see and PostWorkflow allows her this step.
    private async Task<StaffResult<Post>> CheckAsync(StaffSession session, long id, string to, CancellationToken ct)
    {
        var found = await FindAsync(session, id, ct);
        if (!found.IsOk)
        {
            return found.Refusal;
        }

        var (post, unit) = found.Value;
        if (PostWorkflow.Refusal(session.User, session.Unit, post, unit, to) is { } reason)
        {
            return StaffRefusal.Forbidden(reason);
        }

        // Four eyes: she approves only what she could have addressed herself, an audience inside her own units.
        if (to is PostStatuses.Approved or PostStatuses.Scheduled)
        {
            foreach (var unitId in post.Audience.Units)
            {
                if (await units.FindAsync(unitId, ct) is not { } audienceUnit || !session.Sees(audienceUnit))
                {
                    return StaffRefusal.Forbidden("Đối tượng nhận của bài gồm đơn vị ngoài phạm vi của bạn.");
                }
            }
        }

        return post;
    }

    private static StaffRefusal Changed() =>
        StaffRefusal.Conflict("Bài viết vừa đổi trạng thái", "Có người vừa thao tác trên bài này. Hãy tải lại để xem trạng thái mới.");
}
