namespace Outreach.Bot.Staff.Console.Reach;

/// <summary>
/// What staff post to record the result of a manual indicator (women trained…) for the unit and period the page shows: the
/// value written the Vietnamese way ("1.050", "12,5") and an optional note.
/// </summary>
public sealed class ManualResultForm
{
    public long UnitId { get; set; }

    public string? Period { get; set; }

    public string? Indicator { get; set; }

    public string? Value { get; set; }

    public string? Note { get; set; }

    public decimal? Number => TargetForm.ParseNumber(Value);

    /// <summary>The form's own problem (a value not written as a number); the range and the note are the targets service's rules.</summary>
    public Dictionary<string, string[]> Check()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Number is null)
        {
            errors["value"] = [string.IsNullOrWhiteSpace(Value)
                ? "Nhập kết quả bằng số (0 nếu chưa có), ví dụ 1.050 hoặc 1050."
                : "Kết quả phải là số không âm, ví dụ 1.050 hoặc 1050 (dấu phẩy trước tối đa 2 chữ số thập phân)."];
        }

        return errors;
    }

    /// <summary>The id prefix of one indicator's fields (<c>kq-women_trained</c>): each form on the page has its own.</summary>
    public static string FieldId(string indicatorCode, string field) => $"kq-{indicatorCode}-{field}";
}
