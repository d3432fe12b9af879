using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Targets;

namespace Outreach.Bot.Staff.Apis;

/// <summary>
/// /staff/api/targets: a unit's targets for a period with progress written in Vietnamese (<c>GET ?unitId=&amp;period=</c>),
/// setting a target, entering a manual result, and the list of indicators (<see cref="TargetService"/>).
/// </summary>
public static class TargetsApi
{
    public static RouteGroupBuilder MapTargetsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var targets = api.MapGroup("/targets").RequireStaff();
        targets.MapGet("", async (long? unitId, string? period, HttpContext http, TargetService service, CancellationToken ct) =>
            ApiResults.From(await service.ReportAsync(http.Session(), unitId, period, ct), r => TypedResults.Ok(r)));
        targets.MapGet("/indicators", async (TargetService service, CancellationToken ct) => TypedResults.Ok(await service.IndicatorsAsync(ct)));
        targets.MapPut("", async (TargetRequest request, HttpContext http, TargetService service, CancellationToken ct) =>
            ApiResults.From(await service.SetTargetAsync(http.Session(), request, ct), r => TypedResults.Ok(r)));
        targets.MapGet("/results", async (long? unitId, string? period, HttpContext http, TargetService service, CancellationToken ct) =>
            ApiResults.From(await service.ManualEntriesAsync(http.Session(), unitId, period, ct), r => TypedResults.Ok(r)));
        targets.MapPut("/results", async (TargetRequest request, HttpContext http, TargetService service, CancellationToken ct) =>
            ApiResults.From(await service.SetResultAsync(http.Session(), request, ct), r => TypedResults.Ok(r)));
        return api;
    }
}
