using Outreach.Bot.Staff.Apis;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.OrgUnits;
using Outreach.Content.Staff;
using Outreach.Content.Stats;
using Outreach.Content.Targets;

namespace Outreach.Bot.Staff.Console.Reach;

/// <summary>
/// Everything the reach page shows: the report (from <see cref="ReachQuery"/>, the very object the JSON API returns and the
/// exports write), the targets with their progress, and what she can choose: the units from her own down to this one and the
/// ones just below it, and the periods.
/// </summary>
public sealed record ReachView(
    StaffSession Session,
    ReachReport Report,
    TargetReport Targets,
    IReadOnlyList<OrgUnit> Path,
    IReadOnlyList<ReportPeriod> Periods,
    IReadOnlyList<Indicator> Indicators)
{
    /// <summary>Admins and approvers set targets; editors and viewers only read them.</summary>
    public bool CanSetTargets => StaffRoles.CanApprove(Session.User.Role);

    public string PeriodCode => Report.Period.Code;

    public long UnitId => Report.Unit.Id;

    /// <summary>Loads the page of a unit and period already checked to be in her scope.</summary>
    public static async Task<ReachView> LoadAsync(
        StaffSession session, OrgUnit unit, ReportPeriod period, ReachApiServices s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(s);
        var report = await s.Reach.ReportAsync(unit, period, ct);
        var targets = await s.TargetQuery.ReportAsync(unit, period, ct);
        var path = (await s.Units.GetAncestryAsync(unit.Id, ct)).Where(session.Sees).ToList();
        var periods = await s.Periods.ListAsync(ct);
        var indicators = await s.Targets.ListIndicatorsAsync(ct);
        return new ReachView(session, report, targets, path, periods, indicators);
    }
}
