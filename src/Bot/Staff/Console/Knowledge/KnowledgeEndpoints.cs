using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Bot.Staff.Knowledge;
using Outreach.Content.Knowledge;
using Outreach.Content.OrgUnits;

namespace Outreach.Bot.Staff.Console.Knowledge;

/// <summary>
/// /staff/knowledge ("Kiến thức"): the items of her units and the national ones, a new item or a unit's own version of a
/// national entry, the item page (edit with preview and test box, approve or return, history with differences, restore),
/// export and import. Over <see cref="KnowledgeService"/>, as the JSON API.
/// </summary>
public static class KnowledgeEndpoints
{
    public static RouteGroupBuilder MapConsoleKnowledge(this RouteGroupBuilder console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MapGet("/knowledge", ListAsync);
        console.MapGet("/knowledge/export", ExportAsync);
        console.MapPost("/knowledge/import", ImportAsync);
        console.MapGet("/knowledge/new", NewAsync);
        console.MapPost("/knowledge/new", CreateAsync);
        console.MapGet("/knowledge/{id:long}", ShowAsync);
        console.MapPost("/knowledge/{id:long}", SaveAsync);
        console.MapPost("/knowledge/{id:long}/approve", ApproveAsync);
        console.MapPost("/knowledge/{id:long}/reject", RejectAsync);
        console.MapPost("/knowledge/{id:long}/restore", RestoreAsync);
        return console;
    }

    private static async Task<IResult> ListAsync(
        string? q, string? notice, HttpContext http, KnowledgeService service, CancellationToken ct) =>
        await ListPageAsync(http, service, q, notice, null, null, ct);

