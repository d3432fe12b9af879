namespace Outreach.Content.Stats;

/// <summary>
/// A reporting period: a calendar year ("2026"), a quarter ("2026-Q1"), a half-year ("2026-H1"), a range of days
/// ("2026-03-01_2026-05-31"), a term ("2021-2026", nhiệm kỳ) or another span staff define (see <see cref="ReportPeriodCodes"/>). Days are
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

    /// <summary>A quarter ("Quý I/2026"); exists by itself, like a year.</summary>
    public const string Quarter = "quarter";

    /// <summary>A half-year ("6 tháng đầu năm 2026"); exists by itself.</summary>
    public const string Half = "half";

    /// <summary>A range of days chosen in the report ("Từ 01/03/2026 đến 31/05/2026"); exists by itself.</summary>
    public const string Range = "range";
}
