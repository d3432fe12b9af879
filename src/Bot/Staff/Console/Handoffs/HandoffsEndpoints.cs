using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Bot.Staff.Handoffs;

namespace Outreach.Bot.Staff.Console.Handoffs;

/// <summary>
/// /staff/handoffs: the members waiting for (or held by) a staff member of this unit, open crisis alerts, each conversation,
/// and take, reply, release, over <see cref="HandoffService"/> (another unit's handoff or alert is a 404, viewers read only).
/// </summary>
public static class HandoffsEndpoints
{
    public static RouteGroupBuilder MapConsoleHandoffs(this RouteGroupBuilder console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MapGet("/handoffs", QueueAsync);
        console.MapGet("/handoffs/{id:long}", ShowAsync);
        console.MapPost("/handoffs/{id:long}/take", async (long id, HttpContext http, HandoffService service, CancellationToken ct) =>
            Done(http.Session(), await service.TakeAsync(http.Session(), id, ct), ConsolePaths.Handoff(id), HandoffText.Taken));
        console.MapPost("/handoffs/{id:long}/reply", ReplyAsync);
        console.MapPost("/handoffs/{id:long}/release", async (long id, HttpContext http, HandoffService service, CancellationToken ct) =>
            Done(http.Session(), await service.ReleaseAsync(http.Session(), id, ct), ConsolePaths.Handoffs, HandoffText.Released));
        console.MapPost("/handoffs/alerts/{id:long}/done", async (long id, HttpContext http, HandoffService service, CancellationToken ct) =>
            Done(http.Session(), await service.AcknowledgeAlertAsync(http.Session(), id, ct), ConsolePaths.Handoffs, HandoffText.AlertDone));
        return console;
    }

    /// <summary>The reply form: what the staff member wrote.</summary>
    public sealed class ReplyForm
    {
        public string? Text { get; set; }
    }

    private static async Task<IResult> QueueAsync(string? notice, HttpContext http, HandoffService service, CancellationToken ct)
    {
        var session = http.Session();
        var inbox = await service.InboxAsync(session, ct);
        return Pages.Render<HandoffQueuePage>(new
        {
            Session = session, inbox.Handoffs, inbox.Alerts, CanAct = HandoffService.CanAct(session), Notice = HandoffText.Notice(notice),
        });
    }

    private static async Task<IResult> ShowAsync(long id, string? notice, HttpContext http, HandoffService service, CancellationToken ct) =>
        await ConversationAsync(http.Session(), id, service, HandoffText.Notice(notice), null, null, StatusCodes.Status200OK, ct);

    private static async Task<IResult> ReplyAsync(long id, [FromForm] ReplyForm form, HttpContext http, HandoffService service, CancellationToken ct)
    {
        var session = http.Session();
        var replied = await service.ReplyAsync(session, id, form.Text, ct);
        if (replied.IsOk)
        {
            return Pages.SeeOther(ConsolePaths.Handoff(id), HandoffText.Replied);
        }

        // Not hers to see, or a viewer: the refusal's page. Otherwise the page again with what she wrote and why it was not sent.
        return replied.Refusal.Kind is StaffRefusalKind.NotFound or StaffRefusalKind.Forbidden
            ? Pages.Refusal(session, replied.Refusal)
            : await ConversationAsync(session, id, service, null, form.Text, replied.Refusal.Reason,
                replied.Refusal.Kind == StaffRefusalKind.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict, ct);
    }

    private static async Task<IResult> ConversationAsync(StaffSession session, long id, HandoffService service, string? notice,
        string? draft, string? error, int status, CancellationToken ct)
    {
        var found = await service.ConversationAsync(session, id, ct);
        if (!found.IsOk)
        {
            return Pages.Refusal(session, found.Refusal);
        }

        var c = found.Value;
        return Pages.Render<HandoffPage>(new
        {
            Session = session, c.Handoff, c.Lines, c.CanAct, c.IsMine, c.ReplyUntil, c.WindowOpen, Draft = draft, Error = error, Notice = notice,
        }, status);
    }

    private static IResult Done<T>(StaffSession session, StaffResult<T> result, string path, string notice) =>
        result.IsOk ? Pages.SeeOther(path, notice) : Pages.Refusal(session, result.Refusal);
}
