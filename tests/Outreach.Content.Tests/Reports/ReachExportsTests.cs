using System.Text;
using MiniExcelLibs;
using Outreach.Content.Reports;
using Outreach.Content.Stats;
using Outreach.Content.Targets;
using Outreach.Testing;

namespace Outreach.Content.Tests.Reports;

/// <summary>The files themselves: what Excel and a spreadsheet reader get, written from the report objects without a database.</summary>
public sealed class ReachExportsTests
{
    [Fact]
    public async Task WriteCsvAsync_Utf8WithBom_CrlfRows_NumbersInvariant_FormulasEscaped()
    {
        var table = new ReportTable("don-vi", ["Đơn vị", "Số"], [["=HYPERLINK(\"x\")", 1234.5m], ["Xã Tân Hưng", 7L]]);
        using var output = new MemoryStream();

        await ReachExports.WriteCsvAsync(output, table, TestContext.Current.CancellationToken);

        var bytes = output.ToArray();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Equal(["\"Đơn vị\",\"Số\"", "\"'=HYPERLINK(\"\"x\"\")\",1234.5", "\"Xã Tân Hưng\",7", ""], text.Split("\r\n"));
    }

    [Fact]
    public async Task WriteWorkbookAsync_InformationThenOneSheetPerTable_ChannelsByTheirDisplayNames()
    {
        using var output = new MemoryStream();

        await ReachExports.WriteWorkbookAsync(output, Report(), Targets(), TestChannels.Catalog(), new DateTimeOffset(2026, 11, 27, 3, 0, 0, TimeSpan.Zero),
            TestContext.Current.CancellationToken);

        output.Position = 0;
        Assert.Equal(["thong-tin", .. ReachReportTables.Names], output.GetSheetNames());
        var summary = output.Query(useHeaderRow: true, sheetName: ReachReportTables.Summary).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Tất cả kênh", "Zalo"], summary.Select(r => r["Kênh"]));
        Assert.Equal(12d, Convert.ToDouble(summary[1]["Đã gửi (lượt)"], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static ReachReport Report()
    {
        var figures = ReachKinds.All.Select(k => new ReachFigure(k, ReachKinds.Label(k), k == ReachKinds.Sent ? 12 : 0, k == ReachKinds.Sent ? 10 : 0)).ToList();
        return new ReachReport(
            new UnitRef(1, "Hội LHPN tỉnh", "tinh"),
            new PeriodRef("2026", "Năm 2026", "year", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)),
            figures,
            [new ChannelReach("zalo", figures)],
            [new UnitReach(2, "Xã A", "xa", figures)],
            [new BroadcastReach(5, 3, "Khám sàng lọc", "health", new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero), figures)],
            new ReachFreshness(null, 0, false));
    }

    private static TargetReport Targets() => new(1, "Hội LHPN tỉnh", "2026", "Năm 2026",
        [new TargetProgress(1, "members_reached", "Hội viên được tiếp cận", "người", "reach", 20, 10, 0.5m, "50%", "đạt 50%", false, null)], 0, "chưa đạt");
}
