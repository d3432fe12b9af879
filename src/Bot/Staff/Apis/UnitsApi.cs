using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Reach;
using Outreach.Bot.Staff.Units;
using Outreach.Content.JoinMaterial;
using Outreach.Content.UnitSheets;
using Outreach.Content.UnitTree;

namespace Outreach.Bot.Staff.Apis;

/// <summary>
/// /staff/api/units: the caller's unit tree (<see cref="UnitService"/>): read it with members per unit; admins create,
/// rename, code, move, deactivate, reactivate, merge (GET <c>merge?into=</c> previews what moves), import a sheet
/// (<c>POST import?rootId=&amp;dryRun=</c>, the .xlsx as the form field <c>file</c> or as the body), export it, and seed a
/// province from the 2025 reform data. A unit outside her subtree is a 404; a bad field a 400 naming it in Vietnamese.
/// </summary>
public static class UnitsApi
{
    public static RouteGroupBuilder MapUnitsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var units = api.MapGroup("/units").RequireStaff();
        units.MapGet("", async (bool? inactive, HttpContext http, UnitService service, CancellationToken ct) =>
        {
            var tree = await service.TreeAsync(http.Session(), inactive == true, ct);
            return TypedResults.Ok(new { units = tree.Units.Select(Listing), unplaced = tree.Unplaced, levels = tree.Levels });
        });
        units.MapGet("/provinces", () => TypedResults.Ok(UnitService.Provinces()));
        units.MapGet("/export.xlsx", async (long? rootId, HttpContext http, UnitService service, CancellationToken ct) =>
            ApiResults.From(await service.ExportAsync(http.Session(), rootId, ct), File));
        units.MapPost("/import", ImportAsync);
        units.MapPost("", async (UnitCreateRequest request, HttpContext http, UnitService service, CancellationToken ct) =>
            ApiResults.From(await service.CreateAsync(http.Session(), request, ct), u => TypedResults.Created($"/staff/api/units/{u.Id}", Node(u))));
        units.MapGet("/{id:long}", async (long id, HttpContext http, UnitService service, CancellationToken ct) =>
            ApiResults.From(await service.DetailsAsync(http.Session(), id, ct), d => TypedResults.Ok(new
            {
                unit = Node(d.Unit), members = new { direct = d.Counts.Direct, subtree = d.Counts.Subtree },
                children = d.Children.Select(Listing), parent = d.Parent is null ? null : Node(d.Parent),
                mergedInto = d.MergedInto is null ? null : Node(d.MergedInto), history = d.History,
            })));
        units.MapPut("/{id:long}/name", async (long id, NameRequest request, HttpContext http, UnitService service, CancellationToken ct) =>
            ApiResults.From(await service.RenameAsync(http.Session(), id, request?.Name, ct), u => TypedResults.Ok(Node(u))));
        units.MapPut("/{id:long}/code", async (long id, CodeRequest request, HttpContext http, UnitService service, CancellationToken ct) =>
            ApiResults.From(await service.SetCodeAsync(http.Session(), id, request?.Code, ct), u => TypedResults.Ok(Node(u))));
        units.MapPost("/{id:long}/move", async (long id, MoveRequest request, HttpContext http, UnitService service, CancellationToken ct) =>
            ApiResults.From(await service.MoveAsync(http.Session(), id, request?.ParentId, ct), u => TypedResults.Ok(Node(u))));
        units.MapPost("/{id:long}/deactivate", async (long id, HttpContext http, UnitService service, CancellationToken ct) =>
            ApiResults.From(await service.DeactivateAsync(http.Session(), id, ct), u => TypedResults.Ok(Node(u))));
        units.MapPost("/{id:long}/reactivate", async (long id, HttpContext http, UnitService service, CancellationToken ct) =>
            ApiResults.From(await service.ReactivateAsync(http.Session(), id, ct), u => TypedResults.Ok(Node(u))));
        units.MapGet("/{id:long}/merge", async (long id, long? into, HttpContext http, UnitService service, CancellationToken ct) =>
            ApiResults.From(await service.PreviewMergeAsync(http.Session(), id, into, ct), m => TypedResults.Ok(Merge(m))));
        units.MapPost("/{id:long}/merge", async (long id, MergeRequest request, HttpContext http, UnitService service, CancellationToken ct) =>
            ApiResults.From(await service.MergeAsync(http.Session(), id, request?.IntoId, ct), m => TypedResults.Ok(Merge(m))));
        units.MapPost("/{id:long}/seed", async (long id, SeedRequest request, HttpContext http, UnitService service, CancellationToken ct) =>
        {
            var dryRun = request?.DryRun ?? true;
            return ApiResults.From(await service.SeedAsync(http.Session(), id, request?.Province, dryRun, ct), Import);
        });
        units.MapGet("/{id:long}/join", async (long id, HttpContext http, UnitService service, CancellationToken ct) =>
            ApiResults.From(await service.JoinMaterialAsync(http.Session(), id, ct), j => TypedResults.Ok(new
            {
                unitName = j.UnitName, messengerLink = j.MessengerLink, joinCode = j.JoinCode, joinCodeDisplay = j.JoinCodeDisplay,
                zaloLink = j.ZaloLink,
            })));
        units.MapGet("/{id:long}/qr/{kind}.{format}", async (long id, string kind, string format, HttpContext http, UnitService service, CancellationToken ct) =>
            ApiResults.From(await service.JoinMaterialAsync(http.Session(), id, ct), j => Qr(j, kind, format)));
        return api;
    }

    /// <summary>A QR image of the join material: <paramref name="kind"/> messenger or zalo, <paramref name="format"/> png or svg.</summary>
    internal static IResult Qr(UnitJoinMaterial material, string kind, string format)
    {
        ArgumentNullException.ThrowIfNull(material);
        var qr = kind switch
        {
            "messenger" => material.MessengerQr,
            "zalo" => material.ZaloQr,
            _ => null,
        };
        return (qr, format) switch
        {
            (null, _) => TypedResults.Problem("Đơn vị chưa có mã QR này (chưa có mã đơn vị, hoặc hệ thống chưa cấu hình Trang Facebook/Zalo OA).",
                statusCode: StatusCodes.Status404NotFound),
            (_, "png") => Results.File(qr.Png, "image/png", $"qr-{kind}.png"),
            (_, "svg") => Results.File(System.Text.Encoding.UTF8.GetBytes(qr.Svg), "image/svg+xml", $"qr-{kind}.svg"),
            _ => TypedResults.Problem("Định dạng là png hoặc svg.", statusCode: StatusCodes.Status404NotFound),
        };
    }

    // The sheet as the form field "file" (multipart) or as the request body itself.
    private static async Task<IResult> ImportAsync(long? rootId, bool? dryRun, HttpContext http, UnitService service, CancellationToken ct)
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

        var result = await service.ImportAsync(http.Session(), rootId, file, dryRun ?? true, ct);
        return ApiResults.From(result, Import);
    }

    // A file that cannot be read at all (not a workbook, no "don-vi" sheet, too many rows) is a 400 even in a dry run; bad rows
    // are a 400 when applying, and a plan to read (200) in a dry run.
    private static int UnitsEndpointsStatus(UnitImportResult result) =>
        result.Plan.Errors.Any(e => e.Row is null) || (!result.Plan.IsValid && !result.DryRun) ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;

    private static IResult Import(UnitImportResult result)
    {
        var body = new
        {
            rootId = result.Root.Id,
            dryRun = result.DryRun,
            applied = result.Applied,
            valid = result.Plan.IsValid,
            counts = new { create = result.Creates, rename = result.Renames, move = result.Moves, unchanged = result.Unchanged },
            changes = result.Plan.Changes.Select(c => new
            {
                c.Row, c.Code, c.Name, c.Level, c.ParentCode, kind = Kind(c.Kind), c.UnitId, c.OldName, c.OldParentCode,
            }),
            errors = result.Plan.Errors,
        };

        // Applying a sheet with bad rows applied nothing: that is the caller's input to fix (a dry run answered what she asked).
        return TypedResults.Json(body, statusCode: UnitsEndpointsStatus(result));
    }

    private static string Kind(UnitChangeKind kind) => kind switch
    {
        UnitChangeKind.Create => "create",
        UnitChangeKind.Rename => "rename",
        UnitChangeKind.Move => "move",
        UnitChangeKind.RenameAndMove => "rename-move",
        _ => "unchanged",
    };

    private static object Node(UnitNode u) => new
    {
        u.Id, u.ParentId, u.Level, u.Code, u.JoinCode, u.AdminCode, u.Name, u.Depth, u.IsActive, u.MergedIntoId,
    };

    private static object Listing(UnitListing l) => new
    {
        l.Unit.Id, l.Unit.ParentId, l.Unit.Level, l.Unit.Code, l.Unit.JoinCode, l.Unit.Name, l.Unit.Depth, l.Unit.IsActive, l.Unit.MergedIntoId,
        members = l.Direct, membersBelow = l.Subtree,
    };

    private static object Merge(UnitMerge m) => new { merged = Node(m.Merged), survivor = Node(m.Survivor), moves = m.Moves, done = m.Done };

    private static IResult File(ReportFile file) => Results.File(file.Content, file.ContentType, file.FileName);

    public sealed record NameRequest(string? Name);

    public sealed record CodeRequest(string? Code);

    public sealed record MoveRequest(long? ParentId);

    public sealed record MergeRequest(long? IntoId);

    /// <summary>Seed a unit with its province's communes; <see cref="DryRun"/> true (the default) only says what would be added.</summary>
    public sealed record SeedRequest(string? Province, bool? DryRun);
}
