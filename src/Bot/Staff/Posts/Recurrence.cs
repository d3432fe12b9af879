using System.Globalization;
using Cronos;
using Outreach.Content.Time;

namespace Outreach.Bot.Staff.Posts;

/// <summary>
/// A repeating schedule as staff choose it (issue 18.5): every day, every week on some weekdays, or every month on a day, at
/// a local time in Asia/Ho_Chi_Minh. It is stored as the cron Hangfire runs (<see cref="ToCron"/>) and read back from it
/// (<see cref="FromCron"/>) so the console shows "Hằng tuần, thứ Hai lúc 08:00", never "0 8 * * 1".
/// </summary>
/// <param name="Every"><see cref="Daily"/>, <see cref="Weekly"/> or <see cref="Monthly"/>.</param>
/// <param name="Time">"HH:mm" (24 hours).</param>
/// <param name="Weekdays">For weekly: 0 = Sunday … 6 = Saturday (cron's numbering).</param>
/// <param name="DayOfMonth">For monthly: 1–28 (a day every month has).</param>
public sealed record Recurrence(string? Every, string? Time, int[]? Weekdays = null, int? DayOfMonth = null)
{
    public const string Daily = "daily";
    public const string Weekly = "weekly";
    public const string Monthly = "monthly";

    /// <summary>The weekdays in the order a Vietnamese week is read (thứ Hai first), with their names.</summary>
    public static IReadOnlyList<(int Day, string Name)> WeekdayNames { get; } =
        [(1, "Thứ Hai"), (2, "Thứ Ba"), (3, "Thứ Tư"), (4, "Thứ Năm"), (5, "Thứ Sáu"), (6, "Thứ Bảy"), (0, "Chủ nhật")];

    /// <summary>What is wrong with it, by field, in Vietnamese (empty when nothing).</summary>
    public Dictionary<string, string[]> Problems()
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Every is not (Daily or Weekly or Monthly))
        {
            problems["repeat"] = ["Chọn lặp lại hằng ngày, hằng tuần hoặc hằng tháng."];
        }

        if (ParseTime(Time) is null)
        {
            problems["repeatTime"] = ["Giờ gửi viết dạng giờ:phút 24 giờ, ví dụ 08:00 hoặc 19:30."];
        }

        if (Every == Weekly && (Weekdays is not { Length: > 0 } || Weekdays.Any(d => d is < 0 or > 6)))
        {
            problems["weekdays"] = ["Chọn ít nhất một ngày trong tuần."];
        }

        if (Every == Monthly && DayOfMonth is not (>= 1 and <= 28))
        {
            problems["dayOfMonth"] = ["Chọn ngày từ 1 đến 28 (ngày tháng nào cũng có)."];
        }

        return problems;
    }

    /// <summary>The 5-field cron of a valid recurrence (check <see cref="Problems"/> first).</summary>
    public string ToCron()
    {
        var time = ParseTime(Time) ?? throw new InvalidOperationException("The recurrence has no valid time.");
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{time.Minute} {time.Hour}");
        return Every switch
        {
            Daily => prefix + " * * *",
            Weekly => prefix + " * * " + string.Join(',', Weekdays!.Distinct().Order()),
            Monthly => prefix + string.Create(CultureInfo.InvariantCulture, $" {DayOfMonth} * *"),
            _ => throw new InvalidOperationException("The recurrence has no valid kind."),
        };
    }

    /// <summary>The recurrence a cron written by <see cref="ToCron"/> stands for; null for any other cron (shown as it is).</summary>
    public static Recurrence? FromCron(string? cron)
    {
        var fields = cron?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields is not { Length: 5 } || !int.TryParse(fields[0], CultureInfo.InvariantCulture, out var minute)
            || !int.TryParse(fields[1], CultureInfo.InvariantCulture, out var hour) || minute is < 0 or > 59 || hour is < 0 or > 23
            || fields[3] != "*")
        {
            return null;
        }

        var time = string.Create(CultureInfo.InvariantCulture, $"{hour:D2}:{minute:D2}");
        return (fields[2], fields[4]) switch
        {
            ("*", "*") => new Recurrence(Daily, time),
            ("*", var days) when ParseDays(days) is { } weekdays => new Recurrence(Weekly, time, weekdays),
            (var day, "*") when int.TryParse(day, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31 =>
                new Recurrence(Monthly, time, null, d),
            _ => null,
        };
    }

    /// <summary>How staff read it: "Hằng tuần vào Thứ Hai, Thứ Năm lúc 08:00".</summary>
    public string Describe() => Every switch
    {
        Daily => $"Hằng ngày lúc {Time}",
        Weekly => $"Hằng tuần vào {string.Join(", ", WeekdayNames.Where(w => Weekdays!.Contains(w.Day)).Select(w => w.Name))} lúc {Time}",
        Monthly => $"Hằng tháng vào ngày {DayOfMonth} lúc {Time}",
        _ => "",
    };

    /// <summary>A cron as staff read it: the recurrence it stands for, or the cron itself.</summary>
    public static string Describe(string cron) => FromCron(cron)?.Describe() ?? $"lặp lại theo \"{cron}\" (giờ Việt Nam)";

    /// <summary>The next occurrences of a cron after <paramref name="after"/>, read in Asia/Ho_Chi_Minh.</summary>
    public static IEnumerable<DateTimeOffset> Occurrences(string cron, DateTimeOffset after) =>
        CronExpression.Parse(cron).GetOccurrences(after, after.AddYears(1), VietnamTime.Zone, fromInclusive: false).Select(at => at.ToUniversalTime());

    /// <summary>"HH:mm" or "H:mm" as a time of day; null for anything else.</summary>
    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    private static int[]? ParseDays(string field)
    {
        var days = new List<int>();
        foreach (var part in field.Split(','))
        {
            if (!int.TryParse(part, CultureInfo.InvariantCulture, out var day) || day is < 0 or > 7)
            {
                return null;
            }

            days.Add(day % 7);
        }

        return days.Distinct().Order().ToArray();
    }
}
