using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Reach;
using Outreach.Bot.Staff.Targets;
using Outreach.Content.OrgUnits;
using Outreach.Content.Stats;
using Outreach.Content.Targets;

namespace Outreach.Bot.Staff.Console.Reach;

/// <summary>
/// Everything the reach page shows: the report (the very object the JSON API returns and the exports write), the targets with
/// their progress, and what she can choose: the units from her own down to this one and the ones just below it, and the periods.
/// </summary>
public sealed record ReachView(
    StaffSession Session,
    ReachReport Report,
    TargetReport Targets,
    IReadOnlyList<OrgUnit> Path,
    IReadOnlyList<ReportPeriod> Periods,
    IReadOnlyList<Indicator> Indicators,
    MembersOverTime Members,
    ReportPeriod Period,
    DateOnly Today,
    IReadOnlyList<ManualEntry> ManualEntries,
    IReadOnlyList<PlatformPostReach> PlatformPosts)
{
    /// <summary>Everyone but viewers enters the results of manual indicators.</summary>
    public bool CanEnterResults => Session.User.Role != Outreach.Content.Staff.StaffRoles.Viewer;

    /// <summary>Admins and approvers set targets; editors and viewers only read them.</summary>
    public bool CanSetTargets => TargetService.TargetRefusal(Session) is null;

    public string PeriodCode => Report.Period.Code;

    public long UnitId => Report.Unit.Id;

    /// <summary>The page of a unit and period of hers, or why not (another unit: not found; an unknown period: its own page).</summary>
    public static async Task<StaffResult<ReachView>> LoadAsync(
        StaffSession session, long? unitId, string? period, ReachService reach, TargetService targets, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reach);
        ArgumentNullException.ThrowIfNull(targets);
        var dashboard = await reach.DashboardAsync(session, unitId, period, ct);
        if (!dashboard.IsOk)
        {
            return dashboard.Refusal;
        }

        var d = dashboard.Value;
        var manual = await targets.ManualEntriesAsync(new ReportScope(d.Path[^1], d.Period), ct);
        return new ReachView(session, d.Report, d.Targets, d.Path, d.Periods, await targets.IndicatorsAsync(ct), d.Members, d.Period, d.Today, manual, d.PlatformPosts);
    }
}
