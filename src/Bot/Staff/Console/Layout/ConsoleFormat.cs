using System.Globalization;
using Outreach.Content.Targets;
using Outreach.Content.Time;

namespace Outreach.Bot.Staff.Console.Layout;

/// <summary>How the console writes times and numbers: dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh, thousands grouped the Vietnamese way.</summary>
public static class ConsoleFormat
{
    public static string Time(DateTimeOffset? utc) => utc is { } at ? VietnameseFormat.DateTime(at) : "—";

    public static string Date(DateOnly date) => VietnameseFormat.Date(date);

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

    public static string Number(long value) => VietnameseFormat.Number(value);

    /// <summary>Whole percent the way target progress is written: "100%" only when all is done (99,6% reads "99%").</summary>
    public static string Percent(long part, long whole) => whole == 0 ? "0%" : ProgressText.Percent(part, whole, 0);
}
