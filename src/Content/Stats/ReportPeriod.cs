namespace Outreach.Content.Stats;

/// <summary>
/// A reporting period: a calendar year ("2026"), a term ("2021-2026", nhiệm kỳ) or another span staff define. Days are
/// Vietnamese calendar days (Asia/Ho_Chi_Minh); both ends are included.
/// </summary>
public sealed record ReportPeriod(long Id, string Kind, string Code, string NameVi, DateOnly StartsOn, DateOnly EndsOn, bool IsRolledUp)
{
    public bool Contains(DateOnly day) => day >= StartsOn && day <= EndsOn;
}

/// <summary>Period kinds.</summary>
public static class ReportPeriodKinds
{
    public const string Year = "year";
    public const string Term = "term";
    public const string Custom = "custom";
}
