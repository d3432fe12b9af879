using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Reach;
using Outreach.Bot.Staff.Unanswered;

namespace Outreach.Bot.Staff.Apis;

/// <summary>
/// /staff/api/stats: the reach dashboard's data (<c>GET reach?unitId=&amp;period=</c>: the same report the exports write), the
/// weekly answer rate (<c>GET answers?unitId=&amp;period=</c>, <see cref="UnansweredService"/>) and the reporting periods
/// (<see cref="ReachService"/>).
/// </summary>
public static class StatsApi
{
    public static RouteGroupBuilder MapStatsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var stats = api.MapGroup("/stats").RequireStaff();
        stats.MapGet("/reach", async (long? unitId, string? period, HttpContext http, ReachService service, CancellationToken ct) =>
            ApiResults.From(await service.ReportAsync(http.Session(), unitId, period, ct), r => TypedResults.Ok(r)));
        stats.MapGet("/members", async (long? unitId, string? period, HttpContext http, ReachService service, CancellationToken ct) =>
            ApiResults.From(await service.MembersAsync(http.Session(), unitId, period, ct), m => TypedResults.Ok(m)));
        stats.MapGet("/answers", async (long? unitId, string? period, HttpContext http, UnansweredService service, CancellationToken ct) =>
            ApiResults.From(await service.AnswerRateAsync(http.Session(), unitId, period, ct), r => TypedResults.Ok(r)));
        stats.MapGet("/periods", async (ReachService service, CancellationToken ct) => TypedResults.Ok(await service.PeriodsAsync(ct)));
        stats.MapPost("/periods", async (PeriodRequest request, HttpContext http, ReachService service, CancellationToken ct) =>
            ApiResults.From(await service.CreatePeriodAsync(http.Session(), request, ct), p => TypedResults.Created($"/staff/api/stats/periods/{p.Code}", p)));
        return api;
    }
}
