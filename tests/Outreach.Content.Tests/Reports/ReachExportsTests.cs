using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Outreach.Content.Members;
using Outreach.Content.Reports;
using Outreach.Content.Stats;
using Outreach.Content.Targets;
using Outreach.Testing;

namespace Outreach.Content.Tests.Reports;

/// <summary>
/// The files themselves, written from the report objects without a database: the CSV as Excel set to Vietnamese reads it,
/// and the workbook opened with the Open XML SDK (what Excel and LibreOffice read): sheet names, number formats, widths, the
/// header fill, headers on empty sheets.
/// </summary>
public sealed class ReachExportsTests
{
    [Fact]
    public async Task WriteCsvAsync_SemicolonsUtf8BomCrlf_VietnameseNumbersAndPercents_FormulasEscaped()
    {
        var table = new ReportTable("don-vi", "Đơn vị trực thuộc", ["Đơn vị", "Số", "Lượt", "Tỷ lệ", "Trống"],
            [["=HYPERLINK(\"x\")", 1234.5m, 25000L, new ReportPercent(0.5557m, 2), null], ["Xã Tân Hưng; thôn 2", 7m, 0L, new ReportPercent(2.79m, 0), null]]);
        using var output = new MemoryStream();

        await ReachExports.WriteCsvAsync(output, table, TestContext.Current.CancellationToken);

        var bytes = output.ToArray();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Equal(
            [
                "\"Đơn vị\";\"Số\";\"Lượt\";\"Tỷ lệ\";\"Trống\"",
                "\"'=HYPERLINK(\"\"x\"\")\";1234,5;25000;55,57%;",
                "\"Xã Tân Hưng; thôn 2\";7;0;279%;",
                "",
            ],
            text.Split("\r\n"));
    }

    [Fact]
    public async Task WriteWorkbookAsync_VietnameseSheetNames_HeadersEvenOnEmptySheets()
    {
        using var output = await WorkbookAsync(Targets([]));

        using var document = SpreadsheetDocument.Open(output, false);
        Assert.Equal(["Thông tin", "Tổng quan", "Đơn vị trực thuộc", "Đợt gửi", "Chỉ tiêu", "Hội viên"], SheetNames(document));
        var targets = Rows(document, "Chỉ tiêu");
        Assert.Single(targets);
        Assert.Equal(["Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu đề ra", "Kết quả", "Tỷ lệ", "Đánh giá"], targets[0].Select(c => Text(document, c)));
        Assert.Equal("Xã A", Text(document, Rows(document, "Đơn vị trực thuộc")[1][0]));
        Assert.Equal("Zalo", Text(document, Rows(document, "Tổng quan")[2][0]));
    }

