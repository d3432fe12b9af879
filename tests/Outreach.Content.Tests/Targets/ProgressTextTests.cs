using Outreach.Content.Targets;

namespace Outreach.Content.Tests.Targets;

public sealed class ProgressTextTests
{
    [Fact]
    public void Sentence_SeedFigures_WrittenAsTheUnionWritesThem() =>
        Assert.Equal("đạt 279% so với chỉ tiêu (2.927/1.050)", ProgressText.Sentence(2927, 1050, 0));

    // Bình Phước's mid-term report (seed 003): whole percents are rounded, two-decimal ones are cut.
    [Theory]
    [InlineData(2927, 1050, 0, "279%")]
    [InlineData(2927, 1750, 0, "167%")]
    [InlineData(8, 3, 0, "267%")]
    [InlineData(576, 390, 2, "147,69%")]
    [InlineData(576, 650, 2, "88,61%")]
    [InlineData(181620, 326797, 2, "55,57%")]
    [InlineData(897, 897, 0, "100%")]
    public void Percent_SeedRatios_MatchTheReports(int achieved, int target, int decimals, string expected) =>
        Assert.Equal(expected, ProgressText.Percent(achieved, target, decimals));

    [Theory]
    [InlineData(996, 1000, 0, "99%")]
    [InlineData(99999, 100000, 2, "99,99%")]
    [InlineData(0, 50, 0, "0%")]
    public void Percent_TargetNotReached_NeverShowsOneHundred(int achieved, int target, int decimals, string expected) =>
        Assert.Equal(expected, ProgressText.Percent(achieved, target, decimals));

    [Fact]
    public void Percent_OtherDecimals_Refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ProgressText.Percent(1, 2, 1));

    [Fact]
    public void Ratio_ZeroTarget_Refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ProgressText.Ratio(1, 0));

    [Theory]
    [InlineData("2927", "2.927")]
    [InlineData("1435.5", "1.435,5")]
    [InlineData("3152000", "3.152.000")]
    [InlineData("0", "0")]
    [InlineData("55.57", "55,57")]
    public void Number_ViVn_DotsForThousandsCommaForDecimals(string value, string expected) =>
        Assert.Equal(expected, VietnameseFormat.Number(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Verdict_CountsMetTargets() => Assert.Equal("đạt và vượt 9/9 chỉ tiêu", ProgressText.Verdict(9, 9));

    [Fact]
    public void Verdict_NoneMet_SaysSoInsteadOfExceedingZero() => Assert.Equal("chưa đạt chỉ tiêu nào (0/3)", ProgressText.Verdict(0, 3));

    [Fact]
    public void Culture_IsRealViVn_NotInvariantGlobalization()
    {
        Assert.Equal("vi-VN", VietnameseFormat.Culture.Name);
        Assert.Equal(".", VietnameseFormat.Culture.NumberFormat.NumberGroupSeparator);
        Assert.Equal(",", VietnameseFormat.Culture.NumberFormat.NumberDecimalSeparator);
    }

    [Fact]
    public void Date_DayMonthYear() => Assert.Equal("05/03/2026", VietnameseFormat.Date(new DateOnly(2026, 3, 5)));

    [Fact]
    public void DateTime_WrittenInVietnameseTime() =>
        Assert.Equal("01/01/2027 00:30", VietnameseFormat.DateTime(new DateTimeOffset(2026, 12, 31, 17, 30, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("2026-12-31T16:59:59Z", "2026-12-31")]
    [InlineData("2026-12-31T17:00:00Z", "2027-01-01")]
    [InlineData("2026-06-30T23:30:00+07:00", "2026-06-30")]
    public void Day_StartsAtMidnightInHoChiMinhCity(string instant, string day) =>
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture),
            VietnameseFormat.Day(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
}
