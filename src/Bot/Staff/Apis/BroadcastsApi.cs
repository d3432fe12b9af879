using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Broadcasts;

namespace Outreach.Bot.Staff.Apis;

/// <summary>/staff/api/broadcasts/{id}: progress (deliveries by status and reason), and pause, resume, cancel mid-flight (<see cref="BroadcastService"/>).</summary>
public static class BroadcastsApi
{
    public static RouteGroupBuilder MapBroadcastsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var broadcasts = api.MapGroup("/broadcasts").RequireStaff();
        broadcasts.MapGet("/{id:long}", async (long id, HttpContext http, BroadcastService service, CancellationToken ct) =>
            ApiResults.From(await service.FindAsync(http.Session(), id, ct), s => TypedResults.Ok(new
            {
                broadcast = s.Broadcast,
                total = s.Counts.Sum(c => c.Count),
                byStatus = s.Counts.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Sum(c => c.Count)),
                skipReasons = s.Counts.Where(c => c.SkipReason is not null).GroupBy(c => c.SkipReason!).ToDictionary(g => g.Key, g => g.Sum(c => c.Count)),
            })));
        broadcasts.MapPost("/{id:long}/pause", async (long id, HttpContext http, BroadcastService service, CancellationToken ct) =>
            ApiResults.From(await service.PauseAsync(http.Session(), id, ct), b => TypedResults.Ok(b)));
        broadcasts.MapPost("/{id:long}/resume", async (long id, HttpContext http, BroadcastService service, CancellationToken ct) =>
            ApiResults.From(await service.ResumeAsync(http.Session(), id, ct), b => TypedResults.Ok(b)));
        broadcasts.MapPost("/{id:long}/cancel", async (long id, HttpContext http, BroadcastService service, CancellationToken ct) =>
            ApiResults.From(await service.CancelAsync(http.Session(), id, ct), b => TypedResults.Ok(b)));
        return api;
    }
}
