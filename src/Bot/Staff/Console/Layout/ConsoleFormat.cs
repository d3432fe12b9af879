using System.Globalization;
using Outreach.Content.Time;

namespace Outreach.Bot.Staff.Console.Layout;

/// <summary>How the console writes times and numbers: dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh, thousands grouped the Vietnamese way.</summary>
public static class ConsoleFormat
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string Time(DateTimeOffset? utc) =>
        utc is { } at ? VietnamTime.ToLocal(at).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "—";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The value of an &lt;input type="datetime-local"&gt; for this instant, in Vietnam's time.</summary>
    public static string LocalInput(DateTimeOffset utc) =>
        VietnamTime.ToLocal(utc).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The instant an &lt;input type="datetime-local"&gt; names when read in Vietnam's time; null when it is not a date and
    /// time.</summary>
    public static DateTimeOffset? ParseLocalInput(string? value) =>
        DateTime.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var local)
            ? VietnamTime.FromLocal(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local))
            : null;

    public static string Number(long value) => value.ToString("N0", Vietnamese);

    public static string Percent(long part, long whole) =>
        whole == 0 ? "0%" : ((double)part / whole).ToString("P0", Vietnamese);
}
