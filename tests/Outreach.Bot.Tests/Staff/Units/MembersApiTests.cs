using System.Net;
using System.Text.Json;
using MiniExcelLibs;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Units;

/// <summary>/staff/api/members on real PostgreSQL: filters, counts per unit, moving (audited, scoped), erasing (admins), export.</summary>
public sealed class MembersApiTests(PostgresServer server) : IAsyncLifetime
{
    private UnitsWorld _world = null!;
    private long _an;
    private long _binh;
    private long _lan;
    private long _mai;
    private long _hoa;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _world = await UnitsWorld.StartAsync(server);
        var seed = _world.Seed;
        _an = (await seed.Units.CreateAsync(_world.Province.Id, "xa", "Xã An", "xa-an", Ct)).Id;
        _binh = (await seed.Units.CreateAsync(_world.Province.Id, "xa", "Xã Bình", "xa-binh", Ct)).Id;
        await seed.StaffAsync("bientap.binh", _binh, "editor", Ct);
        var now = DateTimeOffset.UtcNow;
        _lan = await seed.ContactAsync("messenger", "psid-lan", _an, TimeSpan.FromHours(1), now, ["health"], ct: Ct);
        _mai = await seed.ContactAsync("zalo", "zalo-mai", _binh, TimeSpan.FromDays(10), now, ["loan"], ct: Ct);
        _hoa = await seed.ContactAsync("messenger", "psid-hoa", _an, TimeSpan.FromDays(3), now, [], ct: Ct);
        await _world.ExecuteAsync(
            """
            UPDATE contacts SET display_name = CASE id WHEN @lan THEN 'Nguyễn Thị Lan' WHEN @mai THEN 'Trần Thị Mai' ELSE 'Lê Thị Hoa' END;
            UPDATE contacts SET org_unit_id = NULL WHERE id = @hoa;
            """,
            new { lan = _lan, mai = _mai, hoa = _hoa });
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task List_FiltersByNameWithoutDiacriticsChannelUnitWindow_CountsPerUnit_BadFiltersNamed()
    {
        using var editor = await _world.SignInAsync("bientap.tinh");

        var byName = await Names(editor, "?name=nguyen%20thi");
        var byChannel = await Names(editor, "?channel=zalo");
        var byUnit = await Names(editor, $"?unitId={_an}");
        var open = await Names(editor, "?window=open");
        var closed = await Names(editor, "?window=closed");
        var byTopic = await Names(editor, "?topic=loan&topic=health");
        var badDate = await editor.GetAsync("/staff/api/members?joinedFrom=31/02/2026&channel=sms", Ct);
        var otherUnit = await editor.GetAsync($"/staff/api/members?unitId={_world.Other.Id}", Ct);
        var counts = await editor.GetAsync("/staff/api/members/counts", Ct);

        Assert.Equal(["Nguyễn Thị Lan"], byName);
        Assert.Equal(["Trần Thị Mai"], byChannel);
        Assert.Equal(["Nguyễn Thị Lan"], byUnit);
        Assert.Equal(["Nguyễn Thị Lan"], open);
        Assert.Equal(["Lê Thị Hoa", "Trần Thị Mai"], closed.Order(StringComparer.Ordinal));
        Assert.Equal(["Nguyễn Thị Lan", "Trần Thị Mai"], byTopic.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, badDate.Status);
        Assert.Contains("không phải là ngày", badDate.Body.GetProperty("errors").GetProperty("joinedFrom")[0].GetString(), StringComparison.Ordinal);
        Assert.True(badDate.Body.GetProperty("errors").TryGetProperty("channel", out _));
        Assert.Equal(HttpStatusCode.NotFound, otherUnit.Status);
        var units = counts.Body.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("unitId").GetInt64());
        Assert.Equal((1, 2), (units[_an].GetProperty("direct").GetInt32(), units[_world.Province.Id].GetProperty("subtree").GetInt32()));
        Assert.Equal(1, counts.Body.GetProperty("unplaced").GetInt32());
    }

    [Fact]
    public async Task MoveAndErase_ScopedAudited_ViewerAndEditorRefused_ExportHasTheRows()
    {
        using var admin = await _world.SignInAsync("quantri.tinh");
        using var editor = await _world.SignInAsync("bientap.tinh");
        using var viewer = await _world.SignInAsync("xem.tinh");
        using var communeEditor = await _world.SignInAsync("bientap.binh");
        var inactive = (await _world.Seed.Units.CreateAsync(_world.Province.Id, "xa", "Xã Cũ", "xa-cu", Ct)).Id;
        await _world.ExecuteAsync("UPDATE org_units SET is_active = false WHERE id = @inactive", new { inactive });
        var lan = $"/staff/api/members/{_lan}";

        var seenByOtherCommune = await communeEditor.GetAsync(lan, Ct);
        var movedByOtherCommune = await communeEditor.PostAsync(lan + "/move", new { unitId = _binh }, Ct);
        var movedByViewer = await viewer.PostAsync(lan + "/move", new { unitId = _binh }, Ct);
        var intoOtherProvince = await editor.PostAsync(lan + "/move", new { unitId = _world.Other.Id }, Ct);
        var intoInactive = await editor.PostAsync(lan + "/move", new { unitId = inactive }, Ct);
        var moved = await editor.PostAsync(lan + "/move", new { unitId = _binh }, Ct);
        var erasedByEditor = await editor.PostAsync($"/staff/api/members/{_mai}/erase", null, Ct);
        var erased = await admin.PostAsync($"/staff/api/members/{_mai}/erase", null, Ct);
        var afterErase = await admin.GetAsync($"/staff/api/members/{_mai}", Ct);
        var (status, bytes, _) = await editor.GetBytesAsync($"/staff/api/members/export.xlsx?unitId={_binh}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, seenByOtherCommune.Status);
        Assert.Equal(HttpStatusCode.NotFound, movedByOtherCommune.Status);
        Assert.Equal(HttpStatusCode.Forbidden, movedByViewer.Status);
        Assert.Equal(HttpStatusCode.NotFound, intoOtherProvince.Status);
        Assert.Equal(HttpStatusCode.BadRequest, intoInactive.Status);
        Assert.Contains("ngừng hoạt động", intoInactive.Body.GetProperty("errors").GetProperty("unitId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "Xã Bình"), (moved.Status, moved.Body.GetProperty("unitName").GetString()));
        Assert.Equal(1, await _world.ScalarAsync<int>(
            "SELECT count(*)::int FROM audit_entries WHERE action = 'member.moved' AND contact_id = @id AND detail->>'FromUnitId' = @from",
            new { id = _lan, from = _an.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.Equal(HttpStatusCode.Forbidden, erasedByEditor.Status);
        Assert.Equal(HttpStatusCode.NoContent, erased.Status);
        Assert.Equal(("erased", JsonValueKind.Null), (afterErase.Body.GetProperty("status").GetString(), afterErase.Body.GetProperty("name").ValueKind));
        Assert.Equal(0, await _world.ScalarAsync<int>("SELECT count(*)::int FROM contacts WHERE platform_user_id = 'zalo-mai'"));
        Assert.Equal(1, await _world.ScalarAsync<int>("SELECT count(*)::int FROM audit_entries WHERE action = 'member.erased' AND contact_id = @id", new { id = _mai }));
        Assert.Equal(HttpStatusCode.OK, status);
        var rows = new MemoryStream(bytes).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["Nguyễn Thị Lan"], rows.Select(r => (string)r["Tên (trên nền tảng)"]));
        Assert.Equal("Xã Bình", rows[0]["Đơn vị"]);
    }

    [Fact]
    public async Task MembersConnected_OnTheReachFiguresPerUnit_AndAsATargetIndicator()
    {
        using var admin = await _world.SignInAsync("quantri.tinh");
        var target = await admin.PutAsync("/staff/api/targets", new { indicator = "members_connected", value = 4 }, Ct);
        var stats = await admin.GetAsync("/staff/api/stats/members", Ct);
        var outside = await admin.GetAsync($"/staff/api/stats/members?unitId={_world.Other.Id}", Ct);
        var page = await (await Console.ConsoleClient.SignInAsync(_world.Host.BaseAddress, "quantri.tinh")).GetAsync("/staff/reach");

        Assert.Equal(HttpStatusCode.OK, target.Status);
        var progress = target.Body.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("indicatorCode").GetString() == "members_connected");
        Assert.Equal(2m, progress.GetProperty("achieved").GetDecimal());
        Assert.Contains("2/4", progress.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, stats.Body.GetProperty("total").GetProperty("connectedAtEnd").GetInt64());
        var children = stats.Body.GetProperty("children").EnumerateArray().ToDictionary(c => c.GetProperty("unitId").GetInt64());
        // Hoa was placed in Xã An and then taken out of it (unplaced): new 2, left 1, connected 1.
        var an = children[_an];
        Assert.Equal((2, 1, 1), (an.GetProperty("joined").GetInt64(), an.GetProperty("left").GetInt64(), an.GetProperty("connected").GetInt64()));
        Assert.Equal(1, children[_binh].GetProperty("connected").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, outside.Status);
        Assert.Contains("Hội viên kết nối", page.Text, StringComparison.Ordinal);
        Assert.Contains("data-members-unit=\"" + _an + "\"", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Topics_ShownAndFilteredByTheirVietnameseNames_ExportHasRealDates_EraseClosesHerCrisisAlerts()
    {
        using var admin = await _world.SignInAsync("quantri.tinh");
        await _world.ExecuteAsync(
            """
            INSERT INTO subscriptions (contact_id, topic, opted_in_at) VALUES (@mai, 'union', now());
            INSERT INTO crisis_alerts (contact_id, channel, category, categories, created_at)
            VALUES (@mai, 'zalo', 'abuse', '{abuse}', now() - interval '1 hour'), (@mai, 'zalo', 'danger', '{danger}', now());
            """,
            new { mai = _mai });

        var byName = await Names(admin, "?topic=" + Uri.EscapeDataString("Hoạt động Hội"));
        var byFolded = await Names(admin, "?topic=vay%20von%20khoi%20nghiep");
        var byCode = await Names(admin, "?topic=union");
        var (unknownStatus, unknown) = await admin.GetAsync("/staff/api/members?topic=" + Uri.EscapeDataString("Chủ đề lạ"), Ct);
        var (_, lan) = await admin.GetAsync($"/staff/api/members/{_lan}", Ct);
        var (_, bytes, _) = await admin.GetBytesAsync($"/staff/api/members/export.xlsx?unitId={_binh}", Ct);
        var erased = await admin.PostAsync($"/staff/api/members/{_mai}/erase", null, Ct);

        Assert.Equal(["Trần Thị Mai"], byName);
        Assert.Equal(["Trần Thị Mai"], byFolded);
        Assert.Equal(["Trần Thị Mai"], byCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownStatus);
        Assert.Contains("Hoạt động Hội", unknown.GetProperty("errors").GetProperty("topic")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(["Sức khỏe, khám sàng lọc"], lan.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));

        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var part = document.WorkbookPart!.WorksheetParts.Single();
            var rows = part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
            var cells = rows[1].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
            var joined = cells[5];
            Assert.True(joined.DataType is null || joined.DataType.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.Number);
            var serial = double.Parse(joined.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture);
            var created = await _world.ScalarAsync<DateTime>("SELECT created_at FROM contacts WHERE id = @id", new { id = _mai });
            var local = Outreach.Content.Time.VietnamTime.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc))).DateTime;
            Assert.Equal(local, DateTime.FromOADate(serial), TimeSpan.FromSeconds(1));
            var styles = document.WorkbookPart.WorkbookStylesPart!.Stylesheet;
            var format = (DocumentFormat.OpenXml.Spreadsheet.CellFormat)styles.CellFormats!.ElementAt((int)joined.StyleIndex!.Value);
            Assert.Equal("dd/MM/yyyy", styles.NumberingFormats!.Elements<DocumentFormat.OpenXml.Spreadsheet.NumberingFormat>()
                .Single(n => n.NumberFormatId!.Value == format.NumberFormatId!.Value).FormatCode!.Value);
            var topics = rows[1].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Last();
            Assert.Contains("Hoạt động Hội", topics.InnerText, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NoContent, erased.Status);
        Assert.Equal(0, await _world.ScalarAsync<int>("SELECT count(*)::int FROM crisis_alerts WHERE contact_id = @id AND acknowledged_at IS NULL", new { id = _mai }));
        Assert.Equal(2, await _world.ScalarAsync<int>("SELECT count(*)::int FROM crisis_alerts WHERE contact_id = @id AND acknowledged_by = 'erased'", new { id = _mai }));
    }

    private static async Task<List<string>> Names(StaffApiClient client, string query)
    {
        var (status, body) = await client.GetAsync("/staff/api/members" + query, Ct);
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()!).ToList();
    }
}
