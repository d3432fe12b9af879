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

    public const string ResultSaved = "result-saved";

    public static RouteGroupBuilder MapConsoleReach(this RouteGroupBuilder console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MapGet("/reach", ShowAsync);
        console.MapPost("/reach/targets", SetTargetAsync);
        console.MapPost("/reach/results", SetResultAsync);
        return console;
    }

    private static async Task<IResult> ShowAsync(
        long? unitId, string? period, string? notice, HttpContext http, ReachService reach, TargetService targets, CancellationToken ct)
    {
        var session = http.Session();

        // The filter's fields name a period: on to its own address; a wrong field: the page again with the problem under it.
        var choice = PeriodChoice.FromQuery(http.Request.Query);
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (choice is not null)
        {
            (var code, problems) = choice.Resolve();
            if (code is not null)
            {
                var chosen = await reach.ResolveAsync(session, unitId, code, ct);
                if (chosen.IsOk)
                {
                    return Results.Redirect(ReachLinks.Page(chosen.Value.Unit.Id, chosen.Value.Period.Code));
                }

                problems = chosen.Refusal.Kind is StaffRefusalKind.Invalid or StaffRefusalKind.NotFound
                    ? new Dictionary<string, string[]>(StringComparer.Ordinal) { [ProblemField(choice)] = [chosen.Refusal.Reason] }
                    : problems;
            }
        }

        var view = await ReachView.LoadAsync(session, unitId, period, reach, targets, ct);
        if (!view.IsOk && !string.IsNullOrWhiteSpace(period) && view.Refusal.Kind is StaffRefusalKind.Invalid or StaffRefusalKind.NotFound)
        {
            // A period in the address that is no period ("2026-Q9") or none that exists: the page of this year, with why,
            // rather than a page not found (the unit is checked again: another unit's is still not found).
            var thisYear = await ReachView.LoadAsync(session, unitId, null, reach, targets, ct);
            if (thisYear.IsOk)
            {
                var why = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["year"] = [view.Refusal.Reason] };
                return Pages.Render<ReachPage>(
                    new
                    {
                        View = thisYear.Value, Form = new TargetForm { UnitId = thisYear.Value.UnitId, Period = thisYear.Value.PeriodCode },
                        Choice = PeriodChoice.Of(thisYear.Value.Period), PeriodProblems = why,
                    },
                    StatusCodes.Status400BadRequest);
            }
        }

        if (!view.IsOk)
        {
            return Pages.Refusal(session, view.Refusal);
        }

        var form = new TargetForm { UnitId = view.Value.UnitId, Period = view.Value.PeriodCode };
        var notices = notice switch
        {
            TargetSaved => "Đã lưu chỉ tiêu.",
            ResultSaved => "Đã lưu kết quả.",
            _ => null,
        };
        return problems.Count > 0
            ? Pages.Render<ReachPage>(
                new { View = view.Value, Form = form, Choice = choice!, PeriodProblems = problems }, StatusCodes.Status400BadRequest)
            : Pages.Render<ReachPage>(new { View = view.Value, Form = form, Choice = PeriodChoice.Of(view.Value.Period), Notice = notices });
    }

    private static string ProblemField(PeriodChoice choice) => choice.Kind switch
    {
        PeriodChoice.Range => "to",
        PeriodChoice.Defined => "defined",
        _ => "year",
    };

    private static async Task<IResult> SetResultAsync(
        [FromForm] ManualResultForm form, HttpContext http, ReachService reach, TargetService targets, CancellationToken ct)
    {
        var session = http.Session();
        var problems = form.Check();
        if (problems.Count == 0)
        {
            var saved = await targets.SetResultAsync(session, new TargetRequest(form.Indicator, form.UnitId, form.Period, form.Number, form.Note), ct);
            if (saved.IsOk)
            {
                return Pages.SeeOther(ReachLinks.Page(form.UnitId, form.Period), ResultSaved);
            }

            if (saved.Refusal.Kind != StaffRefusalKind.Invalid)
            {
                return Pages.Refusal(session, saved.Refusal);
            }

            problems = new Dictionary<string, string[]>(saved.Refusal.Problems, StringComparer.Ordinal);
        }

        var view = await ReachView.LoadAsync(session, form.UnitId, form.Period, reach, targets, ct);
        if (!view.IsOk)
        {
            return Pages.Refusal(session, view.Refusal);
        }

        // Each problem under its own field of this indicator's form (an unknown indicator: under the value).
        var code = view.Value.ManualEntries.Any(e => e.Indicator.Code == form.Indicator) ? form.Indicator! : (view.Value.ManualEntries.Count > 0 ? view.Value.ManualEntries[0].Indicator.Code : "");
        var keyed = problems
            .GroupBy(p => ManualResultForm.FieldId(code, p.Key == "note" ? "note" : "value"), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(p => p.Value).ToArray(), StringComparer.Ordinal);
        return Pages.Render<ReachPage>(
            new
            {
                View = view.Value, Form = new TargetForm { UnitId = view.Value.UnitId, Period = view.Value.PeriodCode },
                Choice = PeriodChoice.Of(view.Value.Period), ManualFailed = code, ManualForm = form, ManualProblems = keyed,
            },
            StatusCodes.Status400BadRequest);
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
            : Pages.Render<ReachPage>(
                new { View = view.Value, Form = form, Problems = problems, Choice = PeriodChoice.Of(view.Value.Period) }, StatusCodes.Status400BadRequest);
    }
}
