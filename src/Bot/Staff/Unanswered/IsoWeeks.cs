using System.Globalization;
using Outreach.Content.Targets;

namespace Outreach.Bot.Staff.Unanswered;

/// <summary>ISO 8601 weeks (Monday to Sunday) as the console names them: "Tuần 49/2026 (30/11 – 06/12)".</summary>
public static class IsoWeeks
{
    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static string Label(DateOnly monday)
    {
        var date = monday.ToDateTime(TimeOnly.MinValue);
        var sunday = monday.AddDays(6);
        return string.Create(VietnameseFormat.Culture,
            $"Tuần {ISOWeek.GetWeekOfYear(date)}/{ISOWeek.GetYear(date)} ({monday.ToString("dd/MM", CultureInfo.InvariantCulture)} – {sunday.ToString("dd/MM", CultureInfo.InvariantCulture)})");
    }
}
