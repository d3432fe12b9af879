using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Bot.Tests.Staff.Console;
using Outreach.Content.Stats;
using Outreach.Content.Time;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff;

/// <summary>
/// Issue 18.7 over real HTTP and PostgreSQL: quarter, half-year and date-range periods (created when first asked for,
/// back-filled by the roll-up), the subscriber figures of the report, manual results entered through the API and the
/// console, and the exports' Vietnamese file names. The fixture's broadcasts went out on 10/03/2026 (13 members) and
/// 10/05/2026 (8 members of ward A).
/// </summary>
public sealed class ReportsTests(ReachApiFixture fixture) : IClassFixture<ReachApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("2026-Q1", "Quý I/2026", "quarter", "2026-01-01", "2026-03-31", 13, 13)]
    [InlineData("2026-Q2", "Quý II/2026", "quarter", "2026-04-01", "2026-06-30", 8, 8)]
    [InlineData("2026-H1", "6 tháng đầu năm 2026", "half", "2026-01-01", "2026-06-30", 21, 13)]
    [InlineData("2026-H2", "6 tháng cuối năm 2026", "half", "2026-07-01", "2026-12-31", 0, 0)]
    [InlineData("2026-05-10_2026-05-10", "Từ 10/05/2026 đến 10/05/2026", "range", "2026-05-10", "2026-05-10", 8, 8)]
    [InlineData("2026-03-11_2026-05-09", "Từ 11/03/2026 đến 09/05/2026", "range", "2026-03-11", "2026-05-09", 0, 0)]
    public async Task Reach_QuarterHalfOrRange_CountsTheDaysOfThatPeriodOnly(
        string code, string name, string kind, string startsOn, string endsOn, long sentEvents, long sentPeople)
    {
        using var admin = await fixture.SignInAsync("quantri.tinh");
        var path = $"/staff/api/stats/reach?unitId={fixture.Province.Id}&period={code}";

        var (status, first) = await admin.GetAsync(path, Ct);
        await ReachSeed.RollUpAllAsync(fixture.Host.Services.GetRequiredService<ReachRollup>(), Ct);
        var (_, json) = await admin.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, status);
        var period = json.GetProperty("period");
        Assert.Equal((code, name, kind, startsOn, endsOn), (period.GetProperty("code").GetString(), period.GetProperty("name").GetString(),
            period.GetProperty("kind").GetString(), period.GetProperty("startsOn").GetString(), period.GetProperty("endsOn").GetString()));
        Assert.Equal(sentEvents, first.GetProperty("totals")[0].GetProperty("events").GetInt64());
        Assert.False(json.GetProperty("freshness").GetProperty("periodPending").GetBoolean());
        var sent = json.GetProperty("totals")[0];
        Assert.Equal((sentEvents, sentPeople), (sent.GetProperty("events").GetInt64(), sent.GetProperty("people").GetInt64()));
    }

    [Fact]
    public async Task Reach_RangeEndingBeforeItStarts_400NamingThePeriodInVietnamese_AndAnUnknownQuarter404()
    {
        using var admin = await fixture.SignInAsync("quantri.tinh");

        var (wrong, body) = await admin.GetAsync("/staff/api/stats/reach?period=2026-05-31_2026-03-01", Ct);
        var (unknown, _) = await admin.GetAsync("/staff/api/stats/reach?period=2026-Q5", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, wrong);
        Assert.Equal("Ngày kết thúc không được trước ngày bắt đầu.", body.GetProperty("errors").GetProperty("period")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        await using var connection = await fixture.Database.DataSource.OpenConnectionAsync(Ct);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM report_periods WHERE code IN ('2026-05-31_2026-03-01', '2026-Q5')"));
    }

    [Fact]
    public async Task DefinedPeriod_ACodeOfAQuarterOrRange_IsRefusedUnderCode()
    {
        using var admin = await fixture.SignInAsync("quantri.tinh");

        var (quarter, body) = await admin.PostAsync("/staff/api/stats/periods",
            new { kind = "custom", code = "2027-Q1", name = "Quý riêng", startsOn = "2027-01-01", endsOn = "2027-02-01" }, Ct);
        var (range, _) = await admin.PostAsync("/staff/api/stats/periods",
            new { kind = "custom", code = "2027-01-01_2027-02-01", name = "Khoảng riêng", startsOn = "2027-01-01", endsOn = "2027-02-01" }, Ct);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (quarter, range));
        Assert.StartsWith("Mã này dành cho quý", body.GetProperty("errors").GetProperty("code")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_ThisQuarter_SubscribedUnsubscribedAndGrowth_ScopedToHerSubtree()
    {
        var quarter = ThisQuarter();
        await using (var connection = await fixture.Database.DataSource.OpenConnectionAsync(Ct))
        {
            await connection.ExecuteAsync(
                "UPDATE contacts SET status = 'unfollowed', updated_at = now() WHERE platform_user_id = 'b-4'");
        }

        using var province = await fixture.SignInAsync("quantri.tinh");
        using var wardA = await fixture.SignInAsync("duyet.a");

        var (_, all) = await province.GetAsync($"/staff/api/stats/members?unitId={fixture.Province.Id}&period={quarter}", Ct);
        var (_, own) = await wardA.GetAsync($"/staff/api/stats/members?period={quarter}", Ct);
        var (other, _) = await wardA.GetAsync($"/staff/api/stats/members?unitId={fixture.CommuneB.Id}&period={quarter}", Ct);

        Assert.Equal((0L, 13L, 1L, 12L, 12L), Flow(all.GetProperty("flows").GetProperty("total")));
        var children = all.GetProperty("flows").GetProperty("children").EnumerateArray()
            .ToDictionary(c => c.GetProperty("unitId").GetInt64(), Flow);
        Assert.Equal((0L, 8L, 0L, 8L, 8L), children[fixture.CommuneA.Id]);
        Assert.Equal((0L, 5L, 1L, 4L, 4L), children[fixture.CommuneB.Id]);
        Assert.Equal((0L, 8L, 0L, 8L, 8L), Flow(own.GetProperty("flows").GetProperty("total")));
        Assert.Empty(own.GetProperty("flows").GetProperty("children").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, other);

        // The same figures in the workbook's "Hội viên" sheet and in the CSV.
        var (_, workbook, fileName) = await province.DownloadAsync($"/staff/api/exports/reach.xlsx?unitId={fixture.Province.Id}&period={quarter}", Ct);
        Assert.Equal($"Báo cáo - Hội LHPN tỉnh - Quý {ReportPeriodCodes.Roman(quarter[^1] - '0')}-{quarter[..4]}.xlsx", fileName);
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Hội viên");
        var rows = ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!.Value!)).Worksheet.Descendants<Row>().ToList();
        Assert.Equal(["0", "13", "0", "1", "0", "12", "12"], rows[1].Elements<Cell>().Skip(1).Take(7).Select(c => c.CellValue!.Text));
        var (_, csv, csvName) = await province.DownloadAsync($"/staff/api/exports/reach.csv?unitId={fixture.Province.Id}&period={quarter}&table=hoi-vien", Ct);
        Assert.EndsWith(" - Hội viên.csv", csvName, StringComparison.Ordinal);
        var lines = Encoding.UTF8.GetString(csv.AsSpan(3)).Split("\r\n");
        Assert.Equal("\"Đơn vị\";\"Đầu kỳ\";\"Mới theo dõi\";\"Chuyển đến\";\"Hủy theo dõi\";\"Chuyển đi\";\"Cuối kỳ\";\"Tăng/giảm\";\"Tỷ lệ tăng/giảm\"", lines[0]);
        Assert.Equal("\"Toàn đơn vị (gồm đơn vị trực thuộc)\";0;13;0;1;0;12;12;", lines[1]);
    }

    [Fact]
    public async Task ManualResults_Api_ValidatedInVietnamese_ViewersRefused_SubtreeSummedWithWhoAndWhen()
    {
        using var viewer = await fixture.SignInAsync("xem.a");
        using var editorB = await fixture.SignInAsync("bientap.b");
        using var admin = await fixture.SignInAsync("quantri.tinh");

        var (negative, problems) = await editorB.PutAsync("/staff/api/targets/results", new { indicator = "women_trained", period = "2026-Q1", value = -1 }, Ct);
        var (automatic, autoProblems) = await editorB.PutAsync("/staff/api/targets/results", new { indicator = "members_reached", period = "2026-Q1", value = 5 }, Ct);
        var (refused, _) = await viewer.PutAsync("/staff/api/targets/results", new { indicator = "women_trained", period = "2026-Q1", value = 5 }, Ct);
        var (saved, _) = await editorB.PutAsync("/staff/api/targets/results", new { indicator = "women_trained", period = "2026-Q1", value = 25000, note = "Lớp tập huấn tháng 3" }, Ct);
        await admin.PutAsync("/staff/api/targets/results", new { indicator = "women_trained", unitId = fixture.Province.Id, period = "2026-Q1", value = 1000 }, Ct);
        var (_, entries) = await admin.GetAsync($"/staff/api/targets/results?unitId={fixture.Province.Id}&period=2026-Q1", Ct);
        var (_, wardB) = await editorB.GetAsync("/staff/api/targets/results?period=2026-Q1", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, negative);
        Assert.Equal("Kết quả phải lớn hơn hoặc bằng 0 (không nhận số âm); nhập 0 nếu chưa có.",
            problems.GetProperty("errors").GetProperty("value")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, automatic);
        Assert.Equal("Kết quả của chỉ tiêu này được tính tự động, không nhập tay.", autoProblems.GetProperty("errors").GetProperty("indicator")[0].GetString());
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Equal(HttpStatusCode.OK, saved);
        var province = entries.EnumerateArray().Single(e => e.GetProperty("indicator").GetProperty("code").GetString() == "women_trained");
        Assert.Equal(1000m, province.GetProperty("own").GetProperty("value").GetDecimal());
        Assert.Equal("quantri.tinh", province.GetProperty("own").GetProperty("enteredBy").GetString());
        Assert.Equal(26000m, province.GetProperty("subtreeTotal").GetDecimal());
        var b = wardB.EnumerateArray().Single(e => e.GetProperty("indicator").GetProperty("code").GetString() == "women_trained");
        Assert.Equal((25000m, "bientap.b", "Lớp tập huấn tháng 3"), (b.GetProperty("own").GetProperty("value").GetDecimal(),
            b.GetProperty("own").GetProperty("enteredBy").GetString(), b.GetProperty("own").GetProperty("note").GetString()));
        var at = b.GetProperty("own").GetProperty("enteredAt").GetDateTimeOffset();
        Assert.InRange(TimeProvider.System.GetUtcNow() - at, TimeSpan.Zero, TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task ManualResults_Console_ErrorUnderItsOwnField_ThenSavedAndShownWithWhoAndWhen()
    {
        using var browser = await ConsoleClient.SignInAsync(fixture.Host.BaseAddress, "duyet.a");
        var page = $"/staff/reach?unitId={fixture.CommuneA.Id}&period=2026-H1";
        await browser.GetAsync(page);

        var wrong = await browser.PostFormAsync("/staff/reach/results",
            ("UnitId", fixture.CommuneA.Id.ToString(CultureInfo.InvariantCulture)), ("Period", "2026-H1"), ("Indicator", "women_trained"), ("Value", "-5"), ("Note", ""));
        var saved = await browser.PostFormAsync("/staff/reach/results",
            ("UnitId", fixture.CommuneA.Id.ToString(CultureInfo.InvariantCulture)), ("Period", "2026-H1"), ("Indicator", "women_trained"), ("Value", "1.250"),
            ("Note", new string('x', 10)));
        var shown = await browser.GetAsync(saved.Location!);

        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(wrong.Html);
        var input = html.GetElementById("kq-women_trained-value")!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains("kq-women_trained-value-loi", input.GetAttribute("aria-describedby")!.Split(' '));
        Assert.Equal("Kết quả phải lớn hơn hoặc bằng 0 (không nhận số âm); nhập 0 nếu chưa có.",
            html.GetElementById("kq-women_trained-value-loi")!.TextContent);
        Assert.Equal("-5", input.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal($"/staff/reach?unitId={fixture.CommuneA.Id}&period=2026-H1&notice=result-saved", saved.Location);
        Assert.Contains("Đã lưu kết quả.", shown.Text, StringComparison.Ordinal);
        var recorded = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(shown.Html).QuerySelector("[data-manual-result=women_trained] [data-recorded]")!;
        Assert.Equal("1.250", recorded.QuerySelector("[data-value]")!.TextContent);
        Assert.Equal("duyet.a", recorded.QuerySelector("[data-by]")!.TextContent);
        Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$", recorded.QuerySelector("[data-at]")!.TextContent);
    }

    [Fact]
    public async Task Console_PeriodPicker_QuarterGoesToItsAddress_WrongDatesShownUnderTheirFields()
    {
        using var browser = await ConsoleClient.SignInAsync(fixture.Host.BaseAddress, "quantri.tinh");
        var unit = fixture.Province.Id.ToString(CultureInfo.InvariantCulture);

        var quarter = await browser.GetAsync($"/staff/reach?unitId={unit}&kind=quy&year=2026&quarter=1");
        var range = await browser.GetAsync($"/staff/reach?unitId={unit}&kind=khoang-ngay&from=01%2F03%2F2026&to=31%2F05%2F2026");
        var reversed = await browser.GetAsync($"/staff/reach?unitId={unit}&kind=khoang-ngay&from=31%2F05%2F2026&to=01%2F03%2F2026");
        var nonsense = await browser.GetAsync($"/staff/reach?unitId={unit}&kind=khoang-ngay&from=32%2F01%2F2026&to=");
        var shown = await browser.GetAsync(range.Location!);

        Assert.Equal((HttpStatusCode.Redirect, $"/staff/reach?unitId={unit}&period=2026-Q1"), (quarter.Status, quarter.Location));
        Assert.Equal($"/staff/reach?unitId={unit}&period=2026-03-01_2026-05-31", range.Location);
        var lead = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(shown.Html);
        Assert.Equal("Từ 01/03/2026 đến 31/05/2026", lead.QuerySelector("[data-reach-period]")!.TextContent);
        Assert.Equal("(từ 01/03/2026 đến hết 31/05/2026, tính cả hai ngày, giờ Việt Nam)", lead.QuerySelector("[data-period-bounds]")!.TextContent);
        Assert.Equal("khoang-ngay", lead.QuerySelector("#kind option[selected]")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.BadRequest, reversed.Status);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(reversed.Html);
        Assert.Equal("Ngày kết thúc không được trước ngày bắt đầu.", html.GetElementById("to-loi")!.TextContent);
        Assert.Equal("true", html.GetElementById("to")!.GetAttribute("aria-invalid"));
        Assert.Equal("31/05/2026", html.GetElementById("from")!.GetAttribute("value"));
        var bad = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(nonsense.Html);
        Assert.Equal("Từ ngày '32/01/2026' không phải một ngày, hãy viết dạng ngày/tháng/năm (ví dụ 01/03/2026).", bad.GetElementById("from-loi")!.TextContent);
        Assert.Equal("Đến ngày là bắt buộc, dạng ngày/tháng/năm (ví dụ 01/03/2026).", bad.GetElementById("to-loi")!.TextContent);
    }

    private static (long, long, long, long, long) Flow(JsonElement flow) => (flow.GetProperty("atStart").GetInt64(), flow.GetProperty("subscribed").GetInt64(),
        flow.GetProperty("unsubscribed").GetInt64(), flow.GetProperty("atEnd").GetInt64(), flow.GetProperty("growth").GetInt64());

    // The fixture's members joined today: the quarter of today, Vietnamese time.
    private static string ThisQuarter()
    {
        var today = VietnamTime.ToLocal(TimeProvider.System.GetUtcNow());
        return ReportPeriodCodes.Quarter(today.Year, (today.Month + 2) / 3);
    }
}
