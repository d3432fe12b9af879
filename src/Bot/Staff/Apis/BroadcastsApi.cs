using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.Broadcasts;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Apis;

/// <summary>/staff/api/broadcasts/{id}: progress (deliveries by status and reason), and pause, resume, cancel mid-flight.</summary>
public static class BroadcastsApi
{
    public static RouteGroupBuilder MapBroadcastsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var broadcasts = api.MapGroup("/broadcasts").RequireStaff();
        broadcasts.MapGet("/{id:long}", GetAsync);
        broadcasts.MapPost("/{id:long}/pause", (long id, HttpContext http, [AsParameters] StaffApiServices s, CancellationToken ct) =>
            ControlAsync(id, http, s, s.Control.PauseAsync, ct));
        broadcasts.MapPost("/{id:long}/resume", (long id, HttpContext http, [AsParameters] StaffApiServices s, CancellationToken ct) =>
            ControlAsync(id, http, s, s.Control.ResumeAsync, ct));
        broadcasts.MapPost("/{id:long}/cancel", (long id, HttpContext http, [AsParameters] StaffApiServices s, CancellationToken ct) =>
            ControlAsync(id, http, s, s.Control.CancelAsync, ct));
        return api;
    }

    private static async Task<IResult> GetAsync(long id, HttpContext http, [AsParameters] StaffApiServices s, CancellationToken ct)
    {
        if (await VisibleAsync(id, http.Session(), s, ct) is not { } broadcast)
        {
            return PostsApi.NotFound();
        }

        var counts = await s.Deliveries.CountAsync(id, ct);
        return TypedResults.Ok(new
        {
            broadcast,
            total = counts.Sum(c => c.Count),
            byStatus = counts.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Sum(c => c.Count)),
            skipReasons = counts.Where(c => c.SkipReason is not null).GroupBy(c => c.SkipReason!).ToDictionary(g => g.Key, g => g.Sum(c => c.Count)),
        });
    }

    private static async Task<IResult> ControlAsync(
        long id, HttpContext http, StaffApiServices s, Func<long, CancellationToken, Task<bool>> action, CancellationToken ct)
    {
        var session = http.Session();
        if (await VisibleAsync(id, session, s, ct) is null)
        {
            return PostsApi.NotFound();
        }

        if (ControlRefusal(session) is { } refusal)
        {
            return PostsApi.Forbidden(refusal);
        }

        return await action(id, ct)
            ? TypedResults.Ok(await s.Broadcasts.FindAsync(id, ct))
            : PostsApi.Conflict("Đợt gửi không ở trạng thái cho phép thao tác này.");
    }

    /// <summary>Why this staff member may not pause, resume or cancel a sending, or null when she may.</summary>
    internal static string? ControlRefusal(StaffSession session) =>
        StaffRoles.CanWrite(session.User.Role) || StaffRoles.CanApprove(session.User.Role) ? null : "Bạn không có quyền điều khiển việc gửi.";

    internal static async Task<Broadcast?> VisibleAsync(long id, StaffSession session, StaffApiServices s, CancellationToken ct)
    {
        var broadcast = await s.Broadcasts.FindAsync(id, ct);
        return broadcast is not null && await PostsApi.VisiblePostAsync(broadcast.PostId, session, s, ct) is not null ? broadcast : null;
    }
}
