using System.Globalization;
using Outreach.Bot.Staff.Posts;
using Outreach.Content.Posts;
using Outreach.Content.Time;

namespace Outreach.Bot.Staff.Console.Posts;

/// <summary>
/// The post page's scheduling form (issue 18.5): send now, once on a dd/MM/yyyy date at HH:mm (plain text fields, so the browser's
/// language never turns them month-first), or repeating daily, weekly on chosen weekdays, or monthly on a day; cron only under
/// "Nâng cao". A form with a problem comes back with everything typed in it; a form without one is confirmed first.
/// </summary>
public sealed class ScheduleForm
{
    public const string Now = "now";
    public const string Once = "once";
    public const string Cron = "cron";

    /// <summary>The choices of <see cref="Kind"/>, in the order the page offers them.</summary>
    public static readonly string[] Kinds = [Now, Once, Recurrence.Daily, Recurrence.Weekly, Recurrence.Monthly, Cron];

    public string? Kind { get; set; }

    /// <summary>dd/MM/yyyy, Vietnam's date.</summary>
    public string? SendDate { get; set; }

    /// <summary>HH:mm, Vietnam's time.</summary>
    public string? SendTime { get; set; }

    /// <summary>HH:mm of a repeating schedule.</summary>
    public string? RepeatTime { get; set; }

    public int[]? Weekdays { get; set; }

    public int? DayOfMonth { get; set; }

    public string? CronText { get; set; }

    /// <summary>"yes" once the staff member saw how many members it goes to.</summary>
    public string? Confirmed { get; set; }

    /// <summary>Set by "Quay lại sửa lịch" on the confirmation: the form again, as it was.</summary>
    public string? Back { get; set; }

    public bool IsConfirmed => Confirmed == "yes";

    public bool IsBack => !string.IsNullOrEmpty(Back);

    /// <summary>A form with the post's own schedule (to reschedule) or, for a post without one, tomorrow 08:00.</summary>
    public static ScheduleForm For(Post post, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(post);
        var tomorrow = DateOnly.FromDateTime(VietnamTime.ToLocal(now).DateTime).AddDays(1);
        var form = new ScheduleForm { Kind = Once, SendDate = Date(tomorrow), SendTime = "08:00", RepeatTime = "08:00", DayOfMonth = 1 };
        if (post.ScheduleKind == PostSchedule.Once && post.SendAt is { } at)
        {
            var local = VietnamTime.ToLocal(at);
            form.SendDate = Date(DateOnly.FromDateTime(local.DateTime));
            form.SendTime = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        }
        else if (post.Cron is { } cron)
        {
            var repeat = Recurrence.FromCron(cron);
            form.Kind = repeat?.Every ?? Cron;
            form.RepeatTime = repeat?.Time ?? form.RepeatTime;
            form.Weekdays = repeat?.Weekdays;
            form.DayOfMonth = repeat?.DayOfMonth ?? form.DayOfMonth;
            form.CronText = repeat is null ? cron : null;
        }

        return form;
    }

    /// <summary>The request the form stands for, or the problems of what was typed (by field).</summary>
    public (ScheduleRequest? Request, Dictionary<string, string[]>? Problems) ToRequest(DateTimeOffset now) => Kind switch
    {
        Now => (new ScheduleRequest(now, null), null),
        Once => ParseLocal(SendDate, SendTime) is { } at
            ? (new ScheduleRequest(at, null), null)
            : (null, new() { ["sendAt"] = ["Ngày gửi viết dạng ngày/tháng/năm (ví dụ 25/12/2026) và giờ dạng giờ:phút (ví dụ 08:00)."] }),
        Recurrence.Daily or Recurrence.Weekly or Recurrence.Monthly =>
            (new ScheduleRequest(null, null, new Recurrence(Kind, RepeatTime, Kind == Recurrence.Weekly ? Weekdays : null,
                Kind == Recurrence.Monthly ? DayOfMonth : null)), null),
        Cron => string.IsNullOrWhiteSpace(CronText)
            ? (null, new() { ["cron"] = ["Nhập lịch cron 5 trường, ví dụ \"0 8 * * 1\" = 8 giờ sáng thứ Hai."] })
            : (new ScheduleRequest(null, CronText), null),
        _ => (null, new() { ["schedule"] = ["Chọn cách gửi: gửi ngay, một lần hoặc lặp lại."] }),
    };

    /// <summary>The fields to carry through the confirmation unchanged.</summary>
    public IEnumerable<(string Name, string Value)> Fields()
    {
        yield return (nameof(Kind), Kind ?? "");
        yield return (nameof(SendDate), SendDate ?? "");
        yield return (nameof(SendTime), SendTime ?? "");
        yield return (nameof(RepeatTime), RepeatTime ?? "");
        foreach (var day in Weekdays ?? [])
        {
            yield return (nameof(Weekdays), day.ToString(CultureInfo.InvariantCulture));
        }

        if (DayOfMonth is { } day1)
        {
            yield return (nameof(DayOfMonth), day1.ToString(CultureInfo.InvariantCulture));
        }
        yield return (nameof(CronText), CronText ?? "");
    }

    /// <summary>The UTC instant of a dd/MM/yyyy date and HH:mm time in Vietnam; null when either is not that.</summary>
    public static DateTimeOffset? ParseLocal(string? date, string? time) =>
        DateOnly.TryParseExact(date?.Trim(), ["dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
        && Recurrence.ParseTime(time) is { } at
            ? VietnamTime.FromLocal(day, at)
            : null;

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
