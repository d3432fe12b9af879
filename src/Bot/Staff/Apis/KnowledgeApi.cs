using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Knowledge;

namespace Outreach.Bot.Staff.Apis;

/// <summary>
/// /staff/api/knowledge: list, read, create and edit items (drafts), approve, return or restore them, the test box, the
/// preview, the unanswered-queue actions, export and import. A thin adapter over <see cref="KnowledgeService"/>.
/// </summary>
public static class KnowledgeApi
{
    public static RouteGroupBuilder MapKnowledgeApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var knowledge = api.MapGroup("/knowledge").RequireStaff();
        knowledge.MapGet("", async (string? q, HttpContext http, KnowledgeService service, CancellationToken ct) =>
        {
            var listing = await service.ListAsync(http.Session(), q, ct);
            return TypedResults.Ok(new
            {
                items = listing.Items.Select(Item),
                packEntries = listing.PackEntries.Select(e => new { e.Id, e.Topic, e.Title }),
            });
        });
        knowledge.MapPost("", async (KnowledgeCreateRequest request, HttpContext http, KnowledgeService service, CancellationToken ct) =>
            ApiResults.From(await service.CreateAsync(http.Session(), request, ct), s => TypedResults.Created($"/staff/api/knowledge/{s.ItemId}", s)));
        knowledge.MapGet("/{id:long}", async (long id, HttpContext http, KnowledgeService service, CancellationToken ct) =>
            ApiResults.From(await service.FindAsync(http.Session(), id, ct), v => TypedResults.Ok(new
            {
                item = Item(v.State), versions = v.Versions, draftChanges = v.DraftChanges, v.CanEdit, v.CanApprove, v.ApproveRefusal,
            })));
        knowledge.MapPut("/{id:long}", async (long id, KnowledgeSaveRequest request, HttpContext http, KnowledgeService service, CancellationToken ct) =>
            ApiResults.From(await service.SaveAsync(http.Session(), id, request, ct), s => TypedResults.Ok(s)));
        knowledge.MapPost("/{id:long}/approve", async (long id, KnowledgeDecisionRequest request, HttpContext http, KnowledgeService service, CancellationToken ct) =>
            ApiResults.From(await service.ApproveAsync(http.Session(), id, request, ct), s => TypedResults.Ok(s)));
        knowledge.MapPost("/{id:long}/reject", async (long id, KnowledgeDecisionRequest request, HttpContext http, KnowledgeService service, CancellationToken ct) =>
            ApiResults.From(await service.RejectAsync(http.Session(), id, request, ct), s => TypedResults.Ok(s)));
        knowledge.MapPost("/{id:long}/restore", async (long id, KnowledgeRestoreRequest request, HttpContext http, KnowledgeService service, CancellationToken ct) =>
            ApiResults.From(await service.RestoreAsync(http.Session(), id, request, ct), s => TypedResults.Ok(s)));
        knowledge.MapGet("/awaiting", async (HttpContext http, KnowledgeService service, CancellationToken ct) =>
            TypedResults.Ok((await service.AwaitingApprovalAsync(http.Session(), ct)).Select(Item)));
        knowledge.MapPost("/test", async (KnowledgeTestRequest request, HttpContext http, KnowledgeService service, CancellationToken ct) =>
            ApiResults.From(await service.TestAsync(http.Session(), request, ct), r => TypedResults.Ok(r)));
        knowledge.MapPost("/preview", (Content.Knowledge.KnowledgeContent content, KnowledgeService service) =>
            TypedResults.Ok(service.Preview(content)));
        knowledge.MapPost("/variants", async (VariantRequest request, HttpContext http, KnowledgeService service, CancellationToken ct) =>
            ApiResults.From(await service.AddVariantAsync(http.Session(), request.EntryId, request.Text, request.OrgUnitId, ct), s => TypedResults.Ok(s)));
        knowledge.MapPost("/from-question", async (QuestionRequest request, HttpContext http, KnowledgeService service, CancellationToken ct) =>
            ApiResults.From(await service.CreateFromQuestionAsync(http.Session(), request.Text, request.OrgUnitId, ct), s => TypedResults.Ok(s)));
        knowledge.MapGet("/export", async (HttpContext http, KnowledgeService service, CancellationToken ct) =>
        {
            var file = await service.ExportAsync(http.Session(), ct);
            return Results.File(file.Content, file.ContentType, file.FileName);
        });
        knowledge.MapPost("/import", ImportAsync);
        return api;
    }

    // The .zip as the multipart field "file", or as the body.
    private static async Task<IResult> ImportAsync(HttpContext http, KnowledgeService service, CancellationToken ct)
    {
        Stream? file = null;
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(ct);
            file = form.Files.GetFile("file")?.OpenReadStream();
        }
        else if (http.Request.ContentLength is null or > 0)
        {
            file = http.Request.Body;
        }

        return ApiResults.From(await service.ImportAsync(http.Session(), file, ct), r => TypedResults.Ok(r));
    }

    private static object Item(Content.Knowledge.KnowledgeItemState s) => new
    {
        s.Item.Id, s.Item.OrgUnitId, unitName = s.UnitName, s.Item.Kind, key = s.Item.ItemKey, s.Item.Revision, s.Item.CurrentVersion,
        label = s.Content.Label(s.Item.Kind), approved = s.Approved?.Content, draft = s.Draft?.Content, draftVersion = s.Draft?.Version,
    };

    /// <summary>Body of POST /variants: a member's message as a new way of asking an entry.</summary>
    public sealed record VariantRequest(string EntryId, string Text, long? OrgUnitId);

    /// <summary>Body of POST /from-question.</summary>
    public sealed record QuestionRequest(string Text, long? OrgUnitId);
}
