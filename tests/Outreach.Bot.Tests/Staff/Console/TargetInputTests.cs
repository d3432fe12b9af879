using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Outreach.Bot.Tests.Staff.Console;

/// <summary>
/// The QA review of a fresh install (issue "reachfix"): progress written with two decimals as the union's reports write it
/// (55,57%) on the page, in the CSV and in the workbook (0.5557 with 0.00%); a count of people takes whole numbers; a
/// negative result says it must be at least 0; a period in the address that is no period shows the page with why.
/// </summary>
public sealed class TargetInputTests(ReachApiFixture fixture) : IClassFixture<ReachApiFixture>
{
    private const string Period = "2028";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WomenTrained_181620Of326797_Is5557PercentOnThePageTheCsvAndTheWorkbook()
    {
        using var browser = await ConsoleClient.SignInAsync(fixture.Host.BaseAddress, "quantri.tinh");
        using var api = await fixture.SignInAsync("quantri.tinh");
        await browser.GetAsync("/staff/reach?period=" + Period);
        var province = fixture.Province.Id.ToString(CultureInfo.InvariantCulture);

        var target = await browser.PostFormAsync("/staff/reach/targets",
            ("UnitId", province), ("Period", Period), ("Indicator", "women_trained"), ("Value", "326.797"));
        var result = await browser.PostFormAsync("/staff/reach/results",
            ("UnitId", province), ("Period", Period), ("Indicator", "women_trained"), ("Value", "181.620"), ("Note", ""));
        var page = await browser.GetAsync($"/staff/reach?unitId={province}&period={Period}");
        var query = $"?unitId={province}&period={Period}";
        var (_, csv, _) = await api.GetBytesAsync("/staff/api/exports/reach.csv" + query + "&table=chi-tieu", Ct);
        var (_, workbook, _) = await api.GetBytesAsync("/staff/api/exports/reach.xlsx" + query, Ct);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (target.Status, result.Status));
        var bar = new ReachPageReader(page.Html).TargetBar("women_trained")!;
        Assert.Equal("đạt 55,57% so với chỉ tiêu (181.620/326.797)", bar.GetAttribute("aria-valuetext"));
        Assert.Equal("55,57%", bar.QuerySelector(".target-percent")!.TextContent);
        var line = Encoding.UTF8.GetString(csv.AsSpan(3)).Split("\r\n").Single(l => l.Contains("tập huấn", StringComparison.Ordinal));
        Assert.Contains(";55,57%;", line, StringComparison.Ordinal);
        Assert.DoesNotContain(";56%;", line, StringComparison.Ordinal);

        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Chỉ tiêu");
        var rows = ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!.Value!)).Worksheet.Descendants<Row>().ToList();
        var header = rows[0].Elements<Cell>().Select(c => Text(document, c)).ToList();
        var percentColumn = header.FindIndex(h => h.Contains("Tỷ lệ", StringComparison.Ordinal) || h.Contains('%'));
        Assert.True(percentColumn >= 0, string.Join(" | ", header));
        var trained = rows.Skip(1).Single(r => r.Elements<Cell>().Any(c => Text(document, c).Contains("tập huấn", StringComparison.Ordinal)));
        var cell = trained.Elements<Cell>().ElementAt(percentColumn);
        Assert.Equal(0.5557m, decimal.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal("0.00%", FormatOf(document, cell));
    }

    [Theory]
    [InlineData("12,5", "Kết quả của chỉ tiêu này đếm người, phải là số nguyên")]
    [InlineData("-5", "Kết quả phải lớn hơn hoặc bằng 0")]
    [InlineData("−5", "Kết quả phải lớn hơn hoặc bằng 0")]
    public async Task ManualResult_FractionOfPeopleOrNegative_IsRefusedInVietnamese_NothingSaved(string value, string error)
    {
        using var browser = await ConsoleClient.SignInAsync(fixture.Host.BaseAddress, "quantri.tinh");
        await browser.GetAsync("/staff/reach?period=2029");

        var page = await browser.PostFormAsync("/staff/reach/results", ("UnitId", fixture.Province.Id.ToString(CultureInfo.InvariantCulture)),
            ("Period", "2029"), ("Indicator", "women_trained"), ("Value", value), ("Note", ""));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(error, page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhập kết quả bằng số", page.Text, StringComparison.Ordinal);
        await using var connection = await fixture.Database.DataSource.OpenConnectionAsync(Ct);
        Assert.Equal(0L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
            "SELECT count(*) FROM indicator_results r JOIN report_periods p ON p.id = r.period_id WHERE p.code = '2029'"));
    }

    [Fact]
    public async Task PeriodInTheAddress_NotAPeriod_ShowsThePageWithWhy_NotPageNotFound()
    {
        using var browser = await ConsoleClient.SignInAsync(fixture.Host.BaseAddress, "duyet.a");

        var wrong = await browser.GetAsync("/staff/reach?period=2026-Q9");
        var badRange = await browser.GetAsync("/staff/reach?kind=khoang-ngay&from=31/02/2026&to=01/03/2026");

        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Contains("2026-Q9", wrong.Text, StringComparison.Ordinal);
        Assert.Contains("Chưa xem được kỳ báo cáo này, vui lòng sửa:", wrong.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Chưa lưu được", wrong.Text, StringComparison.Ordinal);
        Assert.Contains("data-totals", wrong.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Chưa lưu được", badRange.Text, StringComparison.Ordinal);
    }

    private static string Text(SpreadsheetDocument document, Cell cell) =>
        cell.DataType?.Value == CellValues.SharedString
            ? document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)).InnerText
            : cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";

    private static string FormatOf(SpreadsheetDocument document, Cell cell)
    {
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = (CellFormat)styles.CellFormats!.ElementAt((int)cell.StyleIndex!.Value);
        var id = format.NumberFormatId!.Value;
        return styles.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(n => n.NumberFormatId!.Value == id)?.FormatCode?.Value
            ?? id.ToString(CultureInfo.InvariantCulture);
    }
}
