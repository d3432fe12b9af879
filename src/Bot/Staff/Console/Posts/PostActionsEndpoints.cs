using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Outreach.Bot.Staff.Apis;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Console.Previews;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Content.Posts;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Console.Posts;

/// <summary>
/// POST /staff/posts/{id}/submit|approve|reject|schedule|cancel. Each step is checked by <see cref="PostWorkflow"/> and applied
/// by the post store or <see cref="Scheduler.Broadcasting.BroadcastControl"/>, exactly as the JSON API does.
/// </summary>
public static class PostActionsEndpoints
{
    /// <summary>The schedule kind that sends at once: a one-off schedule at the current time (quiet hours still apply).</summary>
    public const string SendNow = "now";

    public static RouteGroupBuilder MapPostActions(this RouteGroupBuilder console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MapPost("/posts/{id:long}/submit", (long id, HttpContext http, [AsParameters] StaffApiServices s, CancellationToken ct) =>
            MoveAsync(id, PostStatuses.Submitted, null, ConsoleNotices.Submitted, http, s, ct));
        console.MapPost("/posts/{id:long}/approve", (long id, HttpContext http, [AsParameters] StaffApiServices s, CancellationToken ct) =>
            MoveAsync(id, PostStatuses.Approved, null, ConsoleNotices.Approved, http, s, ct));
        console.MapPost("/posts/{id:long}/reject", RejectAsync);
        console.MapPost("/posts/{id:long}/schedule", ScheduleAsync);
        console.MapPost("/posts/{id:long}/cancel", CancelAsync);
        return console;
    }

    /// <summary>What the action forms post: a note (rejecting, cancelling) or a schedule.</summary>
    public sealed class ActionForm
    {
        public string? Note { get; set; }

        /// <summary>"once" (with <see cref="SendAt"/>), "recurring" (with <see cref="Cron"/>) or <see cref="SendNow"/>.</summary>
        public string? Kind { get; set; }

        /// <summary>A local date and time in Vietnam, as &lt;input type="datetime-local"&gt; sends it.</summary>
        public string? SendAt { get; set; }

        public string? Cron { get; set; }
    }

    private static async Task<IResult> RejectAsync(
        long id, [FromForm] ActionForm form, HttpContext http, [AsParameters] ConsoleServices c,
        [AsParameters] StaffApiServices s, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(form.Note))
        {
            return await ProblemAsync(id, "note", "Cần ghi lý do trả lại bài.", http.Session(), c, s, ct);
        }

        return await MoveAsync(id, PostStatuses.Draft, form.Note.Trim(), ConsoleNotices.Rejected, http, s, ct);
    }

    private static async Task<IResult> ScheduleAsync(
        long id, [FromForm] ActionForm form, HttpContext http, [AsParameters] ConsoleServices c,
        [AsParameters] StaffApiServices s, CancellationToken ct)
    {
        var session = http.Session();
        var recurring = form.Kind == PostSchedule.Recurring;
        var sendAt = recurring ? null : form.Kind == SendNow ? s.Time.GetUtcNow() : ConsoleFormat.ParseLocalInput(form.SendAt);
        if (!recurring && sendAt is null)
        {
            return await ProblemAsync(id, "sendAt", "Chọn ngày và giờ gửi.", session, c, s, ct);
        }

        var request = new ScheduleRequest(sendAt, recurring ? form.Cron : null);
        var problems = PostRequestRules.Check(request, s.Time.GetUtcNow());
        if (problems.Count > 0)
        {
            return await ProblemAsync(id, problems, session, c, s, ct);
        }

        var (post, refusal) = await CheckAsync(id, PostStatuses.Scheduled, session, s, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var schedule = sendAt is { } at
            ? new PostSchedule(PostSchedule.Once, at, null)
            : new PostSchedule(PostSchedule.Recurring, null, request.Cron!.Trim());
        return await s.Control.ScheduleAsync(post!, schedule, session.User.Id, ct)
            ? Pages.SeeOther(ConsolePaths.Post(id), ConsoleNotices.Scheduled)
            : Changed(session);
    }

    private static async Task<IResult> CancelAsync(long id, [FromForm] ActionForm form, HttpContext http,
        [AsParameters] StaffApiServices s, CancellationToken ct)
    {
        var session = http.Session();
        var (post, refusal) = await CheckAsync(id, PostStatuses.Cancelled, session, s, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        return await s.Control.CancelPostAsync(post!, session.User.Id, form.Note, ct)
            ? Pages.SeeOther(ConsolePaths.Post(id), ConsoleNotices.Cancelled)
            : Changed(session);
    }

    private static async Task<IResult> MoveAsync(long id, string to, string? note, string notice, HttpContext http, StaffApiServices s,
        CancellationToken ct)
    {
        var session = http.Session();
        var (post, refusal) = await CheckAsync(id, to, session, s, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        return await s.Posts.TransitionAsync(id, post!.Status, to, session.User.Id, note, null, ct)
            ? Pages.SeeOther(ConsolePaths.Post(id), notice)
            : Changed(session);
    }

    private static async Task<(Post? Post, IResult? Refusal)> CheckAsync(long id, string to, StaffSession session, StaffApiServices s,
        CancellationToken ct)
    {
        if (await PostsApi.VisiblePostAsync(id, session, s, ct) is not { } post)
        {
            return (null, Pages.NotFound(session));
        }

        var unit = (await s.Units.FindAsync(post.OrgUnitId, ct))!;
        return PostWorkflow.Refusal(session.User, session.Unit, post, unit, to) is { } reason
            ? (post, Pages.Forbidden(session, reason))
            : (post, null);
    }

    private static RazorComponentResult<ProblemPage> Changed(StaffSession session) =>
        Pages.Problem("Bài viết vừa đổi trạng thái", "Có người vừa thao tác trên bài này. Hãy tải lại trang để xem trạng thái mới.",
            StatusCodes.Status409Conflict, session);

    private static Task<IResult> ProblemAsync(
        long id, string field, string message, StaffSession session, ConsoleServices c, StaffApiServices s,
        CancellationToken ct) =>
        ProblemAsync(id, new Dictionary<string, string[]> { [field] = [message] }, session, c, s, ct);

    // The post page again, with the form's problems on it (400), or the 404 a post of another unit gets.
    private static async Task<IResult> ProblemAsync(
        long id, Dictionary<string, string[]> problems, StaffSession session, ConsoleServices c, StaffApiServices s,
        CancellationToken ct) =>
        await PostDetails.LoadAsync(id, session, c, s, ct) is { } details
            ? PostDetails.Page(session, details, null, problems, StatusCodes.Status400BadRequest)
            : Pages.NotFound(session);
}