    [Fact]
    public async Task WriteWorkbookAsync_CountsWithThousands_PercentsAsNumbersWithPercentFormat()
    {
        using var output = await WorkbookAsync(Targets([new TargetProgress(1, "members_reached", "Hội viên được tiếp cận", "người", "reach", 326797, 181620,
            55.5758m, "55,57%", "đạt 55,57% so với chỉ tiêu (181.620/326.797)", false, null, 2)]));

        using var document = SpreadsheetDocument.Open(output, false);
        var sent = Rows(document, "Tổng quan")[1][1];
        Assert.Equal("25000", sent.CellValue!.Text);
        Assert.Equal(ReachExports.CountFormat, FormatOf(document, sent));
        var target = Rows(document, "Chỉ tiêu")[1];
        Assert.Equal("326797", target[2].CellValue!.Text);
        Assert.Equal(ReachExports.CountFormat, FormatOf(document, target[2]));
        Assert.Equal(0.5557m, decimal.Parse(target[4].CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal("0.00%", FormatOf(document, target[4]));
        var members = Rows(document, "Hội viên")[1];
        Assert.Equal(["Toàn đơn vị (gồm đơn vị trực thuộc)", "1200", "300", "0", "100", "0", "1400", "200"], members.Take(8).Select(c => Text(document, c)));
        Assert.Equal(0.1667m, decimal.Parse(members[8].CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal("0.00%", FormatOf(document, members[8]));
    }

    [Fact]
    public async Task WriteWorkbookAsync_HeaderOnASolidFill_BoldFrozen_ColumnsAsWideAsTheirText()
    {
        using var output = await WorkbookAsync(Targets([]));

        using var document = SpreadsheetDocument.Open(output, false);
        foreach (var name in SheetNames(document))
        {
            var header = Rows(document, name)[0];
            var format = (CellFormat)document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.ElementAt((int)header[0].StyleIndex!.Value);
            var fill = (Fill)document.WorkbookPart.WorkbookStylesPart.Stylesheet.Fills!.ElementAt((int)format.FillId!.Value);
            Assert.Equal(PatternValues.Solid, fill.PatternFill!.PatternType!.Value);
            Assert.EndsWith("DDEBF7", fill.PatternFill.ForegroundColor!.Rgb!.Value!, StringComparison.OrdinalIgnoreCase);
            var font = (Font)document.WorkbookPart.WorkbookStylesPart.Stylesheet.Fonts!.ElementAt((int)format.FontId!.Value);
            Assert.NotNull(font.Bold);
            var worksheet = Sheet(document, name).Worksheet;
            Assert.Equal("A2", worksheet.Descendants<Pane>().Single().TopLeftCell!.Value);
            var widths = worksheet.Descendants<Column>().ToDictionary(c => (int)c.Min!.Value, c => c.Width!.Value);
            for (var i = 0; i < header.Count; i++)
            {
                Assert.InRange(widths[i + 1], Math.Min(60, Text(document, header[i]).Length), 62);
            }
        }

        var information = Sheet(document, "Thông tin").Worksheet.Descendants<Column>().ToDictionary(c => (int)c.Min!.Value, c => c.Width!.Value);
        Assert.Equal(60, information[2]);
    }

    [Fact]
    public void FileNames_VietnameseWithTheUnit_SafeOnWindows()
    {
        Assert.Equal("Báo cáo - Hội LHPN xã Tân Hưng - Quý I-2026.xlsx", ReportFileNames.For("Hội LHPN xã Tân Hưng", "Quý I/2026", null, "xlsx"));
        Assert.Equal("Báo cáo - Hội LHPN xã Tân Hưng - Từ 01-03-2026 đến 31-05-2026 - Hội viên.csv",
            ReportFileNames.For("Hội LHPN xã Tân Hưng", "Từ 01/03/2026 đến 31/05/2026", "Hội viên", "csv"));
        var odd = ReportFileNames.For("Chi hội \"A\": <tổ 1>|2*?\\ ...", "Năm 2026", null, "xlsx");
        Assert.Equal("Báo cáo - Chi hội A - tổ 1 -2 - - Năm 2026.xlsx", odd);
        Assert.DoesNotContain(odd, c => "<>:\"/\\|?*".Contains(c, StringComparison.Ordinal));
        var decomposed = ReportFileNames.For("Xã Tân Hưng".Normalize(NormalizationForm.FormD), "Năm 2026", null, "xlsx");
        Assert.True(decomposed.IsNormalized(NormalizationForm.FormC));
        Assert.True(ReportFileNames.For(new string('x', 300), "Năm 2026", null, "xlsx").Length <= ReportFileNames.MaxLength);
    }

    private static async Task<MemoryStream> WorkbookAsync(TargetReport targets)
    {
        var output = new MemoryStream();
        var flows = new MemberFlows(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), new MemberFlow(1, null, null, 1200, 300, 0, 100, 0, 1400), []);
        await ReachExports.WriteWorkbookAsync(output, new ReportFigures(Report(), targets, flows), TestChannels.Catalog(),
            new DateTimeOffset(2026, 11, 27, 3, 0, 0, TimeSpan.Zero), TestContext.Current.CancellationToken);
        output.Position = 0;
        return output;
    }

    private static List<string> SheetNames(SpreadsheetDocument document) =>
        document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    private static WorksheetPart Sheet(SpreadsheetDocument document, string name)
    {
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return (WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!.Value!);
    }

    private static List<List<Cell>> Rows(SpreadsheetDocument document, string sheet) =>
        Sheet(document, sheet).Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();

    private static string Text(SpreadsheetDocument document, Cell cell) => cell.DataType?.Value == CellValues.SharedString
        ? document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.ElementAt(int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)).InnerText
        : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";

    private static string FormatOf(SpreadsheetDocument document, Cell cell)
    {
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = (CellFormat)styles.CellFormats!.ElementAt((int)cell.StyleIndex!.Value);
        var id = format.NumberFormatId!.Value;
        return styles.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(n => n.NumberFormatId!.Value == id)?.FormatCode?.Value
            ?? id.ToString(CultureInfo.InvariantCulture);
    }

    private static ReachReport Report()
    {
        var figures = ReachKinds.All.Select(k => new ReachFigure(k, ReachKinds.Label(k), k == ReachKinds.Sent ? 25000 : 0, k == ReachKinds.Sent ? 10 : 0)).ToList();
        return new ReachReport(
            new UnitRef(1, "Hội LHPN tỉnh", "tinh"),
            new PeriodRef("2026-Q1", "Quý I/2026", "quarter", new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)),
            figures,
            [new ChannelReach("zalo", figures)],
            [new UnitReach(2, "Xã A", "xa", figures)],
            [new BroadcastReach(5, 3, "Khám sàng lọc", "health", new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero), figures)],
            new ReachFreshness(null, 0, false));
    }

    private static TargetReport Targets(IReadOnlyList<TargetProgress> targets) => new(1, "Hội LHPN tỉnh", "2026-Q1", "Quý I/2026", targets, 0, "chưa đạt");
}
