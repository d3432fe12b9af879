using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Outreach.Bot.Handoffs;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Content.Handoffs;

namespace Outreach.Bot.Staff.Console.Handoffs;

/// <summary>
/// /staff/handoffs: the members waiting for (or held by) a staff member of this unit, open crisis alerts, each conversation,
/// and take, reply, release. Another unit's handoff or alert is a 404, page and POST alike; viewers read only (POSTs 403).
/// </summary>
public static class HandoffsEndpoints
{
    public static RouteGroupBuilder MapConsoleHandoffs(this RouteGroupBuilder console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MapGet("/handoffs", QueueAsync);
        console.MapGet("/handoffs/{id:long}", ShowAsync);
        console.MapPost("/handoffs/{id:long}/take", TakeAsync);
        console.MapPost("/handoffs/{id:long}/reply", ReplyAsync);
        console.MapPost("/handoffs/{id:long}/release", ReleaseAsync);
        console.MapPost("/handoffs/alerts/{id:long}/done", AlertDoneAsync);
        return console;
    }

    /// <summary>The reply form: what the staff member wrote.</summary>
    public sealed class ReplyForm
    {
        public string? Text { get; set; }
    }

    private static async Task<IResult> QueueAsync(string? notice, HttpContext http, [AsParameters] HandoffServices h, CancellationToken ct)
    {
        var session = http.Session();
        var queue = await h.Handoffs.ListAsync(session.Unit.Id, ct);
        var alerts = await h.Alerts.ListOpenAsync(session.Unit.Id, ct);
        return Pages.Render<HandoffQueuePage>(new
        {
            Session = session, Handoffs = queue, Alerts = alerts, CanAct = HandoffAccess.CanAct(session), Notice = HandoffText.Notice(notice),
        });
    }

    private static async Task<IResult> ShowAsync(long id, string? notice, HttpContext http, [AsParameters] HandoffServices h,
        CancellationToken ct)
    {
        var session = http.Session();
        return await h.Handoffs.FindAsync(id, session.Unit.Id, ct) is { } handoff
            ? await ConversationAsync(session, handoff, h, HandoffText.Notice(notice), null, null, StatusCodes.Status200OK, ct)
            : Pages.NotFound(session);
    }

    private static async Task<IResult> TakeAsync(long id, HttpContext http, [AsParameters] HandoffServices h, CancellationToken ct)
    {
        var session = http.Session();
        if (await CheckAsync(id, session, h, ct) is { } refusal)
        {
            return refusal;
        }

        return await h.Handoffs.TakeAsync(id, session.Unit.Id, HandoffAccess.StaffId(session), ct) is not null
            ? Pages.SeeOther(ConsolePaths.Handoff(id), HandoffText.Taken)
            : Changed(session, "Cán bộ khác vừa nhận hỗ trợ hội viên này, hoặc cuộc trò chuyện đã kết thúc.");
    }

    private static async Task<IResult> ReplyAsync(long id, [FromForm] ReplyForm form, HttpContext http, [AsParameters] HandoffServices h,
        CancellationToken ct)
    {
        var session = http.Session();
        if (await CheckAsync(id, session, h, ct) is { } refusal)
        {
            return refusal;
        }

        var text = form.Text?.Trim() ?? "";
        var result = await h.Handoffs.ReplyAsync(id, session.Unit.Id, HandoffAccess.StaffId(session), text, ct);
        if (result == HandoffReplyResult.Sent)
        {
            return Pages.SeeOther(ConsolePaths.Handoff(id), HandoffText.Replied);
        }

        // The page again with what she wrote still in the box, and why it was not sent.
        if (await h.Handoffs.FindAsync(id, session.Unit.Id, ct) is not { } handoff)
        {
            return Pages.NotFound(session);
        }

        var status = result == HandoffReplyResult.InvalidText ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return await ConversationAsync(session, handoff, h, null, form.Text, HandoffText.ReplyError(result, h.Channels.DisplayName(handoff.Channel)), status, ct);
    }

    private static async Task<IResult> ReleaseAsync(long id, HttpContext http, [AsParameters] HandoffServices h, CancellationToken ct)
    {
        var session = http.Session();
        if (await CheckAsync(id, session, h, ct) is { } refusal)
        {
            return refusal;
        }

        return await h.Handoffs.ReleaseAsync(id, session.Unit.Id, HandoffAccess.StaffId(session), ct)
            ? Pages.SeeOther(ConsolePaths.Handoffs, HandoffText.Released)
            : Changed(session, "Cuộc trò chuyện đã kết thúc trước đó.");
    }

    private static async Task<IResult> AlertDoneAsync(long id, HttpContext http, [AsParameters] HandoffServices h, CancellationToken ct)
    {
        var session = http.Session();
        if (!await h.Alerts.IsVisibleAsync(id, session.Unit.Id, ct))
        {
            return Pages.NotFound(session);
        }

        if (HandoffAccess.Refusal(session) is { } reason)
        {
            return Pages.Forbidden(session, reason);
        }

        // Already acknowledged by a colleague: what she asked for holds either way.
        await h.Alerts.AcknowledgeAsync(id, session.Unit.Id, HandoffAccess.StaffId(session), h.Time.GetUtcNow(), ct);
        return Pages.SeeOther(ConsolePaths.Handoffs, HandoffText.AlertDone);
    }

    // Another unit's handoff is not found (before anything else); then viewers are refused.
    private static async Task<IResult?> CheckAsync(long id, StaffSession session, HandoffServices h, CancellationToken ct)
    {
        if (await h.Handoffs.FindAsync(id, session.Unit.Id, ct) is null)
        {
            return Pages.NotFound(session);
        }

        return HandoffAccess.Refusal(session) is { } reason ? Pages.Forbidden(session, reason) : null;
    }

    private static async Task<IResult> ConversationAsync(StaffSession session, HandoffListing handoff, HandoffServices h, string? notice,
        string? draft, string? error, int status, CancellationToken ct)
    {
        var lines = await h.History.LoadAsync(handoff.ContactId, ct);
        var replyUntil = handoff.LastInboundAt + HandoffService.HumanAgentWindow;
        return Pages.Render<HandoffPage>(new
        {
            Session = session,
            Handoff = handoff,
            Lines = lines,
            CanAct = HandoffAccess.CanAct(session),
            IsMine = handoff.TakenBy == HandoffAccess.StaffId(session),
            ReplyUntil = replyUntil,
            WindowOpen = replyUntil > h.Time.GetUtcNow(),
            Draft = draft,
            Error = error,
            Notice = notice,
        }, status);
    }

    private static RazorComponentResult<ProblemPage> Changed(StaffSession session, string detail) =>
        Pages.Problem("Cuộc trò chuyện vừa thay đổi", detail + " Hãy tải lại trang.", StatusCodes.Status409Conflict, session);
}
