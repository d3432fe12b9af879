using System.Globalization;
using Outreach.Content.Time;

namespace Outreach.Content.Targets;

/// <summary>
/// Numbers and dates the way Vietnamese reports write them (CultureInfo vi-VN): 2.927 and 1.435,5; 55,57; dd/MM/yyyy; times
/// in Asia/Ho_Chi_Minh. Needs ICU (the project does not run in invariant-globalization mode).
/// </summary>
public static class VietnameseFormat
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>"2.927", "1.435,5", "0": thousands with dots, up to two decimals with a comma, none when whole.</summary>
    public static string Number(decimal value) => value.ToString("#,##0.##", Culture);

    /// <summary>"05/03/2026".</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", Culture);

    /// <summary>"05/03/2026 14:30", in Vietnamese time.</summary>
    public static string DateTime(DateTimeOffset instant) => VietnamTime.ToLocal(instant).ToString("dd/MM/yyyy HH:mm", Culture);

    /// <summary>The Vietnamese calendar day of an instant (a day starts at 00:00 in Asia/Ho_Chi_Minh, 17:00 UTC the day before).</summary>
    public static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(VietnamTime.ToLocal(instant).DateTime);
}
