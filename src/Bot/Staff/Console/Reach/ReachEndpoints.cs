using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Bot.Staff.Reach;
using Outreach.Bot.Staff.Targets;

namespace Outreach.Bot.Staff.Console.Reach;

/// <summary>
/// /staff/reach?unitId=&amp;period=: the reach dashboard of a unit of hers and a period, with its target progress bars; and
/// /staff/reach/targets, where admins and approvers set a target. Units, periods and targets go through the same services as
/// the JSON API and the exports (<see cref="ReachService"/>, <see cref="TargetService"/>): another unit's figures do not exist for her.
/// </summary>
public static class ReachEndpoints
{
    public const string TargetSaved = "target-saved";

    public static RouteGroupBuilder MapConsoleReach(this RouteGroupBuilder console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MapGet("/reach", ShowAsync);
        console.MapPost("/reach/targets", SetTargetAsync);
        return console;
    }

    private static async Task<IResult> ShowAsync(
        long? unitId, string? period, string? notice, HttpContext http, ReachService reach, TargetService targets, CancellationToken ct)
    {
        var session = http.Session();
        var view = await ReachView.LoadAsync(session, unitId, period, reach, targets, ct);
        if (!view.IsOk)
        {
            return Pages.Refusal(session, view.Refusal);
        }

        var form = new TargetForm { UnitId = view.Value.UnitId, Period = view.Value.PeriodCode };
        return Pages.Render<ReachPage>(new { View = view.Value, Form = form, Notice = notice == TargetSaved ? "Đã lưu chỉ tiêu." : null });
    }

    private static async Task<IResult> SetTargetAsync(
        [FromForm] TargetForm form, HttpContext http, ReachService reach, TargetService targets, CancellationToken ct)
    {
        var session = http.Session();
        var problems = form.Check();
        if (problems.Count == 0)
        {
            var saved = await targets.SetTargetAsync(session, new TargetRequest(form.Indicator, form.UnitId, form.Period, form.Number, null), ct);
            if (saved.IsOk)
            {
                return Pages.SeeOther(ReachLinks.Page(form.UnitId, form.Period), TargetSaved);
            }

            if (saved.Refusal.Kind != StaffRefusalKind.Invalid)
            {
                return Pages.Refusal(session, saved.Refusal);
            }

            problems = new Dictionary<string, string[]>(saved.Refusal.Problems, StringComparer.Ordinal);
        }

        // The page again, with the problems under the fields (the unit and period checked the same way first).
        var view = await ReachView.LoadAsync(session, form.UnitId, form.Period, reach, targets, ct);
        if (!view.IsOk)
        {
            return Pages.Refusal(session, view.Refusal);
        }

        return TargetService.TargetRefusal(session) is { } refusal
            ? Pages.Forbidden(session, refusal)
            : Pages.Render<ReachPage>(new { View = view.Value, Form = form, Problems = problems }, StatusCodes.Status400BadRequest);
    }
}
