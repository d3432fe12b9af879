using Microsoft.AspNetCore.Http;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Bot.Staff.Posts;

namespace Outreach.Bot.Staff.Console.Approvals;

/// <summary>/staff/approvals: the posts waiting for this staff member's approval (<see cref="PostService.AwaitingApprovalAsync"/>).</summary>
public static class ApprovalsEndpoints
{
    public static RouteGroupBuilder MapConsoleApprovals(this RouteGroupBuilder console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MapGet("/approvals", QueueAsync);
        return console;
    }

    private static async Task<IResult> QueueAsync(HttpContext http, PostService posts, CancellationToken ct)
    {
        var session = http.Session();
        var (mine, others) = await posts.AwaitingApprovalAsync(session, ct);
        var names = mine.ToDictionary(p => p.Post.Id, p => p.Unit.Name);
        var authors = await posts.StaffNamesAsync(mine.Select(p => p.Post.CreatedBy), ct);
        return Pages.Render<ApprovalQueuePage>(new
        {
            Session = session, Posts = mine.Select(p => p.Post).ToList(), UnitNames = names, AuthorNames = authors, Others = others,
        });
    }
}
