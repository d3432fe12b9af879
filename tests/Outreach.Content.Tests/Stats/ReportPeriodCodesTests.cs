using Outreach.Content.Stats;

namespace Outreach.Content.Tests.Stats;

/// <summary>The periods that exist by themselves: their codes, Vietnamese names and inclusive bounds.</summary>
public sealed class ReportPeriodCodesTests
{
    [Theory]
    [InlineData("2026", "year", "2026", "Năm 2026", "2026-01-01", "2026-12-31")]
    [InlineData("2026-Q1", "quarter", "2026-Q1", "Quý I/2026", "2026-01-01", "2026-03-31")]
    [InlineData("2026-q4", "quarter", "2026-Q4", "Quý IV/2026", "2026-10-01", "2026-12-31")]
    [InlineData("2024-Q1", "quarter", "2024-Q1", "Quý I/2024", "2024-01-01", "2024-03-31")]
    [InlineData("2026-H1", "half", "2026-H1", "6 tháng đầu năm 2026", "2026-01-01", "2026-06-30")]
    [InlineData("2026-H2", "half", "2026-H2", "6 tháng cuối năm 2026", "2026-07-01", "2026-12-31")]
    [InlineData("2026-03-01_2026-05-31", "range", "2026-03-01_2026-05-31", "Từ 01/03/2026 đến 31/05/2026", "2026-03-01", "2026-05-31")]
    [InlineData("2024-02-29_2024-02-29", "range", "2024-02-29_2024-02-29", "Từ 29/02/2024 đến 29/02/2024", "2024-02-29", "2024-02-29")]
    public void Parse_KnownCode_KindNameAndBothDaysIncluded(string code, string kind, string stored, string name, string start, string end)
    {
        var period = ReportPeriodCodes.Parse(code, out var problem);

        Assert.Null(problem);
        Assert.Equal(new ReportPeriodDefinition(kind, stored, name, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), period);
    }

    [Theory]
    [InlineData("2026-05-31_2026-03-01", "Ngày kết thúc không được trước ngày bắt đầu.")]
    [InlineData("2026-02-30_2026-03-01", "Ngày không có thật trong khoảng ngày đã chọn.")]
    [InlineData("2020-01-01_2026-01-01", "Khoảng ngày dài tối đa 2 năm (731 ngày).")]
    [InlineData("1999-Q1", "Chọn năm trong khoảng 2000–2100.")]
    public void Parse_WrongDates_AVietnameseProblem(string code, string expected)
    {
        Assert.Null(ReportPeriodCodes.Parse(code, out var problem));
        Assert.Equal(expected, problem);
    }

    [Theory]
    [InlineData("2021-2026")]
    [InlineData("2026-Q5")]
    [InlineData("nhiem-ky")]
    public void Parse_OtherCodes_NotOurs(string code)
    {
        Assert.Null(ReportPeriodCodes.Parse(code, out var problem));
        Assert.Null(problem);
    }
}
