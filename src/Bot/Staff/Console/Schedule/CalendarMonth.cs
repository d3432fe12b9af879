using System.Globalization;
using Cronos;
using Outreach.Content.Posts;
using Outreach.Content.Time;

namespace Outreach.Bot.Staff.Console.Schedule;

/// <summary>
/// A month of the sending calendar, in Vietnam's dates: weeks from Monday (as Vietnamese calendars print them), and on each
/// day the posts that go out then, one-off ones at their time, recurring ones at every occurrence of their cron.
/// </summary>
public sealed record CalendarMonth(int Year, int Month, IReadOnlyList<IReadOnlyList<CalendarDay>> Weeks)
{
    /// <summary>The most occurrences one recurring post puts on the calendar (an hourly post would fill every day).</summary>
    public const int MaxOccurrencesPerPost = 62;

    public DateOnly First => new(Year, Month, 1);

    public DateOnly Previous => First.AddMonths(-1);

    public DateOnly Next => First.AddMonths(1);

    /// <summary>The UTC instants that bound the month in Vietnam: [start, end).</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Bounds(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return (VietnamTime.FromLocal(first, TimeOnly.MinValue), VietnamTime.FromLocal(first.AddMonths(1), TimeOnly.MinValue));
    }

    /// <summary>Reads "yyyy-MM"; anything else is the month of <paramref name="todayLocal"/>.</summary>
    public static (int Year, int Month) ParseMonth(string? value, DateOnly todayLocal) =>
        DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? (parsed.Year, parsed.Month)
            : (todayLocal.Year, todayLocal.Month);

    /// <param name="nextAllowed">When a post asked for at a time really goes out (QuietHours.NextAllowed); null: as asked.</param>
    public static CalendarMonth Build(int year, int month, IEnumerable<Post> posts, Func<Post, DateTimeOffset, DateTimeOffset>? nextAllowed = null)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var (start, end) = Bounds(year, month);
        var byDay = posts
            .SelectMany(post => Occurrences(post, start, end).Select(at => new CalendarEntry(
                post, VietnamTime.ToLocal(at), nextAllowed?.Invoke(post, at) is { } sends && sends > at ? VietnamTime.ToLocal(sends) : null)))
            .GroupBy(e => DateOnly.FromDateTime(e.LocalTime.DateTime))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CalendarEntry>)g.OrderBy(e => e.LocalTime).ToList());

        var first = new DateOnly(year, month, 1);
        var gridStart = first.AddDays(-(((int)first.DayOfWeek + 6) % 7));
        var weeks = new List<IReadOnlyList<CalendarDay>>();
        for (var weekStart = gridStart; weekStart < first.AddMonths(1); weekStart = weekStart.AddDays(7))
        {
            weeks.Add(Enumerable.Range(0, 7)
                .Select(i => weekStart.AddDays(i))
                .Select(day => new CalendarDay(day, day.Month == month, byDay.GetValueOrDefault(day) ?? []))
                .ToList());
        }

        return new CalendarMonth(year, month, weeks);
    }

    private static IEnumerable<DateTimeOffset> Occurrences(Post post, DateTimeOffset start, DateTimeOffset end)
    {
        if (post.ScheduleKind == PostSchedule.Recurring && post.Cron is { } cron)
        {
            // A cron the API accepted parses; one that no longer does shows nothing rather than breaking the page.
            return CronExpression.TryParse(cron, out var expression)
                ? expression.GetOccurrences(start, end, VietnamTime.Zone, fromInclusive: true,
                    toInclusive: false).Take(MaxOccurrencesPerPost)
                : [];
        }

        return post.SendAt is { } at && at >= start && at < end ? [at] : [];
    }
}

/// <summary>A day of the grid; <see cref="InMonth"/> is false for the days of the months before and after that fill its weeks.</summary>
public sealed record CalendarDay(DateOnly Date, bool InMonth, IReadOnlyList<CalendarEntry> Entries);

/// <summary>A post going out at a local time; <see cref="ShiftedTo"/> when the quiet hours push it later (local time too).</summary>
public sealed record CalendarEntry(Post Post, DateTimeOffset LocalTime, DateTimeOffset? ShiftedTo = null);
