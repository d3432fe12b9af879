using System.Globalization;
using Outreach.Content.Stats;

namespace Outreach.Bot.Staff.Console.Reach;

/// <summary>
/// The period picked in the reach page's filter (a plain GET form): a kind ("nam", "quy", "sau-thang", "khoang-ngay",
/// "nhiem-ky") and the fields it needs: the year; the quarter (1–4) or half (1–2); the first and last day as dd/MM/yyyy
/// (Vietnamese days, both included); or a defined term's code. Everything is text, read here, so a wrong field gets a
/// Vietnamese sentence under it instead of a 400 from the binder.
/// </summary>
public sealed class PeriodChoice
{
    public const string Year = "nam";
    public const string Quarter = "quy";
    public const string Half = "sau-thang";
    public const string Range = "khoang-ngay";
    public const string Defined = "nhiem-ky";

    public string? Kind { get; set; }

    public string? YearValue { get; set; }

    public string? QuarterValue { get; set; }

    public string? HalfValue { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? DefinedCode { get; set; }

    /// <summary>The choice in the page's address, or null when the address names no kind (then <c>period</c> does).</summary>
    public static PeriodChoice? FromQuery(Microsoft.AspNetCore.Http.IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? Get(string key) => query.TryGetValue(key, out var value) ? value.ToString() : null;
        return string.IsNullOrEmpty(Get("kind"))
            ? null
            : new PeriodChoice
            {
                Kind = Get("kind"), YearValue = Get("year"), QuarterValue = Get("quarter"), HalfValue = Get("half"), From = Get("from"),
                To = Get("to"), DefinedCode = Get("defined"),
            };
    }

    /// <summary>The fields as the page shows them for a period (the one on screen).</summary>
    public static PeriodChoice Of(ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return new PeriodChoice
        {
            Kind = period.Kind switch
            {
                ReportPeriodKinds.Year => Year,
                ReportPeriodKinds.Quarter => Quarter,
                ReportPeriodKinds.Half => Half,
                ReportPeriodKinds.Range => Range,
                _ => Defined,
            },
            YearValue = period.StartsOn.Year.ToString(CultureInfo.InvariantCulture),
            QuarterValue = ((period.StartsOn.Month + 2) / 3).ToString(CultureInfo.InvariantCulture),
            HalfValue = period.StartsOn.Month <= 6 ? "1" : "2",
            From = Outreach.Content.Targets.VietnameseFormat.Date(period.StartsOn),
            To = Outreach.Content.Targets.VietnameseFormat.Date(period.EndsOn),
            DefinedCode = period.Kind is ReportPeriodKinds.Term or ReportPeriodKinds.Custom ? period.Code : null,
        };
    }

    /// <summary>The period's code (<see cref="ReportPeriodCodes"/>), or each wrong field's problem in Vietnamese.</summary>
    public (string? Code, Dictionary<string, string[]> Problems) Resolve()
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        int? year = int.TryParse(YearValue, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= ReportPeriodCodes.FirstYear and <= ReportPeriodCodes.LastYear
            ? y
            : null;
        if (Kind is Year or Quarter or Half && year is null)
        {
            problems["year"] = [$"Chọn năm trong khoảng {ReportPeriodCodes.FirstYear}–{ReportPeriodCodes.LastYear}."];
        }

        switch (Kind)
        {
            case Year:
                return (year is { } a ? a.ToString(CultureInfo.InvariantCulture) : null, problems);
            case Quarter when QuarterValue is "1" or "2" or "3" or "4":
                return (year is { } b ? ReportPeriodCodes.Quarter(b, QuarterValue[0] - '0') : null, problems);
            case Quarter:
                problems["quarter"] = ["Chọn quý I, II, III hoặc IV."];
                return (null, problems);
            case Half when HalfValue is "1" or "2":
                return (year is { } c ? ReportPeriodCodes.Half(c, HalfValue[0] - '0') : null, problems);
            case Half:
                problems["half"] = ["Chọn 6 tháng đầu năm hoặc 6 tháng cuối năm."];
                return (null, problems);
            case Range:
                var from = Day(From, "from", "Từ ngày", problems);
                var to = Day(To, "to", "Đến ngày", problems);
                if (from is { } f && to is { } t && ReportPeriodCodes.RangeProblem(f, t) is { } wrong)
                {
                    problems["to"] = [wrong];
                }

                return (problems.Count == 0 ? ReportPeriodCodes.Range(from!.Value, to!.Value) : null, problems);
            case Defined when !string.IsNullOrWhiteSpace(DefinedCode):
                return (DefinedCode.Trim(), problems);
            case Defined:
                problems["defined"] = ["Chọn một nhiệm kỳ hoặc kỳ đã định nghĩa."];
                return (null, problems);
            default:
                problems["kind"] = ["Chọn loại kỳ: năm, quý, 6 tháng, khoảng ngày hoặc nhiệm kỳ."];
                return (null, problems);
        }
    }

    private static DateOnly? Day(string? text, string field, string label, Dictionary<string, string[]> problems)
    {
        if (DateOnly.TryParseExact(text?.Trim(), ["dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems[field] = [string.IsNullOrWhiteSpace(text)
            ? $"{label} là bắt buộc, dạng ngày/tháng/năm (ví dụ 01/03/2026)."
            : $"{label} '{text.Trim()}' không phải một ngày, hãy viết dạng ngày/tháng/năm (ví dụ 01/03/2026)."];
        return null;
    }
}
