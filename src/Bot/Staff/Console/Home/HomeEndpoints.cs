using Microsoft.AspNetCore.Http;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Bot.Staff.Posts;

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

    private static async Task<IResult> ShowAsync(HttpContext http, PostService posts, CancellationToken ct)
    {
        var session = http.Session();
        return Pages.Render<HomePage>(new { Session = session, Counts = await posts.CountsAsync(session, ct) });
    }
}
