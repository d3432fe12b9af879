namespace Outreach.Content.Targets;

/// <summary>
/// Something a unit has a target for. <see cref="Source"/> says how its result is found: counted from reach
/// (<see cref="ReachKind"/>, <see cref="Measure"/> people or events, optional <see cref="Topic"/>), counted from the posts
/// that went out, members connected at the period's end (optional <see cref="Channel"/>: "hội viên theo dõi Zalo OA"), or
/// entered by staff. <see cref="CountsWhole"/>: it counts whole things (people, posts), so its targets and results are whole numbers.
/// </summary>
public sealed record Indicator(
    long Id, string Code, string NameVi, string UnitVi, string Source, string? ReachKind, string? Measure, string? Topic, int PercentDecimals,
    string? Channel = null, bool CountsWhole = true);

/// <summary>Where an indicator's result comes from.</summary>
public static class IndicatorSources
{
    public const string Reach = "reach";
    public const string Posts = "posts";
    public const string Manual = "manual";

    /// <summary>Members connected to the unit (and below it) at the end of the period (Members/MemberGrowthStore).</summary>
    public const string Members = "members";

    /// <summary>Views the platforms report for the unit's posts on Page feeds and as Zalo articles (Stats/PlatformReachStore).</summary>
    public const string PlatformViews = "platform_views";
}

/// <summary>The target of one indicator for a unit and period, and how far the unit (with everything below it) got.</summary>
public sealed record TargetProgress(
    long IndicatorId,
    string IndicatorCode,
    string IndicatorName,
    string UnitVi,
    string Source,
    decimal Target,
    decimal Achieved,
    decimal Ratio,
    string PercentText,
    string Text,
    bool IsMet,
    string? Note,
    int PercentDecimals = 0);

/// <summary>All targets of a unit for a period, with the verdict ("đạt và vượt 2/3 chỉ tiêu").</summary>
public sealed record TargetReport(long UnitId, string UnitName, string PeriodCode, string PeriodName, IReadOnlyList<TargetProgress> Targets, int Met, string Verdict);

/// <summary>What was entered for a manual indicator for one unit and period: the value, a note, who entered it and when.</summary>
public sealed record ManualResult(long IndicatorId, decimal Value, string? Note, string EnteredBy, DateTimeOffset EnteredAt);
