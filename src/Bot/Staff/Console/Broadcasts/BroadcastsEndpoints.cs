using Microsoft.AspNetCore.Http;
using Outreach.Bot.Staff.Apis;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Content.Broadcasts;

namespace Outreach.Bot.Staff.Console.Broadcasts;

/// <summary>/staff/broadcasts/{id}: a sending's progress (kept live by polling the staff API), and pause, resume or cancel it.</summary>
public static class BroadcastsEndpoints
{
    public static RouteGroupBuilder MapConsoleBroadcasts(this RouteGroupBuilder console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MapGet("/broadcasts/{id:long}", ShowAsync);
        console.MapPost("/broadcasts/{id:long}/pause", (long id, HttpContext http, [AsParameters] StaffApiServices s,
            CancellationToken ct) =>
            ControlAsync(id, http, s, s.Control.PauseAsync, ConsoleNotices.Paused, ct));
        console.MapPost("/broadcasts/{id:long}/resume", (long id, HttpContext http, [AsParameters] StaffApiServices s,
            CancellationToken ct) =>
            ControlAsync(id, http, s, s.Control.ResumeAsync, ConsoleNotices.Resumed, ct));
        console.MapPost("/broadcasts/{id:long}/cancel", (long id, HttpContext http, [AsParameters] StaffApiServices s,
            CancellationToken ct) =>
            ControlAsync(id, http, s, s.Control.CancelAsync, ConsoleNotices.Cancelled, ct));
        return console;
    }

    private static async Task<IResult> ShowAsync(long id, string? notice, HttpContext http, [AsParameters] StaffApiServices s,
        CancellationToken ct)
    {
        var session = http.Session();
        if (await BroadcastsApi.VisibleAsync(id, session, s, ct) is not { } broadcast)
        {
            return Pages.NotFound(session);
        }

        var post = (await s.Posts.FindAsync(broadcast.PostId, ct))!;
        var progress = BroadcastProgress.Of(await s.Deliveries.CountAsync(id, ct));
        return Pages.Render<BroadcastPage>(new
        {
            Session = session,
            Broadcast = broadcast,
            Post = post,
            Progress = progress,
            CanControl = BroadcastsApi.ControlRefusal(session) is null,
            Notice = ConsoleNotices.Text(notice),
        });
    }

    private static async Task<IResult> ControlAsync(
        long id, HttpContext http, StaffApiServices s, Func<long, CancellationToken, Task<bool>> action, string notice,
        CancellationToken ct)
    {
        var session = http.Session();
        if (await BroadcastsApi.VisibleAsync(id, session, s, ct) is null)
        {
            return Pages.NotFound(session);
        }

        if (BroadcastsApi.ControlRefusal(session) is { } refusal)
        {
            return Pages.Forbidden(session, refusal);
        }

        return await action(id, ct)
            ? Pages.SeeOther(ConsolePaths.Broadcast(id), notice)
            : Pages.Problem("Không thực hiện được", "Đợt gửi không ở trạng thái cho phép thao tác này. Hãy tải lại trang.",
                StatusCodes.Status409Conflict, session);
    }

    /// <summary>True when the broadcast has ended: its page stops polling.</summary>
    public static bool IsFinished(Broadcast broadcast) =>
        broadcast?.Status is BroadcastStatuses.Completed or BroadcastStatuses.Cancelled or BroadcastStatuses.Failed;
}
