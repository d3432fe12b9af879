using Outreach.Content.Members;
using Outreach.Content.OrgUnits;
using Outreach.Content.Stats;
using Outreach.Content.Time;

namespace Outreach.Content.Targets;

/// <summary>
/// A unit's targets for a period with what the unit and everything below it achieved: reach indicators from the roll-ups
/// (the same figures the dashboard shows), posts from the broadcasts that went out, members connected at the period's end,
/// manual ones from entered results.
/// </summary>
public sealed class TargetQuery(TargetStore targets, ReachQuery reach, MemberGrowthStore members, Stats.PlatformReachStore platformViews)
{
    public async Task<TargetReport> ReportAsync(OrgUnit unit, ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(period);
        var progress = new List<TargetProgress>();
        foreach (var (indicator, target, note) in await targets.TargetsAsync(unit.Id, period.Id, cancellationToken))
        {
            var achieved = await AchievedAsync(indicator, unit.Id, period, cancellationToken);
            progress.Add(new TargetProgress(
                indicator.Id, indicator.Code, indicator.NameVi, indicator.UnitVi, indicator.Source, target, achieved,
                decimal.Round(ProgressText.Ratio(achieved, target), 4),
                ProgressText.Percent(achieved, target, indicator.PercentDecimals),
                ProgressText.Sentence(achieved, target, indicator.PercentDecimals),
                achieved >= target,
                note,
                indicator.PercentDecimals));
        }

        var met = progress.Count(p => p.IsMet);
        return new TargetReport(unit.Id, unit.Name, period.Code, period.NameVi, progress, met, ProgressText.Verdict(met, progress.Count));
    }

    /// <summary>What the unit's subtree achieved for one indicator in the period.</summary>
    public async Task<decimal> AchievedAsync(Indicator indicator, long unitId, ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(period);
        return indicator.Source switch
        {
            IndicatorSources.Reach when indicator.Measure == "people" =>
                await reach.PeopleAsync(unitId, period.Id, indicator.ReachKind!, indicator.Topic, cancellationToken),
            IndicatorSources.Reach => await reach.EventsAsync(unitId, period, indicator.ReachKind!, indicator.Topic, cancellationToken),
            IndicatorSources.Members => await members.ConnectedAsync(
                unitId, VietnamTime.FromLocal(period.EndsOn.AddDays(1), TimeOnly.MinValue), indicator.Channel, cancellationToken),
            IndicatorSources.PlatformViews => await platformViews.ViewsAsync(unitId, period.StartsOn, period.EndsOn, indicator.Topic, cancellationToken),
            IndicatorSources.Posts => await targets.PostsSentAsync(unitId, period.StartsOn, period.EndsOn, indicator.Topic, cancellationToken),
            _ => await targets.ManualResultAsync(indicator.Id, unitId, period.Id, cancellationToken),
        };
    }
}
