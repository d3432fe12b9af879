using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.Posts;

namespace Outreach.Bot.Staff.Apis;

/// <summary>/staff/api/posts/{id}/submit|approve|reject|schedule|cancel: the lifecycle, each step checked and audited.</summary>
public static class PostTransitionsApi
{
    public static RouteGroupBuilder MapPostTransitions(this RouteGroupBuilder posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        posts.MapPost("/{id:long}/submit", (long id, HttpContext http, [AsParameters] StaffApiServices s, CancellationToken ct) =>
            MoveAsync(id, PostStatuses.Submitted, null, http, s, ct));
        posts.MapPost("/{id:long}/approve", (long id, HttpContext http, [AsParameters] StaffApiServices s, CancellationToken ct) =>
            MoveAsync(id, PostStatuses.Approved, null, http, s, ct));
        posts.MapPost("/{id:long}/reject", RejectAsync);
        posts.MapPost("/{id:long}/schedule", ScheduleAsync);
        posts.MapPost("/{id:long}/cancel", CancelAsync);
        return posts;
    }

    private static async Task<IResult> RejectAsync(long id, NoteRequest request, HttpContext http, [AsParameters] StaffApiServices s, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Note))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["note"] = ["Cần ghi lý do trả lại bài."] });
        }

        return await MoveAsync(id, PostStatuses.Draft, request.Note.Trim(), http, s, ct);
    }

    private static async Task<IResult> ScheduleAsync(long id, ScheduleRequest request, HttpContext http, [AsParameters] StaffApiServices s, CancellationToken ct)
    {
        var now = s.Time.GetUtcNow();
        var errors = PostRequestRules.Check(request, now);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Lịch gửi chưa hợp lệ");
        }

        var (post, refusal) = await CheckAsync(id, PostStatuses.Scheduled, http.Session(), s, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var schedule = request.SendAt is { } at
            ? new PostSchedule(PostSchedule.Once, at.ToUniversalTime(), null)
            : new PostSchedule(PostSchedule.Recurring, null, request.Cron!.Trim());
        if (!await s.Control.ScheduleAsync(post!, schedule, http.Session().User.Id, ct))
        {
            return PostsApi.Conflict("Bài viết vừa đổi trạng thái; hãy tải lại.");
        }

        // When the quiet hours forbid the chosen time, say when it will really go out.
        var firstAllowed = schedule.SendAt is { } sendAt ? s.QuietHours.NextAllowed(post!, sendAt) : (DateTimeOffset?)null;
        return TypedResults.Ok(new { post = PostView.Of((await s.Posts.FindAsync(id, ct))!), firstAllowedSendAt = firstAllowed });
    }

    private static async Task<IResult> CancelAsync(long id, NoteRequest request, HttpContext http, [AsParameters] StaffApiServices s, CancellationToken ct)
    {
        var (post, refusal) = await CheckAsync(id, PostStatuses.Cancelled, http.Session(), s, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        return await s.Control.CancelPostAsync(post!, http.Session().User.Id, request.Note, ct)
            ? TypedResults.Ok(PostView.Of((await s.Posts.FindAsync(id, ct))!))
            : PostsApi.Conflict("Bài viết vừa đổi trạng thái; hãy tải lại.");
    }

    private static async Task<IResult> MoveAsync(long id, string to, string? note, HttpContext http, StaffApiServices s, CancellationToken ct)
    {
        var session = http.Session();
        var (post, refusal) = await CheckAsync(id, to, session, s, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        return await s.Posts.TransitionAsync(id, post!.Status, to, session.User.Id, note, null, ct)
            ? TypedResults.Ok(PostView.Of((await s.Posts.FindAsync(id, ct))!))
            : PostsApi.Conflict("Bài viết vừa đổi trạng thái; hãy tải lại.");
    }

    private static async Task<(Post? Post, IResult? Refusal)> CheckAsync(long id, string to, StaffSession session, StaffApiServices s, CancellationToken ct)
    {
        if (await PostsApi.VisiblePostAsync(id, session, s, ct) is not { } post)
        {
            return (null, PostsApi.NotFound());
        }

        var postUnit = (await s.Units.FindAsync(post.OrgUnitId, ct))!;
        return PostWorkflow.Refusal(session.User, session.Unit, post, postUnit, to) is { } reason
            ? (post, PostsApi.Forbidden(reason))
            : (post, null);
    }
}
