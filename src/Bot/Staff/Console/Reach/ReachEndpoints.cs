using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Outreach.Bot.Staff.Apis;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Content.OrgUnits;
using Outreach.Content.Staff;
using Outreach.Content.Stats;

namespace Outreach.Bot.Staff.Console.Reach;

/// <summary>
/// /staff/reach?unitId=&amp;period=: the reach dashboard of a unit of hers and a period, with its target progress bars; and
/// /staff/reach/targets, where admins and approvers set a target. Units and periods are resolved exactly as the JSON API and
/// the exports resolve them (<see cref="ReachApiServices"/>): another unit's figures do not exist for her.
/// </summary>
public static class ReachEndpoints
{
    public const string TargetSaved = "target-saved";

    private const string ApproversOnly = "Chỉ quản trị hoặc người duyệt mới giao chỉ tiêu.";

    public static RouteGroupBuilder MapConsoleReach(this RouteGroupBuilder console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MapGet("/reach", ShowAsync);
        console.MapPost("/reach/targets", SetTargetAsync);
        return console;
    }

    private static async Task<IResult> ShowAsync(
        long? unitId, string? period, string? notice, HttpContext http, [AsParameters] ReachApiServices s, CancellationToken ct)
    {
        var session = http.Session();
        var (unit, found, refusal) = await ResolveAsync(session, unitId, period, s, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var view = await ReachView.LoadAsync(session, unit!, found!, s, ct);
        var form = new TargetForm { UnitId = unit!.Id, Period = found!.Code };
        return Pages.Render<ReachPage>(new { View = view, Form = form, Notice = notice == TargetSaved ? "Đã lưu chỉ tiêu." : null });
    }

    private static async Task<IResult> SetTargetAsync(
        [FromForm] TargetForm form, HttpContext http, [AsParameters] ReachApiServices s, CancellationToken ct)
    {
        var session = http.Session();
        var (unit, period, refusal) = await ResolveAsync(session, form.UnitId, form.Period, s, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!StaffRoles.CanApprove(session.User.Role))
        {
            return Pages.Forbidden(session, ApproversOnly);
        }

        var indicator = form.Indicator is { Length: > 0 } code ? await s.Targets.FindIndicatorAsync(code, ct) : null;
        var problems = form.Check(indicator);
        if (problems.Count > 0)
        {
            var view = await ReachView.LoadAsync(session, unit!, period!, s, ct);
            return Pages.Render<ReachPage>(new { View = view, Form = form, Problems = problems }, StatusCodes.Status400BadRequest);
        }

        await s.Targets.SetTargetAsync(indicator!.Id, unit!.Id, period!.Id, form.Number!.Value, null, session.User.Id, s.Time.GetUtcNow(), ct);
        return Pages.SeeOther(ReachLinks.Page(unit.Id, period.Code), TargetSaved);
    }

    // The API's own resolution, its refusals said as console pages: a unit outside her scope is the same 404 as a wrong id.
    private static async Task<(OrgUnit? Unit, ReportPeriod? Period, IResult? Refusal)> ResolveAsync(
        StaffSession session, long? unitId, string? period, ReachApiServices s, CancellationToken ct)
    {
        var (unit, found, problem) = await s.ResolveAsync(session, unitId, period, ct);
        return problem is null ? (unit, found, null)
            : unit is null ? (null, null, Pages.NotFound(session))
            : (null, null, Pages.Problem("Không có kỳ báo cáo này",
                "Kỳ báo cáo là một năm (ví dụ 2026) hoặc một nhiệm kỳ đã được định nghĩa.", StatusCodes.Status404NotFound, session));
    }
}
