using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Console;

/// <summary>
/// /staff/reach shows exactly the figures of the JSON API and of the exports (one <c>ReachQuery</c> behind all three), in
/// Vietnamese, over real HTTP, read out of the HTML as a person reads the page.
/// </summary>
public sealed partial class ReachPageTests(ReachApiFixture fixture) : IClassFixture<ReachApiFixture>
{
    private static readonly string[] Kinds = ["Đã gửi", "Đã nhận", "Đã xem", "Bấm liên kết", "Trả lời", "Hủy nhận tin"];

    [Fact]
    public async Task ProvinceYear_PageFigures_EqualTheJsonApiAndTheCsvExport()
    {
        var ct = TestContext.Current.CancellationToken;
        var query = $"?unitId={fixture.Province.Id}&period=2026";
        using var browser = await ConsoleClient.SignInAsync(fixture.Host.BaseAddress, "quantri.tinh");
        using var api = await fixture.SignInAsync("quantri.tinh");

        var page = await browser.GetAsync("/staff/reach" + query);
        var (_, json) = await api.GetAsync("/staff/api/stats/reach" + query, ct);
        var summary = Csv((await api.GetBytesAsync("/staff/api/exports/reach.csv" + query + "&table=tong-quan", ct)).Body);
        var sent = Csv((await api.GetBytesAsync("/staff/api/exports/reach.csv" + query + "&table=dot-gui", ct)).Body);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var shown = new ReachPageReader(page.Html);
        var totals = shown.Totals();
        Assert.Equal(["sent", "delivered", "read", "clicked", "replied", "unsubscribed"], totals.Select(t => t.Kind));
        Assert.Equal((21L, 13L), (totals[0].Events, totals[0].People));
        Assert.Equal(Pairs(json.GetProperty("totals")), totals.Select(t => (t.Events, t.People)));
        Assert.Equal(Pairs(summary[0]), totals.Select(t => (t.Events, t.People)));

        var broadcasts = shown.Broadcasts();
        Assert.Equal(2, broadcasts.Count);
        Assert.Equal(
            json.GetProperty("broadcasts").EnumerateArray().Select(b =>
                (b.GetProperty("broadcastId").GetInt64(), b.GetProperty("title").GetString()!, Pairs(b.GetProperty("figures")))),
            broadcasts.Select(b => (b.Id, b.Title, b.Figures)));
        Assert.Equal(sent.Select(b => ((string)b["Bài viết"]!, Pairs(b))), broadcasts.Select(b => (b.Title, b.Figures)));

        // The charts draw the funnel in người: sent, delivered, read.
        Assert.Equal(
            json.GetProperty("units").EnumerateArray().Select(u => (u.GetProperty("name").GetString()!, Funnel(u.GetProperty("figures")))),
            shown.Chart("units"));
        Assert.Equal(
            json.GetProperty("channels").EnumerateArray().Select(c => ("Web chat (thử nghiệm)", Funnel(c.GetProperty("figures")))),
            shown.Chart("channels"));
        Assert.Equal(broadcasts.Select(b => (b.Title, b.Figures.Take(3).Select(f => f.People).ToList())), shown.Chart("broadcasts"));
    }

    [Fact]
    public async Task CommuneApprover_DefaultPage_IsHerUnitThisYearWithLinksToTheSameExports()
    {
        using var browser = await ConsoleClient.SignInAsync(fixture.Host.BaseAddress, "duyet.a");
        var thisYear = Outreach.Content.Time.VietnamTime.ToLocal(TimeProvider.System.GetUtcNow()).Year.ToString(CultureInfo.InvariantCulture);

        var page = await browser.GetAsync("/staff/reach");
        var year2026 = await browser.GetAsync($"/staff/reach?period=2026");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var document = new ReachPageReader(page.Html).Document;
        Assert.Equal(fixture.CommuneA.Id.ToString(CultureInfo.InvariantCulture), document.QuerySelector("[data-reach-unit]")!.GetAttribute("data-reach-unit"));
        Assert.Equal(thisYear, document.QuerySelector("[data-reach-period]")!.GetAttribute("data-reach-period"));
        Assert.Equal("page", document.QuerySelector("nav[aria-label='Menu chính'] a[href='/staff/reach']")!.GetAttribute("aria-current"));
        var links = new ReachPageReader(year2026.Html).Document.QuerySelectorAll(".exports a").Select(a => a.GetAttribute("href")).ToList();
        var a = fixture.CommuneA.Id;
        Assert.Contains($"/staff/api/exports/reach.xlsx?unitId={a}&period=2026", links);
        Assert.Contains($"/staff/api/exports/reach.csv?unitId={a}&period=2026&table=dot-gui", links);
        Assert.Equal((16L, 8L), new ReachPageReader(year2026.Html).Totals().Select(t => (t.Events, t.People)).First());
    }

