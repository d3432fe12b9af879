namespace Outreach.Content.Time;

/// <summary>Asia/Ho_Chi_Minh: schedules, quiet hours and reports are read and written in it; the database stores UTC.</summary>
public static class VietnamTime
{
    /// <summary>The zone (UTC+7 all year; a fixed zone of the same offset when the system has no tz database).</summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    public static DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    /// <summary>The UTC instant of a local date and time in Vietnam.</summary>
    public static DateTimeOffset FromLocal(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            // Vietnam has kept UTC+7 without daylight saving since 1975.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Giờ Việt Nam", "ICT");
        }
    }
}
