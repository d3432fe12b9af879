using Outreach.Bot.Staff.Console.Schedule;
using Outreach.Content.Posts;
using Outreach.Content.Broadcasts;

namespace Outreach.Bot.Tests.Staff.Console;

public sealed class CalendarMonthTests
{
    [Fact]
    public void Build_OneOffAfterFiveInTheAfternoonUtc_IsOnTheNextDayInVietnam()
    {
        var post = Once(1, new DateTimeOffset(2026, 11, 30, 18, 0, 0, TimeSpan.Zero));

        var november = CalendarMonth.Build(2026, 11, [post]);
        var december = CalendarMonth.Build(2026, 12, [post]);

        Assert.DoesNotContain(november.Weeks.SelectMany(w => w), d => d.InMonth && d.Entries.Count > 0);
        var day = Assert.Single(december.Weeks.SelectMany(w => w), d => d.Entries.Count > 0);
        Assert.Equal(new DateOnly(2026, 12, 1), day.Date);
        Assert.Equal(new TimeSpan(1, 0, 0), day.Entries[0].LocalTime.TimeOfDay);
    }

    [Fact]
    public void Build_Month_WeeksRunMondayToSundayAndCoverEveryDay()
    {
        var month = CalendarMonth.Build(2026, 2, []);

        Assert.All(month.Weeks, w => Assert.Equal(DayOfWeek.Monday, w[0].Date.DayOfWeek));
        Assert.All(month.Weeks, w => Assert.Equal(7, w.Count));
        Assert.Equal(28, month.Weeks.SelectMany(w => w).Count(d => d.InMonth));
        Assert.Equal(new DateOnly(2026, 1, 26), month.Weeks[0][0].Date);
    }

    [Fact]
    public void Build_RecurringMondaysAtEight_OnEveryMondayAtEightLocal()
    {
        var post = new Post
        {
            Id = 2, Title = "Hằng tuần", Body = "x", Topic = "union", Audience = Audience.Of(["zalo"], [1]),
            Status = PostStatuses.Scheduled, ScheduleKind = PostSchedule.Recurring, Cron = "0 8 * * 1",
        };

        var days = CalendarMonth.Build(2026, 11, [post]).Weeks.SelectMany(w => w).Where(d => d.Entries.Count > 0).ToList();

        Assert.Equal([2, 9, 16, 23, 30], days.Select(d => d.Date.Day));
        Assert.All(days, d => Assert.Equal(new TimeSpan(8, 0, 0), Assert.Single(d.Entries).LocalTime.TimeOfDay));
    }

    [Theory]
    [InlineData("2026-03", 2026, 3)]
    [InlineData("2026-13", 2025, 7)]
    [InlineData("tháng ba", 2025, 7)]
    [InlineData(null, 2025, 7)]
    public void ParseMonth_BadValue_IsThisMonth(string? value, int year, int month) =>
        Assert.Equal((year, month), CalendarMonth.ParseMonth(value, new DateOnly(2025, 7, 15)));

    private static Post Once(long id, DateTimeOffset at) => new()
    {
        Id = id, Title = "Một lần", Body = "x", Topic = "health", Audience = Audience.Of(["messenger"], [1]),
        Status = PostStatuses.Scheduled, ScheduleKind = PostSchedule.Once, SendAt = at,
    };
}
