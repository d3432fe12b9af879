using Microsoft.AspNetCore.Http;
using Outreach.Bot.Staff.Apis;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Content.Posts;

namespace Outreach.Bot.Staff.Console.Approvals;

/// <summary>/staff/approvals: the posts waiting for this staff member's approval (those <see cref="PostWorkflow"/> lets her
/// approve).</summary>
public static class ApprovalsEndpoints
{
    public static RouteGroupBuilder MapConsoleApprovals(this RouteGroupBuilder console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MapGet("/approvals", QueueAsync);
        return console;
    }

    private static async Task<IResult> QueueAsync(HttpContext http, [AsParameters] StaffApiServices s, CancellationToken ct)
    {
        var session = http.Session();
        var units = (await s.Units.GetSubtreeAsync(session.Unit.Id, ct)).ToDictionary(u => u.Id);
        var waiting = await s.Posts.ListAsync(session.Unit.Id, PostStatuses.Submitted, 200, ct);
        var mine = waiting
            .Where(p => units.TryGetValue(p.OrgUnitId, out var unit)
                && PostWorkflow.Refusal(session.User, session.Unit, p, unit, PostStatuses.Approved) is null)
            .OrderBy(p => p.UpdatedAt)
            .ToList();
        var others = waiting.Count - mine.Count;
        var names = mine.ToDictionary(p => p.Id, p => units[p.OrgUnitId].Name);
        return Pages.Render<ApprovalQueuePage>(new { Session = session, Posts = mine, UnitNames = names, Others = others });
    }
}
