using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Bot.Staff.Units;

namespace Outreach.Bot.Staff.Console.Units;

/// <summary>/staff/units/{id}: one unit of hers, its changes (admins), the merge confirmation, and its join material page.</summary>
public static class UnitEndpoints
{
    public static RouteGroupBuilder MapConsoleUnit(this RouteGroupBuilder console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MapGet("/units/{id:long}", async (long id, string? notice, HttpContext http, UnitService service, CancellationToken ct) =>
            await PageAsync(http, service, id, null, ConsoleNotices.Text(notice), null, ct));
        console.MapPost("/units/{id:long}/name", async (long id, [FromForm] UnitEditForm form, HttpContext http, UnitService service, CancellationToken ct) =>
            await AfterAsync(http, service, id, await service.RenameAsync(http.Session(), id, form.Name, ct), ct));
        console.MapPost("/units/{id:long}/code", async (long id, [FromForm] UnitEditForm form, HttpContext http, UnitService service, CancellationToken ct) =>
            await AfterAsync(http, service, id, await service.SetCodeAsync(http.Session(), id, form.Code, ct), ct));
        console.MapPost("/units/{id:long}/move", async (long id, [FromForm] UnitEditForm form, HttpContext http, UnitService service, CancellationToken ct) =>
            await AfterAsync(http, service, id, await service.MoveAsync(http.Session(), id, form.ParentId, ct), ct));
        console.MapPost("/units/{id:long}/deactivate", async (long id, HttpContext http, UnitService service, CancellationToken ct) =>
            await AfterAsync(http, service, id, await service.DeactivateAsync(http.Session(), id, ct), ct));
        console.MapPost("/units/{id:long}/reactivate", async (long id, HttpContext http, UnitService service, CancellationToken ct) =>
            await AfterAsync(http, service, id, await service.ReactivateAsync(http.Session(), id, ct), ct));
        console.MapPost("/units/{id:long}/merge", async (long id, [FromForm] UnitEditForm form, HttpContext http, UnitService service, CancellationToken ct) =>
        {
            var session = http.Session();
            if (form.Confirm != "1")
            {
                var preview = await service.PreviewMergeAsync(session, id, form.IntoId, ct);
                return preview.IsOk ? await PageAsync(http, service, id, null, null, preview.Value, ct) : await RefusedAsync(http, service, id, preview.Refusal, ct);
            }

            var merged = await service.MergeAsync(session, id, form.IntoId, ct);
            return merged.IsOk ? Pages.SeeOther(ConsolePaths.Unit(merged.Value.Survivor.Id), ConsoleNotices.UnitMerged)
                : await RefusedAsync(http, service, id, merged.Refusal, ct);
        });
        console.MapGet("/units/{id:long}/join", async (long id, HttpContext http, UnitService service, CancellationToken ct) =>
        {
            var session = http.Session();
            var material = await service.JoinMaterialAsync(session, id, ct);
            return material.IsOk ? Pages.Render<JoinPage>(new { Session = session, UnitId = id, Material = material.Value }) : Pages.Refusal(session, material.Refusal);
        });
        console.MapGet("/units/{id:long}/qr/{kind}.{format}", async (long id, string kind, string format, HttpContext http, UnitService service, CancellationToken ct) =>
        {
            var material = await service.JoinMaterialAsync(http.Session(), id, ct);
            return material.IsOk ? Apis.UnitsApi.Qr(material.Value, kind, format) : Pages.Refusal(http.Session(), material.Refusal);
        });
        return console;
    }

    private static async Task<IResult> AfterAsync(HttpContext http, UnitService service, long id, StaffResult<Content.UnitTree.UnitNode> result, CancellationToken ct) =>
        result.IsOk ? Pages.SeeOther(ConsolePaths.Unit(id), ConsoleNotices.UnitSaved) : await RefusedAsync(http, service, id, result.Refusal, ct);

    private static async Task<IResult> RefusedAsync(HttpContext http, UnitService service, long id, StaffRefusal refusal, CancellationToken ct) =>
        refusal.Kind == StaffRefusalKind.Invalid ? await PageAsync(http, service, id, refusal.Problems, null, null, ct) : Pages.Refusal(http.Session(), refusal);

    private static async Task<IResult> PageAsync(
        HttpContext http, UnitService service, long id, IReadOnlyDictionary<string, string[]>? problems, string? notice, UnitMerge? merge,
        CancellationToken ct)
    {
        var session = http.Session();
        var details = await service.DetailsAsync(session, id, ct);
        return details.IsOk
            ? Pages.Render<UnitPage>(new { Session = session, Details = details.Value, Problems = problems, Notice = notice, Merge = merge },
                problems is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest)
            : Pages.Refusal(session, details.Refusal);
    }
}

/// <summary>The unit page's forms (each uses its own fields).</summary>
public sealed class UnitEditForm
{
    public string? Name { get; set; }

    public string? Code { get; set; }

    public long? ParentId { get; set; }

    public long? IntoId { get; set; }

    public string? Confirm { get; set; }
}
