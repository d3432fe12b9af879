using Outreach.Bot.Staff.Console;
using Outreach.Bot.Staff.Console.Layout;

namespace Outreach.Bot.Tests.Staff.Console;

public sealed class ConsolePathsTests
{
    [Theory]
    [InlineData("/staff", true)]
    [InlineData("/staff/posts/3?notice=saved", true)]
    [InlineData("/staff?x=1", true)]
    [InlineData("/staffx", false)]
    [InlineData("//evil.example/staff", false)]
    [InlineData("https://evil.example/staff", false)]
    [InlineData("/staff/\\evil", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsLocal_OnlyThisConsolesAddresses(string? url, bool expected) => Assert.Equal(expected, ConsolePaths.IsLocal(url));

    [Theory]
    [InlineData("2026-11-25T08:30", "2026-11-25T01:30:00+00:00")]
    [InlineData("2026-12-01T00:15", "2026-11-30T17:15:00+00:00")]
    [InlineData("25/11/2026 08:30", null)]
    [InlineData("", null)]
    public void ParseLocalInput_IsVietnamsTime(string value, string? utc) =>
        Assert.Equal(utc is null ? null : DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture),
            ConsoleFormat.ParseLocalInput(value));

    [Fact]
    public void Time_IsDayMonthYearHourMinuteInVietnam() =>
        Assert.Equal("01/12/2026 00:15", ConsoleFormat.Time(new DateTimeOffset(2026, 11, 30, 17, 15, 0, TimeSpan.Zero)));

    [Fact]
    public void Notices_OnlyKnownCodesHaveText()
    {
        Assert.Equal("Đã gửi bài để duyệt.", ConsoleNotices.Text(ConsoleNotices.Submitted));
        Assert.Null(ConsoleNotices.Text("Tài khoản của bạn bị khóa, gọi 0900"));
    }
}
