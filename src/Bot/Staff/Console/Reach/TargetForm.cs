using System.Globalization;
using System.Text.RegularExpressions;
using Outreach.Content.Targets;

namespace Outreach.Bot.Staff.Console.Reach;

/// <summary>
/// What an admin or approver posts to set a target: the indicator, the unit and period the page shows, and the value written
/// the Vietnamese way ("1.050", "1050", "12,5").
/// </summary>
public sealed partial class TargetForm
{
    public long UnitId { get; set; }

    public string? Period { get; set; }

    public string? Indicator { get; set; }

    public string? Value { get; set; }

    /// <summary>The value as a number, when it is written as one: dots group thousands, a comma starts at most two decimals.</summary>
    public decimal? Number => ParseNumber(Value);

    /// <summary>
    /// A number written the Vietnamese way ("1.050", "1050", "12,5"), or null. A minus sign ("-5", "−5") gives a negative number,
    /// which the targets service refuses with its own message ("phải lớn hơn hoặc bằng 0"), not as something that is no number.
    /// </summary>
    public static decimal? ParseNumber(string? value)
    {
        if (value?.Trim() is not { Length: > 0 } text)
        {
            return null;
        }

        var negative = text[0] is '-' or '\u2212' or '\u2013';
        var digits = negative ? text[1..].TrimStart() : text;
        return NumberPattern().IsMatch(digits)
            ? (negative ? -1 : 1) * decimal.Parse(digits, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, VietnameseFormat.Culture)
            : null;
    }

    /// <summary>
    /// The form's own problem: a value not written as a number (the Vietnamese way). Everything else (the indicator, the
    /// range) is the targets service's rule.
    /// </summary>
    public Dictionary<string, string[]> Check()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(Value))
        {
            errors["value"] = ["Nhập giá trị chỉ tiêu, ví dụ 1.050 hoặc 12,5."];
        }
        else if (Number is null)
        {
            errors["value"] = ["Nhập chỉ tiêu bằng số, ví dụ 1.050 hoặc 1050 (dấu phẩy trước tối đa 2 chữ số thập phân)."];
        }

        return errors;
    }

    // "1050", "1.050", "1.050,5", "12,25": groups of three after the first dot, never "1.5" (which a reader could take for 1,5);
    // at most 15 digits before the comma, so parsing cannot overflow.
    [GeneratedRegex(@"^(\d{1,3}(\.\d{3}){1,4}|\d{1,15})(,\d{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
