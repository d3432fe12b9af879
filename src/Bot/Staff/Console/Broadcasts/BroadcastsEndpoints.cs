using Microsoft.AspNetCore.Http;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Broadcasts;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Content.Broadcasts;

namespace Outreach.Bot.Staff.Console.Broadcasts;

/// <summary>/staff/broadcasts/{id}: a sending's progress (kept live by polling the staff API), and pause, resume or cancel it (<see cref="BroadcastService"/>).</summary>
public static class BroadcastsEndpoints
{
    public static RouteGroupBuilder MapConsoleBroadcasts(this RouteGroupBuilder console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MapGet("/broadcasts/{id:long}", ShowAsync);
        console.MapPost("/broadcasts/{id:long}/pause", async (long id, HttpContext http, BroadcastService service, CancellationToken ct) =>
            Done(http.Session(), id, await service.PauseAsync(http.Session(), id, ct), ConsoleNotices.Paused));
        console.MapPost("/broadcasts/{id:long}/resume", async (long id, HttpContext http, BroadcastService service, CancellationToken ct) =>
            Done(http.Session(), id, await service.ResumeAsync(http.Session(), id, ct), ConsoleNotices.Resumed));
        console.MapPost("/broadcasts/{id:long}/cancel", async (long id, HttpContext http, BroadcastService service, CancellationToken ct) =>
            Done(http.Session(), id, await service.CancelAsync(http.Session(), id, ct), ConsoleNotices.Cancelled));
        return console;
    }

    private static async Task<IResult> ShowAsync(long id, string? notice, HttpContext http, BroadcastService service, CancellationToken ct)
    {
        var session = http.Session();
        var found = await service.FindAsync(session, id, ct);
        return found.IsOk
            ? Pages.Render<BroadcastPage>(new
            {
                Session = session,
                found.Value.Broadcast,
                found.Value.Post,
                Progress = BroadcastProgress.Of(found.Value.Counts),
                CanControl = BroadcastService.ControlRefusal(session) is null,
                Notice = ConsoleNotices.Text(notice),
            })
            : Pages.Refusal(session, found.Refusal);
    }

    private static IResult Done(StaffSession session, long id, StaffResult<Broadcast> result, string notice) =>
        result.IsOk ? Pages.SeeOther(ConsolePaths.Broadcast(id), notice) : Pages.Refusal(session, result.Refusal);

    /// <summary>True when the broadcast has ended: its page stops polling.</summary>
    public static bool IsFinished(Broadcast broadcast) =>
        broadcast is not null && BroadcastStatuses.IsFinished(broadcast.Status);
}
