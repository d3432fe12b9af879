using Microsoft.AspNetCore.Http;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Bot.Staff.Notices;

namespace Outreach.Bot.Staff.Console.Notices;

/// <summary>/staff/notices ("Thông báo"): what this staff member is to be told now (<see cref="NoticeService"/>).</summary>
public static class NoticesEndpoints
{
    public static RouteGroupBuilder MapConsoleNotices(this RouteGroupBuilder console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MapGet("/notices", async (HttpContext http, NoticeService notices, CancellationToken ct) =>
        {
            var session = http.Session();
            return Pages.Render<NoticesPage>(new { Session = session, Notices = await notices.CurrentAsync(session, ct) });
        });
        return console;
    }
}
