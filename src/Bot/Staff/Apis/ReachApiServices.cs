using Microsoft.AspNetCore.Http;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.OrgUnits;
using Outreach.Content.Stats;
using Outreach.Content.Targets;
using Outreach.Content.Time;

namespace Outreach.Bot.Staff.Apis;

/// <summary>What the reach, targets and export handlers need, bound in one parameter.</summary>
public sealed record ReachApiServices(
    OrgUnitStore Units,
    ReportPeriodStore Periods,
    ReachQuery Reach,
    TargetStore Targets,
    TargetQuery TargetQuery,
    TimeProvider Time)
{
    /// <summary>
    /// The unit asked for (her own when none is named) and the period (this Vietnamese year when none is named), or the
    /// problem to answer: a unit outside her scope does not exist for her (404), as in the posts API.
    /// </summary>
    internal async Task<(OrgUnit? Unit, ReportPeriod? Period, IResult? Problem)> ResolveAsync(
        StaffSession session, long? unitId, string? period, CancellationToken cancellationToken)
    {
        var unit = unitId is { } id ? await Units.FindAsync(id, cancellationToken) : session.Unit;
        if (unit is null || !session.Sees(unit))
        {
            return (null, null, PostsApi.NotFound());
        }

        var code = string.IsNullOrWhiteSpace(period) ? VietnamTime.ToLocal(Time.GetUtcNow()).Year.ToString(System.Globalization.CultureInfo.InvariantCulture) : period.Trim();
        var found = await Periods.FindAsync(code, cancellationToken);
        return found is null
            ? (unit, null, TypedResults.Problem($"Kỳ báo cáo '{code}' không tồn tại.", statusCode: StatusCodes.Status404NotFound))
            : (unit, found, null);
    }
}
