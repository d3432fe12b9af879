using Microsoft.AspNetCore.Http;
using Outreach.Bot.Staff.Console.Layout;

namespace Outreach.Bot.Staff.Console.Home;

/// <summary>/staff: the overview of the staff member's units (posts by status, what waits for her).</summary>
public static class HomeEndpoints
{
    public static RouteGroupBuilder MapConsoleHome(this RouteGroupBuilder console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MapGet("", ShowAsync);
        return console;
    }

    private static async Task<IResult> ShowAsync(HttpContext http, ConsoleStore store, CancellationToken ct)
    {
        var session = http.Session();
        return Pages.Render<HomePage>(new { Session = session, Counts = await store.PostCountsAsync(session.Unit.Id, ct) });
    }
}
