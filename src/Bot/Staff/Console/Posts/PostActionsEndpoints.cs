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
    /// <summary>The schedule kind that sends at once: a one-off schedule at the current time (quiet hours still apply).</summary>
    public const string SendNow = "now";

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
        long id, [FromForm] ActionForm form, HttpContext http, PostService posts, MessagePreviewer previewer, CancellationToken ct)
    {
        var session = http.Session();
        var rejected = await posts.RejectAsync(session, id, form?.Note, ct);
        return await AnswerAsync(session, id, rejected, ConsoleNotices.Rejected, posts, previewer, ct);
    }

    private static async Task<IResult> ScheduleAsync(
        long id, [FromForm] ActionForm form, HttpContext http, PostService posts, MessagePreviewer previewer, TimeProvider time, CancellationToken ct)
    {
        var session = http.Session();
        form ??= new ActionForm();
        var recurring = form.Kind == PostSchedule.Recurring;
        var sendAt = recurring ? null : form.Kind == SendNow ? time.GetUtcNow() : ConsoleFormat.ParseLocalInput(form.SendAt);
        if (!recurring && sendAt is null)
        {
            return await AnswerAsync(session, id, StaffRefusal.Invalid("sendAt", "Chọn ngày và giờ gửi."), ConsoleNotices.Scheduled, posts, previewer, ct);
        }

        var scheduled = await posts.ScheduleAsync(session, id, new ScheduleRequest(sendAt, recurring ? form.Cron : null), ct);
        return await AnswerAsync(session, id, scheduled.Then(s => s.Post), ConsoleNotices.Scheduled, posts, previewer, ct);
    }

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