    [Fact]
    public async Task TargetSetOnThePage_NumbersAndProgress_AreWrittenTheVietnameseWay()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = await fixture.SignInAsync("quantri.tinh");
        using var approverA = await fixture.SignInAsync("duyet.a");
        await approverA.PutAsync("/staff/api/targets/results", new { indicator = "women_trained", period = "2027", value = 2000 }, ct);
        await admin.PutAsync("/staff/api/targets/results", new { indicator = "women_trained", period = "2027", value = 927 }, ct);
        using var browser = await ConsoleClient.SignInAsync(fixture.Host.BaseAddress, "quantri.tinh");
        await browser.GetAsync("/staff/reach?period=2027");

        var saved = await browser.PostFormAsync("/staff/reach/targets", ("UnitId", fixture.Province.Id.ToString(CultureInfo.InvariantCulture)),
            ("Period", "2027"), ("Indicator", "women_trained"), ("Value", "1.050"));
        var page = await browser.GetAsync(saved.Location!);
        var year2026 = await browser.GetAsync("/staff/reach?period=2026");

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal($"/staff/reach?unitId={fixture.Province.Id}&period=2027&notice=target-saved", saved.Location);
        Assert.Contains("Đã lưu chỉ tiêu.", page.Text, StringComparison.Ordinal);
        var bar = new ReachPageReader(page.Html).TargetBar("women_trained")!;
        Assert.Equal("đạt 278,76% so với chỉ tiêu (2.927/1.050)", bar.GetAttribute("aria-valuetext"));
        Assert.Equal("100", bar.GetAttribute("aria-valuenow"));
        Assert.Equal("100", bar.QuerySelector("rect")!.GetAttribute("width"));
        Assert.Equal("278.7619", bar.GetAttribute("data-ratio"));
        Assert.Equal("278,76%", bar.QuerySelector(".target-percent")!.TextContent);
        Assert.Contains("đạt và vượt 1/1 chỉ tiêu", page.Text, StringComparison.Ordinal);
        Assert.Matches(Freshness(), new ReachPageReader(year2026.Html).Document.QuerySelector("[data-freshness]")!.TextContent);
        Assert.Contains("<td>10/03/2026</td>", year2026.Html, StringComparison.Ordinal);
        Assert.Contains("(từ 01/01/2026 đến hết 31/12/2026, tính cả hai ngày, giờ Việt Nam)", year2026.Text, StringComparison.Ordinal);
    }

    private static List<IDictionary<string, object?>> Csv(byte[] bytes)
    {
        using var file = new MemoryStream(bytes);
        return file.Query(useHeaderRow: true, excelType: ExcelType.CSV,
                configuration: new MiniExcelLibs.Csv.CsvConfiguration { StreamReaderFunc = s => new StreamReader(s, Encoding.UTF8), Seperator = ';' })
            .Cast<IDictionary<string, object?>>().ToList();
    }

    private static List<(long, long)> Pairs(JsonElement figures) =>
        figures.EnumerateArray().Select(f => (f.GetProperty("events").GetInt64(), f.GetProperty("people").GetInt64())).ToList();

    private static List<(long, long)> Pairs(IDictionary<string, object?> row) =>
        Kinds.Select(k => (Number(row[$"{k} (lượt)"]), Number(row[$"{k} (người)"]))).ToList();

    private static List<long> Funnel(JsonElement figures) =>
        figures.EnumerateArray().Take(3).Select(f => f.GetProperty("people").GetInt64()).ToList();

    private static long Number(object? cell) => Convert.ToInt64(cell, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*Số liệu đến \d{2}/\d{2}/\d{4} \d{2}:\d{2}\s*$")]
    private static partial Regex Freshness();
}
