using Microsoft.AspNetCore.Http;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Bot.Staff.Posts;
using Outreach.Content.Broadcasts;
using Outreach.Content.Time;

namespace Outreach.Bot.Staff.Console.Schedule;

/// <summary>/staff/calendar?month=yyyy-MM: what the staff member's units send in a month, day by day.</summary>
public static class CalendarEndpoints
{
    public static RouteGroupBuilder MapConsoleCalendar(this RouteGroupBuilder console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MapGet("/calendar", ShowAsync);
        return console;
    }

    private static async Task<IResult> ShowAsync(string? month, HttpContext http, PostService posts, QuietHours quietHours, TimeProvider time,
        CancellationToken ct)
    {
        var session = http.Session();
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(time.GetUtcNow()).DateTime);
        var (year, number) = CalendarMonth.ParseMonth(month, today);
        var (start, end) = CalendarMonth.Bounds(year, number);
        var scheduled = await posts.ScheduledAsync(session, start, end, ct);
        return Pages.Render<CalendarPage>(new { Session = session, Month = CalendarMonth.Build(year, number, scheduled, quietHours.NextAllowed), Today = today });
    }
}
