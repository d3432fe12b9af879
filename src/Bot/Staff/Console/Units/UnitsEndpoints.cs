using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Bot.Staff.Units;

namespace Outreach.Bot.Staff.Console.Units;

/// <summary>
/// /staff/units ("Đơn vị"): the tree with members per unit; admins create units, import a sheet (a dry run first, then
/// apply), export it and seed a province in one step; /staff/units/{id}: rename, code, move, deactivate, merge (with a
/// confirmation of what moves); /staff/units/{id}/join: the unit's printable join material. All over <see cref="UnitService"/>.
/// </summary>
public static class UnitsEndpoints
{
    public static RouteGroupBuilder MapConsoleUnits(this RouteGroupBuilder console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MapGet("/units", async (string? notice, HttpContext http, UnitService service, CancellationToken ct) =>
            await TreeAsync(http, service, null, null, ConsoleNotices.Text(notice), ct));
        console.MapPost("/units", async ([FromForm] UnitCreateForm form, HttpContext http, UnitService service, CancellationToken ct) =>
        {
            var result = await service.CreateAsync(http.Session(), new UnitCreateRequest(form.ParentId, form.Level, form.Name, form.Code), ct);
            return result.IsOk ? Pages.SeeOther(ConsolePaths.Unit(result.Value.Id), ConsoleNotices.UnitSaved)
                : result.Refusal.Kind == StaffRefusalKind.Invalid ? await TreeAsync(http, service, result.Refusal.Problems, null, null, ct, create: form)
                : Pages.Refusal(http.Session(), result.Refusal);
        });
        console.MapPost("/units/import", ImportAsync);
        console.MapPost("/units/seed", async ([FromForm] SeedForm form, HttpContext http, UnitService service, CancellationToken ct) =>
        {
            var result = await service.SeedAsync(http.Session(), form.UnitId, form.Province, form.Apply != "1", ct);
            return result.IsOk ? await TreeAsync(http, service, null, result.Value, null, ct, seed: form)
                : result.Refusal.Kind == StaffRefusalKind.Invalid ? await TreeAsync(http, service, result.Refusal.Problems, null, null, ct, seed: form)
                : Pages.Refusal(http.Session(), result.Refusal);
        });
        console.MapGet("/units/export.xlsx", async (HttpContext http, UnitService service, CancellationToken ct) =>
        {
            var file = await service.ExportAsync(http.Session(), null, ct);
            return file.IsOk ? Results.File(file.Value.Content, file.Value.ContentType, file.Value.FileName) : Pages.Refusal(http.Session(), file.Refusal);
        });
        console.MapConsoleUnit();
        return console;
    }

    // The sheet arrives as the form's file, or (when she applies what she previewed) as the preview's hidden copy of it.
    private static async Task<IResult> ImportAsync(HttpContext http, UnitService service, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        Stream? file = form.Files.GetFile("file") is { Length: > 0 } upload ? upload.OpenReadStream() : null;
        var kept = form["sheet"].ToString();
        if (file is null && kept.Length > 0)
        {
            try
            {
                file = new MemoryStream(Convert.FromBase64String(kept));
            }
            catch (FormatException)
            {
                file = null;
            }
        }

        var apply = form["apply"] == "1";
        var result = await service.ImportAsync(http.Session(), null, file, dryRun: !apply, ct);
        if (!result.IsOk)
        {
            return result.Refusal.Kind == StaffRefusalKind.Invalid
                ? await TreeAsync(http, service, result.Refusal.Problems, null, null, ct)
                : Pages.Refusal(http.Session(), result.Refusal);
        }

        // A dry run keeps a copy of the sheet in the page, so applying it needs no second upload (it is planned again, locked).
        string? copy = null;
        if (!apply && result.Value.Plan.IsValid && file is not null && file.CanSeek)
        {
            file.Position = 0;
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            copy = Convert.ToBase64String(buffer.ToArray());
        }

        return await TreeAsync(http, service, null, result.Value, null, ct, copy);
    }

    private static async Task<IResult> TreeAsync(
        HttpContext http, UnitService service, IReadOnlyDictionary<string, string[]>? problems, UnitImportResult? import, string? notice,
        CancellationToken ct, string? sheet = null, UnitCreateForm? create = null, SeedForm? seed = null)
    {
        var session = http.Session();
        var tree = await service.TreeAsync(session, includeInactive: true, ct);
        // A sheet that could not be read, or whose rows have errors, comes back with its errors as a 400, like any refused form.
        var refused = problems is not null || import is { Plan.IsValid: false };
        return Pages.Render<UnitsPage>(
            new
            {
                Session = session, Tree = tree, Problems = problems, Import = import, Sheet = sheet, Notice = notice, Provinces = UnitService.Provinces(),
                Create = create, Seed = seed,
            },
            refused ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }
}

/// <summary>The new-unit form.</summary>
public sealed class UnitCreateForm
{
    public long? ParentId { get; set; }

    public string? Level { get; set; }

    public string? Name { get; set; }

    public string? Code { get; set; }
}

/// <summary>The seeding form: a province code of the 2025 data; <see cref="Apply"/> "1" writes, otherwise a dry run.</summary>
public sealed class SeedForm
{
    /// <summary>The unit of level "tinh" to seed under (hers when null).</summary>
    public long? UnitId { get; set; }

    public string? Province { get; set; }

    public string? Apply { get; set; }
}
