using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Bot.Staff.Unanswered;

namespace Outreach.Bot.Staff.Console.Unanswered;

/// <summary>
/// /staff/unanswered ("Câu hỏi chưa trả lời được"): her members' missed questions grouped by wording, crisis messages only
/// counted, and the members' verdicts per entry; /staff/unanswered/{id}: one group with its actions. All over
/// <see cref="UnansweredService"/> (another unit's question is a 404; viewers read only).
/// </summary>
public static class UnansweredEndpoints
{
    public static RouteGroupBuilder MapConsoleUnanswered(this RouteGroupBuilder console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MapGet("/unanswered", async (string? notice, HttpContext http, UnansweredService service, CancellationToken ct) =>
        {
            var session = http.Session();
            return Pages.Render<UnansweredPage>(new
            {
                Session = session, List = await service.QueueAsync(session, ct), Feedback = await service.FeedbackAsync(session, ct),
                Notice = UnansweredText.Notice(notice),
            });
        });
        console.MapGet("/unanswered/{id:long}", async (long id, HttpContext http, UnansweredService service, CancellationToken ct) =>
            await GroupPageAsync(http, service, id, null, null, null, ct));
        console.MapPost("/unanswered/{id:long}/out-of-scope", async (long id, HttpContext http, UnansweredService service, CancellationToken ct) =>
        {
            var marked = await service.MarkOutOfScopeAsync(http.Session(), id, ct);
            return marked.IsOk ? Pages.SeeOther(UnansweredText.Path, UnansweredText.OutOfScope) : Pages.Refusal(http.Session(), marked.Refusal);
        });
        console.MapPost("/unanswered/{id:long}/handoff", async (long id, HttpContext http, UnansweredService service, CancellationToken ct) =>
        {
            var handed = await service.HandOffAsync(http.Session(), id, ct);
            return handed.IsOk ? Pages.SeeOther(ConsolePaths.Handoff(handed.Value.Id)) : Pages.Refusal(http.Session(), handed.Refusal);
        });
        console.MapPost("/unanswered/{id:long}/variant", async (long id, [FromForm] KnowledgeForm form, HttpContext http, UnansweredService service,
            CancellationToken ct) =>
        {
            var done = await service.AttachVariantAsync(http.Session(), id, form.EntryKey, form.Text, ct);
            return done.IsOk ? Pages.SeeOther(UnansweredText.Path, UnansweredText.Variant) : await RefusedAsync(http, service, id, form, done.Refusal, ct);
        });
        console.MapPost("/unanswered/{id:long}/entry", async (long id, [FromForm] KnowledgeForm form, HttpContext http, UnansweredService service,
            CancellationToken ct) =>
        {
            var done = await service.CreateEntryAsync(http.Session(), id, form.Text, ct);
            return done.IsOk ? Pages.SeeOther(UnansweredText.Path, UnansweredText.Entry) : await RefusedAsync(http, service, id, form, done.Refusal, ct);
        });
        return console;
    }

    // Wrong input or the knowledge side's refusal: the group again, with what she typed and why.
    private static Task<IResult> RefusedAsync(
        HttpContext http, UnansweredService service, long id, KnowledgeForm form, StaffRefusal refusal, CancellationToken ct) =>
        refusal.Kind is StaffRefusalKind.NotFound or StaffRefusalKind.Forbidden && refusal.Problems.Count == 0
            ? Task.FromResult(Pages.Refusal(http.Session(), refusal))
            : GroupPageAsync(http, service, id, form, refusal.Problems.Count > 0 ? refusal.Problems : null, refusal.Reason, ct);

    private static async Task<IResult> GroupPageAsync(
        HttpContext http, UnansweredService service, long id, KnowledgeForm? form, IReadOnlyDictionary<string, string[]>? problems, string? error,
        CancellationToken ct)
    {
        var session = http.Session();
        var group = await service.GroupAsync(session, id, ct);
        if (!group.IsOk)
        {
            return Pages.Refusal(session, group.Refusal);
        }

        return Pages.Render<UnansweredGroupPage>(
            new { Session = session, Group = group.Value, Form = form ?? new KnowledgeForm(), Problems = problems, Error = error },
            error is null ? StatusCodes.Status200OK : problems is null ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
    }
}

/// <summary>The "add to an entry" and "create an entry" forms.</summary>
public sealed class KnowledgeForm
{
    public string? EntryKey { get; set; }

    public string? Text { get; set; }
}
