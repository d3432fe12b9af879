using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;
using Outreach.Bot.Hosting;
using Outreach.Content.Stats;
using Outreach.Content.Time;
using Outreach.Testing;

namespace Outreach.EndToEnd;

/// <summary>
/// Issue 18.7 in chromium: the province approver opens "Thống kê", picks her commune and this quarter in the period picker,
/// sees the commune's new subscribers, gives it a target for women trained, enters the commune's result by hand (a wrong value
/// first: the Vietnamese error sits under the field), then downloads the Excel report and the targets' CSV and the test opens
/// them: the file names carry the unit and the quarter, the sheets are Vietnamese, counts carry a thousands format,
/// percentages are numbers with a % format, the header has a solid fill. Screenshots in TestResults/screenshots/staff-reports/.
/// </summary>
public sealed class StaffReportsTests(PostgresServer server) : IAsyncLifetime
{
    private const string Commune = "Hội LHPN xã Tân Hưng";
    private readonly Screenshots _screenshots = new("staff-reports");
    private Journey _journey = null!;
    private long _communeId;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _journey = await Journey.OpenAsync(server, ct);
        var seed = _journey.Seed;
        var province = await seed.UnitAsync(null, "tinh", "Hội LHPN tỉnh Thử Nghiệm", ct);
        _communeId = (await seed.UnitAsync(province.Id, "xa", Commune, ct)).Id;
        await seed.StaffAsync("duyet.tinh", province.Id, "approver", ct);
        for (var i = 0; i < 12; i++)
        {
            await seed.ContactAsync("webchat", $"member-{i}", _communeId, TimeSpan.FromHours(1), TimeProvider.System.GetUtcNow(), ["health"], ct: ct);
        }

