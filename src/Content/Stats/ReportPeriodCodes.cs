using System.Globalization;
using System.Text.RegularExpressions;
using Outreach.Content.Targets;

namespace Outreach.Content.Stats;

/// <summary>
/// The periods that exist by themselves, named by their code: a year (<c>2026</c>, "Năm 2026"), a quarter (<c>2026-Q1</c>,
/// "Quý I/2026"), a half-year (<c>2026-H1</c>, "6 tháng đầu năm 2026"; <c>2026-H2</c>, "6 tháng cuối năm 2026") and a range of
/// days (<c>2026-03-01_2026-05-31</c>, "Từ 01/03/2026 đến 31/05/2026"). Days are Vietnamese calendar days (Asia/Ho_Chi_Minh)
/// and both ends are included. Terms and other named periods are defined by staff and are not parsed here.
/// </summary>
public static partial class ReportPeriodCodes
{
    /// <summary>The longest range of days asked by dates (two years): every range becomes a period the roll-up keeps.</summary>
    public const int MaxRangeDays = 731;

    public const int FirstYear = 2000;

    public const int LastYear = 2100;

    /// <summary>"2026-Q1".</summary>
    public static string Quarter(int year, int quarter) => string.Create(CultureInfo.InvariantCulture, $"{year}-Q{quarter}");

    /// <summary>"2026-H1" (January to June) or "2026-H2".</summary>
    public static string Half(int year, int half) => string.Create(CultureInfo.InvariantCulture, $"{year}-H{half}");

    /// <summary>"2026-03-01_2026-05-31".</summary>
    public static string Range(DateOnly from, DateOnly to) =>
        from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "_" + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"Quý I/2026".</summary>
    public static string QuarterName(int year, int quarter) =>
        string.Create(CultureInfo.InvariantCulture, $"Quý {Roman(quarter)}/{year}");

    /// <summary>"6 tháng đầu năm 2026" or "6 tháng cuối năm 2026".</summary>
    public static string HalfName(int year, int half) =>
        string.Create(CultureInfo.InvariantCulture, $"6 tháng {(half == 1 ? "đầu" : "cuối")} năm {year}");

    /// <summary>"Từ 01/03/2026 đến 31/05/2026".</summary>
    public static string RangeName(DateOnly from, DateOnly to) => $"Từ {VietnameseFormat.Date(from)} đến {VietnameseFormat.Date(to)}";

    /// <summary>
    /// The period a code names when it is one of the periods that exist by themselves; null when the code is something else
    /// (a term's code, or nothing we know). A range whose dates are wrong gets <paramref name="problem"/>, in Vietnamese.
    /// </summary>
    public static ReportPeriodDefinition? Parse(string code, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(code);
        problem = null;
        var match = CodePattern().Match(code);
        if (!match.Success)
        {
            return null;
        }

        if (match.Groups["from"].Success)
        {
            if (!DateOnly.TryParseExact(match.Groups["from"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !DateOnly.TryParseExact(match.Groups["to"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
            {
                problem = "Ngày không có thật trong khoảng ngày đã chọn.";
                return null;
            }

            problem = RangeProblem(from, to);
            return problem is null ? new(ReportPeriodKinds.Range, Range(from, to), RangeName(from, to), from, to) : null;
        }

        var year = Number(match.Groups["year"].Value);
        if (match.Groups["q"].Success)
        {
            var quarter = Number(match.Groups["q"].Value);
            var start = new DateOnly(year, quarter * 3 - 2, 1);
            return Valid(year, ref problem) ? new(ReportPeriodKinds.Quarter, Quarter(year, quarter), QuarterName(year, quarter), start, start.AddMonths(3).AddDays(-1)) : null;
        }

        if (match.Groups["h"].Success)
        {
            var half = Number(match.Groups["h"].Value);
            var start = new DateOnly(year, half * 6 - 5, 1);
            return Valid(year, ref problem) ? new(ReportPeriodKinds.Half, Half(year, half), HalfName(year, half), start, start.AddMonths(6).AddDays(-1)) : null;
        }

        return Valid(year, ref problem)
            ? new(ReportPeriodKinds.Year, match.Groups["year"].Value, string.Create(CultureInfo.InvariantCulture, $"Năm {year}"), new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))
            : null;
    }

    /// <summary>Why a range of days cannot be a period (end before start, longer than two years, outside 2000–2100), or null.</summary>
    public static string? RangeProblem(DateOnly from, DateOnly to) =>
        to < from ? "Ngày kết thúc không được trước ngày bắt đầu."
        : to.DayNumber - from.DayNumber + 1 > MaxRangeDays ? "Khoảng ngày dài tối đa 2 năm (731 ngày)."
        : from.Year < FirstYear || to.Year > LastYear ? $"Chọn ngày trong các năm {FirstYear}–{LastYear}."
        : null;

    /// <summary>"I", "II", "III", "IV".</summary>
    public static string Roman(int quarter) => quarter switch { 1 => "I", 2 => "II", 3 => "III", 4 => "IV", _ => throw new ArgumentOutOfRangeException(nameof(quarter)) };

    private static bool Valid(int year, ref string? problem)
    {
        if (year is >= FirstYear and <= LastYear)
        {
            return true;
        }

        problem = $"Chọn năm trong khoảng {FirstYear}–{LastYear}.";
        return false;
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<year>\d{4})(-Q(?<q>[1-4])|-H(?<h>[12]))?$|^(?<from>\d{4}-\d{2}-\d{2})_(?<to>\d{4}-\d{2}-\d{2})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CodePattern();
}

/// <summary>A period as it is stored: kind, code, Vietnamese name, first and last day (both included).</summary>
public sealed record ReportPeriodDefinition(string Kind, string Code, string NameVi, DateOnly StartsOn, DateOnly EndsOn);
