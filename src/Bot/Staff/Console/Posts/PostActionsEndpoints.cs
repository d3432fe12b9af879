using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Bot.Staff.Console.Previews;
using Outreach.Bot.Staff.Posts;
using Outreach.Content.Posts;

namespace Outreach.Bot.Staff.Console.Posts;

/// <summary>POST /staff/posts/{id}/submit|approve|reject|schedule|cancel: the form's input to <see cref="PostService"/>, its answer as a page.</summary>
public static class PostActionsEndpoints
{
    public static RouteGroupBuilder MapPostActions(this RouteGroupBuilder console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MapPost("/posts/{id:long}/submit", async (long id, HttpContext http, PostService posts, CancellationToken ct) =>
            Done(http.Session(), id, await posts.SubmitAsync(http.Session(), id, ct), ConsoleNotices.Submitted));
        console.MapPost("/posts/{id:long}/approve", async (long id, HttpContext http, PostService posts, CancellationToken ct) =>
            Done(http.Session(), id, await posts.ApproveAsync(http.Session(), id, ct), ConsoleNotices.Approved));
        console.MapPost("/posts/{id:long}/reject", RejectAsync);
        console.MapPost("/posts/{id:long}/schedule", ScheduleAsync);
        console.MapPost("/posts/{id:long}/cancel", async (long id, [FromForm] ActionForm form, HttpContext http, PostService posts, CancellationToken ct) =>
            Done(http.Session(), id, await posts.CancelAsync(http.Session(), id, form?.Note, ct), ConsoleNotices.Cancelled));
        return console;
    }

    /// <summary>What the note forms post (rejecting, cancelling).</summary>
    public sealed class ActionForm
    {
        public string? Note { get; set; }
    }

    private static async Task<IResult> RejectAsync(
        long id, [FromForm] ActionForm form, HttpContext http, PostService posts, MessagePreviewer previewer, CancellationToken ct)
    {
        var session = http.Session();
        var rejected = await posts.RejectAsync(session, id, form?.Note, ct);
        return await AnswerAsync(session, id, rejected, ConsoleNotices.Rejected, posts, previewer, ct);
    }

    // Scheduling in two steps: the form, then "Gửi tới N hội viên?" (the estimate at the time it would go out), then the schedule.
    // A problem, or "Quay lại sửa lịch", shows the post page again with everything as typed.
    private static async Task<IResult> ScheduleAsync(
        long id, [FromForm] ScheduleForm form, HttpContext http, PostService posts, MessagePreviewer previewer, TimeProvider time, CancellationToken ct)
    {
        var session = http.Session();
        form ??= new ScheduleForm();
        var (request, problems) = form.ToRequest(time.GetUtcNow());
        if (request is null || form.IsBack)
        {
            return await FormAgainAsync(session, id, form, problems, posts, previewer, ct);
        }

        if (!form.IsConfirmed)
        {
            var estimate = await posts.EstimateAsync(session, id, request, ct);
            if (!estimate.IsOk)
            {
                return estimate.Refusal.Kind == StaffRefusalKind.Invalid
                    ? await FormAgainAsync(session, id, form, estimate.Refusal.Problems, posts, previewer, ct)
                    : Pages.Refusal(session, estimate.Refusal);
            }

            var post = (await posts.FindAsync(session, id, ct)).Value!.Post;
            var topic = (await posts.TopicsAsync(ct)).FirstOrDefault(t => t.Code == post.Topic)?.Name;
            return Pages.Render<ScheduleConfirmPage>(new
            {
                Session = session, Post = post, Estimate = estimate.Value, Form = form, TopicName = topic,
                Repeat = request.Repeat?.Describe() ?? (request.Cron is { } cron ? Recurrence.Describe(cron.Trim()) : null),
            });
        }

        var scheduled = await posts.ScheduleAsync(session, id, request, ct);
        return scheduled.IsOk || scheduled.Refusal.Kind != StaffRefusalKind.Invalid
            ? Done(session, id, scheduled.Then(s => s.Post), ConsoleNotices.Scheduled)
            : await FormAgainAsync(session, id, form, scheduled.Refusal.Problems, posts, previewer, ct);
    }

    private static async Task<IResult> FormAgainAsync(
        StaffSession session, long id, ScheduleForm form, IReadOnlyDictionary<string, string[]>? problems, PostService posts,
        MessagePreviewer previewer, CancellationToken ct) =>
        await PostDetails.LoadAsync(id, session, posts, previewer, ct) is { } details
            ? PostDetails.Page(session, details, null, problems, problems is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, form)
            : Pages.NotFound(session);

    // Done: back to the post with a notice. Input problems: the post page again with them on it (400). Else the refusal's page.
    private static async Task<IResult> AnswerAsync(
        StaffSession session, long id, StaffResult<Post> result, string notice, PostService posts, MessagePreviewer previewer, CancellationToken ct)
    {
        if (result.IsOk || result.Refusal.Kind != StaffRefusalKind.Invalid)
        {
            return Done(session, id, result, notice);
        }

        return await PostDetails.LoadAsync(id, session, posts, previewer, ct) is { } details
            ? PostDetails.Page(session, details, null, result.Refusal.Problems, StatusCodes.Status400BadRequest)
            : Pages.NotFound(session);
    }

    private static IResult Done(StaffSession session, long id, StaffResult<Post> result, string notice) =>
        result.IsOk ? Pages.SeeOther(ConsolePaths.Post(id), notice) : Pages.Refusal(session, result.Refusal);
}