        await _journey.StartAsync(TestHost.WithoutJobServer(), ct);
    }

    public ValueTask DisposeAsync() => _journey.DisposeAsync();

    [Fact]
    public async Task ApproverPicksAQuarterEntersAManualResultAndExportsTheReport()
    {
        var today = VietnamTime.ToLocal(TimeProvider.System.GetUtcNow());
        var quarter = (today.Month + 2) / 3;
        var year = today.Year.ToString(CultureInfo.InvariantCulture);
        var quarterName = ReportPeriodCodes.QuarterName(today.Year, quarter);
        var page = await _journey.Chromium.Context.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 768);

        await page.GotoAsync("/staff");
        await ConsoleSignIn.SubmitAsync(page, "duyet.tinh");
        await page.GetByRole(AriaRole.Link, new() { Name = "Thống kê" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thống kê tiếp cận", Level = 1 })).ToBeVisibleAsync();

        // The period picker: the commune, a quarter of this year.
        await page.GetByLabel("Đơn vị", new() { Exact = true }).SelectOptionAsync(_communeId.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Loại kỳ").SelectOptionAsync("quy");
        await page.GetByLabel("Năm", new() { Exact = true }).SelectOptionAsync(year);
        await page.GetByLabel("Quý", new() { Exact = true }).SelectOptionAsync(quarter.ToString(CultureInfo.InvariantCulture));
        await _screenshots.TakeAsync(page, "chon-quy");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"period={year}-Q{quarter}$"));
        await Assertions.Expect(page.Locator("[data-reach-period]")).ToHaveTextAsync(quarterName);
        await Assertions.Expect(page.Locator("[data-member-flow=total] [data-subscribed]")).ToHaveTextAsync("12");
        await Assertions.Expect(page.Locator("[data-member-flow=total] [data-at-end]")).ToHaveTextAsync("12");
        await _screenshots.TakeAsync(page, "bao-cao-quy");

        // A target for the commune, then its result by hand: a wrong value first.
        await page.GetByText("Giao hoặc sửa chỉ tiêu").ClickAsync();
        await page.GetByLabel("Chỉ tiêu", new() { Exact = true }).SelectOptionAsync("women_trained");
        await page.GetByLabel("Giá trị chỉ tiêu").FillAsync("50.000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu chỉ tiêu" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu chỉ tiêu.");

        var result = page.GetByLabel($"Kết quả của {Commune} (người)");
        await result.FillAsync("hai mươi lăm nghìn");
        await page.Locator("[data-manual-form=women_trained]").GetByRole(AriaRole.Button, new() { Name = "Lưu kết quả" }).ClickAsync();
        await Assertions.Expect(result).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#kq-women_trained-value-loi"))
            .ToHaveTextAsync("Kết quả phải là số không âm, ví dụ 1.050 hoặc 1050 (dấu phẩy trước tối đa 2 chữ số thập phân).");
        await _screenshots.TakeAsync(page, "ket-qua-sai");
        await result.FillAsync("25.000");
        await page.Locator("[data-manual-form=women_trained]").GetByLabel("Ghi chú (không bắt buộc)").FillAsync("Hai lớp tập huấn kỹ năng số");
        await page.Locator("[data-manual-form=women_trained]").GetByRole(AriaRole.Button, new() { Name = "Lưu kết quả" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu kết quả.");
        await Assertions.Expect(page.Locator("[data-manual-result=women_trained] [data-value]")).ToHaveTextAsync("25.000");
        await Assertions.Expect(page.Locator("[data-manual-result=women_trained] [data-by]")).ToHaveTextAsync("duyet.tinh");
        await Assertions.Expect(page.Locator("[data-indicator=women_trained] [role=progressbar]"))
            .ToHaveAttributeAsync("aria-valuetext", "đạt 50,00% so với chỉ tiêu (25.000/50.000)");
        await _screenshots.TakeAsync(page, "ket-qua-da-luu");

        // The exports, as the browser saves them.
        var workbook = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Excel (.xlsx)" }).ClickAsync());
        Assert.Equal($"Báo cáo - {Commune} - Quý {ReportPeriodCodes.Roman(quarter)}-{year}.xlsx", workbook.SuggestedFilename);
        CheckWorkbook(await workbook.PathAsync());
        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "chỉ tiêu", Exact = true }).ClickAsync());
        Assert.Equal($"Báo cáo - {Commune} - Quý {ReportPeriodCodes.Roman(quarter)}-{year} - Chỉ tiêu.csv", csv.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await csv.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n");
        Assert.Equal("\"Chỉ tiêu\";\"Đơn vị tính\";\"Chỉ tiêu đề ra\";\"Kết quả\";\"Tỷ lệ\";\"Đánh giá\"", lines[0]);
        Assert.EndsWith(";\"người\";50000;25000;50,00%;\"đạt 50,00% so với chỉ tiêu (25.000/50.000)\"", lines[1], StringComparison.Ordinal);
    }

    // The workbook as the Open XML SDK reads it: what Excel and LibreOffice open.
    private static void CheckWorkbook(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var book = document.WorkbookPart!;
        Assert.Equal(["Thông tin", "Tổng quan", "Đơn vị trực thuộc", "Đợt gửi", "Chỉ tiêu", "Hội viên"],
            book.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        var targets = Rows(book, "Chỉ tiêu");
        Assert.Equal(("50000", "#,##0"), (targets[1][2].CellValue!.Text, Format(book, targets[1][2])));
        Assert.Equal(("25000", "#,##0"), (targets[1][3].CellValue!.Text, Format(book, targets[1][3])));
        Assert.Equal((0.5m, "0.00%"), (decimal.Parse(targets[1][4].CellValue!.Text, CultureInfo.InvariantCulture), Format(book, targets[1][4])));
        var members = Rows(book, "Hội viên");
        Assert.Equal(("12", "#,##0"), (members[1][2].CellValue!.Text, Format(book, members[1][2])));
        Assert.Single(Rows(book, "Đợt gửi"));
        var styles = book.WorkbookStylesPart!.Stylesheet;
        var header = (CellFormat)styles.CellFormats!.ElementAt((int)targets[0][0].StyleIndex!.Value);
        Assert.Equal(PatternValues.Solid, ((Fill)styles.Fills!.ElementAt((int)header.FillId!.Value)).PatternFill!.PatternType!.Value);
        var widths = Sheet(book, "Chỉ tiêu").Worksheet.Descendants<Column>().Select(c => c.Width!.Value).ToList();
        Assert.Equal(6, widths.Count);
        Assert.True(widths[5] > widths[1], "The verdict's column is wider than the unit's.");
    }

    private static WorksheetPart Sheet(WorkbookPart book, string name) =>
        (WorksheetPart)book.GetPartById(book.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name).Id!.Value!);

    private static List<List<Cell>> Rows(WorkbookPart book, string name) =>
        Sheet(book, name).Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();

    private static string Format(WorkbookPart book, Cell cell)
    {
        var styles = book.WorkbookStylesPart!.Stylesheet;
        var id = ((CellFormat)styles.CellFormats!.ElementAt((int)cell.StyleIndex!.Value)).NumberFormatId!.Value;
        return styles.NumberingFormats!.Elements<NumberingFormat>().Single(n => n.NumberFormatId!.Value == id).FormatCode!.Value!;
    }
}