    private static async Task<IResult> ListPageAsync(
        HttpContext http, KnowledgeService service, string? q, string? notice, KnowledgeImportResult? imported,
        IReadOnlyDictionary<string, string[]>? problems, CancellationToken ct)
    {
        var session = http.Session();
        var listing = await service.ListAsync(session, q, ct);
        var awaiting = await service.AwaitingApprovalAsync(session, ct);
        return Pages.Render<KnowledgeListPage>(new
        {
            Session = session, Listing = listing, Awaiting = awaiting, Query = q, Notice = ConsoleNotices.Text(notice), Imported = imported,
            Problems = problems,
        }, problems is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> ExportAsync(HttpContext http, KnowledgeService service, CancellationToken ct)
    {
        var file = await service.ExportAsync(http.Session(), ct);
        return Results.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<IResult> ImportAsync(HttpContext http, KnowledgeService service, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") is { Length: > 0 } upload ? upload.OpenReadStream() : null;
        var result = await service.ImportAsync(http.Session(), file, ct);
        return result.IsOk ? await ListPageAsync(http, service, null, null, result.Value, null, ct)
            : result.Refusal.Kind == StaffRefusalKind.Invalid ? await ListPageAsync(http, service, null, null, null, result.Refusal.Problems, ct)
            : Pages.Refusal(http.Session(), result.Refusal);
    }

    private static async Task<IResult> NewAsync(
        string? kind, string? from, HttpContext http, KnowledgeService service, OrgUnitStore units, CancellationToken ct)
    {
        var session = http.Session();
        var form = new KnowledgeForm { Kind = KnowledgeKinds.IsKnown(kind) ? kind : KnowledgeKinds.Entry, OrgUnitId = session.Unit.Id };
        if (from is { Length: > 0 } && (await service.ListAsync(session, null, ct)).PackEntries.FirstOrDefault(e => e.Id == from) is { } entry)
        {
            form = KnowledgeForm.From(KnowledgeKinds.Entry, new KnowledgeContent
            {
                EntryId = entry.Id, Topic = entry.Topic, Title = entry.Title, Questions = entry.Questions, Keywords = entry.Keywords, Answer = entry.Answer,
                AnswerEnglish = entry.AnswerEnglish, ValidFrom = entry.ValidFrom, ValidUntil = entry.ValidUntil,
            }, session.Unit.Id, 0);
        }

        return await ItemPageAsync(http, service, units, form, null, null, null, ct);
    }

    private static async Task<IResult> CreateAsync(
        [FromForm] KnowledgeForm form, HttpContext http, KnowledgeService service, OrgUnitStore units, CancellationToken ct)
    {
        var session = http.Session();
        if (form.IsPreview)
        {
            return await PreviewAsync(http, service, units, form, null, ct);
        }

        long? unitId = form.National ? null : form.OrgUnitId ?? session.Unit.Id;
        var created = await service.CreateAsync(session, new KnowledgeCreateRequest(form.KindOrEntry, unitId, form.National, form.ToContent()), ct);
        return created.IsOk ? Pages.SeeOther(ConsolePaths.KnowledgeItem(created.Value.ItemId), ConsoleNotices.KnowledgeSaved)
            : created.Refusal.Kind is StaffRefusalKind.Invalid or StaffRefusalKind.Conflict
                ? await ItemPageAsync(http, service, units, form, null, Problems(created.Refusal), null, ct, StatusCodes.Status400BadRequest)
            : Pages.Refusal(session, created.Refusal);
    }

    private static async Task<IResult> ShowAsync(long id, string? notice, HttpContext http, KnowledgeService service, OrgUnitStore units, CancellationToken ct)
    {
        var session = http.Session();
        var view = await service.FindAsync(session, id, ct);
        if (!view.IsOk)
        {
            return Pages.Refusal(session, view.Refusal);
        }

        var state = view.Value.State;
        var form = KnowledgeForm.From(state.Item.Kind, state.Content, state.Item.OrgUnitId, state.Item.Revision);
        return await ItemPageAsync(http, service, units, form, view.Value, null, ConsoleNotices.Text(notice), ct);
    }

    private static async Task<IResult> SaveAsync(
        long id, [FromForm] KnowledgeForm form, HttpContext http, KnowledgeService service, OrgUnitStore units, CancellationToken ct)
    {
        var session = http.Session();
        var view = await service.FindAsync(session, id, ct);
        if (!view.IsOk)
        {
            return Pages.Refusal(session, view.Refusal);
        }

        form.Kind = view.Value.State.Item.Kind;
        form.OrgUnitId = view.Value.State.Item.OrgUnitId;
        form.National = form.OrgUnitId is null;
        if (form.IsPreview)
        {
            return await PreviewAsync(http, service, units, form, view.Value, ct);
        }

        var saved = await service.SaveAsync(session, id, new KnowledgeSaveRequest(form.Revision, form.ToContent()), ct);
        if (saved.IsOk)
        {
            return Pages.SeeOther(ConsolePaths.KnowledgeItem(id), ConsoleNotices.KnowledgeSaved);
        }

        if (saved.Refusal.Kind == StaffRefusalKind.Conflict)
        {
            // The later save is refused: her text stays in the form, the differences with the saved draft above it.
            var fresh = (await service.FindAsync(session, id, ct)).Value ?? view.Value;
            return await ItemPageAsync(http, service, units, form, fresh, null, null, ct, StatusCodes.Status409Conflict, saved.Refusal);
        }

        return saved.Refusal.Kind == StaffRefusalKind.Invalid
            ? await ItemPageAsync(http, service, units, form, view.Value, saved.Refusal.Problems, null, ct, StatusCodes.Status400BadRequest)
            : Pages.Refusal(session, saved.Refusal);
    }

    private static async Task<IResult> ApproveAsync(long id, [FromForm] DecisionForm form, HttpContext http, KnowledgeService service, CancellationToken ct) =>
        Done(http, id, await service.ApproveAsync(http.Session(), id, new KnowledgeDecisionRequest(form.Version, form.Revision, null), ct),
            ConsoleNotices.KnowledgeApproved);

    private static async Task<IResult> RejectAsync(
        long id, [FromForm] DecisionForm form, HttpContext http, KnowledgeService service, OrgUnitStore units, CancellationToken ct)
    {
        var rejected = await service.RejectAsync(http.Session(), id, new KnowledgeDecisionRequest(form.Version, form.Revision, form.Note), ct);
        if (rejected.IsOk || rejected.Refusal.Kind != StaffRefusalKind.Invalid || await service.FindAsync(http.Session(), id, ct) is not { IsOk: true } view)
        {
            return Done(http, id, rejected, ConsoleNotices.KnowledgeRejected);
        }

        // A missing reason: the item's page again, the reason's field saying what is wanted (nothing was changed).
        var state = view.Value.State;
        return await ItemPageAsync(http, service, units, KnowledgeForm.From(state.Item.Kind, state.Content, state.Item.OrgUnitId, state.Item.Revision),
            view.Value, rejected.Refusal.Problems, null, ct, StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> RestoreAsync(long id, [FromForm] DecisionForm form, HttpContext http, KnowledgeService service, CancellationToken ct) =>
        Done(http, id, await service.RestoreAsync(http.Session(), id, new KnowledgeRestoreRequest(form.Version, form.Revision), ct),
            ConsoleNotices.KnowledgeRestored);

    private static IResult Done(HttpContext http, long id, StaffResult<KnowledgeSaved> result, string notice) =>
        result.IsOk ? Pages.SeeOther(ConsolePaths.KnowledgeItem(id), notice) : Pages.Refusal(http.Session(), result.Refusal);

    // "Xem trước": the answer on each channel, the problems a save would meet, the warnings, and the test box before/after.
    private static async Task<IResult> PreviewAsync(
        HttpContext http, KnowledgeService service, OrgUnitStore units, KnowledgeForm form, KnowledgeItemView? view, CancellationToken ct)
    {
        var session = http.Session();
        var content = form.ToContent();
        long? unitId = form.National ? null : form.OrgUnitId ?? session.Unit.Id;
        var check = await service.CheckAsync(session, form.KindOrEntry, unitId, content, ct);
        KnowledgeTestResult? test = null;
        if (!string.IsNullOrWhiteSpace(form.TestQuestion))
        {
            var tested = await service.TestAsync(session, new KnowledgeTestRequest(form.TestQuestion, unitId)
            {
                Kind = form.KindOrEntry, Draft = content, DraftUnitId = unitId, ItemId = view?.State.Item.Id,
            }, ct);
            test = tested.Value;
        }

        return Pages.Render<KnowledgeItemPage>(new
        {
            Session = session, Form = form, View = view, Units = await units.GetSubtreeAsync(session.Unit.Id, ct),
            Problems = check.Problems.Count > 0 ? check.Problems : null, Warnings = check.Warnings,
            Previews = form.KindOrEntry == KnowledgeKinds.Entry ? service.Preview(content).Channels : null, Test = test,
        });
    }

    private static async Task<IResult> ItemPageAsync(
        HttpContext http, KnowledgeService service, OrgUnitStore units, KnowledgeForm form, KnowledgeItemView? view,
        IReadOnlyDictionary<string, string[]>? problems, string? notice, CancellationToken ct, int status = StatusCodes.Status200OK,
        StaffRefusal? conflict = null)
    {
        _ = service;
        var session = http.Session();
        return Pages.Render<KnowledgeItemPage>(new
        {
            Session = session, Form = form, View = view, Units = await units.GetSubtreeAsync(session.Unit.Id, ct), Problems = problems,
            Notice = notice, Conflict = conflict,
        }, status);
    }

    private static IReadOnlyDictionary<string, string[]> Problems(StaffRefusal refusal) =>
        refusal.Kind == StaffRefusalKind.Invalid ? refusal.Problems : new Dictionary<string, string[]> { ["entryId"] = [refusal.Reason] };

    /// <summary>What the approve, return and restore buttons post.</summary>
    public sealed class DecisionForm
    {
        public int Version { get; set; }
        public int Revision { get; set; }
        public string? Note { get; set; }
    }
}
