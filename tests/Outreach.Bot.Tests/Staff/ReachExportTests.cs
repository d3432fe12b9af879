using System.Net;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff;

public sealed class ReachExportTests(ReachApiFixture fixture) : IClassFixture<ReachApiFixture>
{
    private static readonly string[] Kinds = ["Đã gửi", "Đã nhận", "Đã xem", "Bấm liên kết", "Trả lời", "Hủy nhận tin"];

    [Fact]
    public async Task Workbook_EverySheet_CarriesTheFiguresOfTheJsonApi()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = await fixture.SignInAsync("quantri.tinh");
        await admin.PutAsync("/staff/api/targets", new { indicator = "members_reached", unitId = fixture.Province.Id, period = "2026", value = 10 }, ct);
        var (_, json) = await admin.GetAsync($"/staff/api/stats/reach?unitId={fixture.Province.Id}&period=2026", ct);
        var (_, targets) = await admin.GetAsync($"/staff/api/targets?unitId={fixture.Province.Id}&period=2026", ct);

        var (status, bytes, type) = await admin.GetBytesAsync($"/staff/api/exports/reach.xlsx?unitId={fixture.Province.Id}&period=2026", ct);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", type);
        using var file = new MemoryStream(bytes);
        var summary = Rows(file, "Tổng quan");
        Assert.Equal("Tất cả kênh", summary[0]["Kênh"]);
        Assert.Equal(Pairs(json.GetProperty("totals")), Pairs(summary[0]));
        var units = Rows(file, "Đơn vị trực thuộc");
        Assert.Equal(
            json.GetProperty("units").EnumerateArray().Select(u => (u.GetProperty("name").GetString(), Pairs(u.GetProperty("figures")))),
            units.Select(u => ((string?)u["Đơn vị"], Pairs(u))));
        var broadcasts = Rows(file, "Đợt gửi");
        Assert.Equal(
            json.GetProperty("broadcasts").EnumerateArray().Select(b => (b.GetProperty("title").GetString(), Pairs(b.GetProperty("figures")))),
            broadcasts.Select(b => ((string?)b["Bài viết"], Pairs(b))));
        var target = Rows(file, "Chỉ tiêu").Single();
        Assert.Equal(targets.GetProperty("targets")[0].GetProperty("text").GetString(), target["Đánh giá"]);
        Assert.Equal("đạt 80,00% so với chỉ tiêu (8/10)", target["Đánh giá"]);
    }

    [Fact]
    public async Task Csv_EachTable_CarriesTheFiguresOfTheJsonApi()
    {
        var ct = TestContext.Current.CancellationToken;
        using var approver = await fixture.SignInAsync("duyet.a");
        var (_, json) = await approver.GetAsync("/staff/api/stats/reach?period=2026", ct);

        var (status, bytes, type) = await approver.GetBytesAsync("/staff/api/exports/reach.csv?period=2026&table=tong-quan", ct);
        var (bStatus, bBytes, _) = await approver.GetBytesAsync("/staff/api/exports/reach.csv?period=2026&table=dot-gui", ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (status, bStatus));
        Assert.StartsWith("text/csv", type, StringComparison.Ordinal);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var summary = Csv(bytes);
        Assert.Equal(Pairs(json.GetProperty("totals")), Pairs(summary[0]));
        Assert.Equal(fixture.CommuneA.Id, json.GetProperty("unit").GetProperty("id").GetInt64());
        var broadcasts = Csv(bBytes);
        Assert.Equal(
            json.GetProperty("broadcasts").EnumerateArray().Select(b => (b.GetProperty("title").GetString(), Pairs(b.GetProperty("figures")))),
            broadcasts.Select(b => ((string?)b["Bài viết"], Pairs(b))));
        Assert.Equal(["10/05/2026", "10/03/2026"], broadcasts.Select(b => (string)b["Ngày gửi"]!));
    }

    [Fact]
    public async Task Csv_SemicolonSeparated_EveryTextFieldQuoted_NumbersNot()
    {
        var ct = TestContext.Current.CancellationToken;
        using var approver = await fixture.SignInAsync("duyet.a");

        var (_, bytes, _) = await approver.GetBytesAsync("/staff/api/exports/reach.csv?period=2026&table=dot-gui", ct);

        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(';');
        Assert.All(header, cell => Assert.Matches("^\"[^\"]+\"$", cell));
        var row = lines[1].Split(';');
        var title = Array.IndexOf(header, "\"Bài viết\"");
        var date = Array.IndexOf(header, "\"Ngày gửi\"");
        var sent = Array.IndexOf(header, "\"Đã gửi (lượt)\"");
        Assert.StartsWith("\"", row[title], StringComparison.Ordinal);
        Assert.Equal("\"10/05/2026\"", row[date]);
        Assert.Matches("^[0-9]+$", row[sent]);
    }

    [Fact]
    public async Task Csv_UnknownTable_AnswersWhichTablesExist()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = await fixture.SignInAsync("quantri.tinh");

        var (status, body) = await admin.GetAsync("/staff/api/exports/reach.csv?table=khong-co", ct);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("tong-quan", body.GetProperty("errors").GetProperty("table")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reach_Dashboard_CountsLuotAndNguoiSeparately()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = await fixture.SignInAsync("quantri.tinh");

        var (status, json) = await admin.GetAsync($"/staff/api/stats/reach?unitId={fixture.Province.Id}&period=2026", ct);

        Assert.Equal(HttpStatusCode.OK, status);
        var totals = json.GetProperty("totals").EnumerateArray().ToDictionary(f => f.GetProperty("kind").GetString()!, f => (f.GetProperty("events").GetInt64(), f.GetProperty("people").GetInt64()));
        Assert.Equal((13 + 8, 13), totals["sent"]);
        Assert.Equal((8 + 1, 8), totals["delivered"]);
        Assert.Equal((2, 1), totals["clicked"]);
        Assert.Equal((1, 1), totals["replied"]);
        Assert.Equal("Bấm liên kết", json.GetProperty("totals")[3].GetProperty("label").GetString());
        Assert.Equal(0, json.GetProperty("freshness").GetProperty("pendingEvents").GetInt64());
    }

    private static List<IDictionary<string, object?>> Rows(Stream file, string sheet)
    {
        file.Position = 0;
        return file.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
    }

    private static List<IDictionary<string, object?>> Csv(byte[] bytes)
    {
        using var file = new MemoryStream(bytes);
        return file.Query(useHeaderRow: true, excelType: ExcelType.CSV, configuration: new MiniExcelLibs.Csv.CsvConfiguration { StreamReaderFunc = s => new StreamReader(s, Encoding.UTF8), Seperator = ';' })
            .Cast<IDictionary<string, object?>>().ToList();
    }

    private static List<(long, long)> Pairs(JsonElement figures) =>
        figures.EnumerateArray().Select(f => (f.GetProperty("events").GetInt64(), f.GetProperty("people").GetInt64())).ToList();

    private static List<(long, long)> Pairs(IDictionary<string, object?> row) =>
        Kinds.Select(k => (Number(row[$"{k} (lượt)"]), Number(row[$"{k} (người)"]))).ToList();

    private static long Number(object? cell) => Convert.ToInt64(cell, System.Globalization.CultureInfo.InvariantCulture);
}
