using System.Net;
using System.Text.Json;
using Outreach.Content.Dvhc;
using Outreach.Content.UnitSheets;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Units;

/// <summary>/staff/api/units on real PostgreSQL: import with a dry run, seeding, moves and merges, and the bad input of issue 13.</summary>
public sealed class UnitsApiTests(PostgresServer server) : IAsyncLifetime
{
    private UnitsWorld _world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _world = await UnitsWorld.StartAsync(server);

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Import_DryRunWritesNothing_ApplyCreatesTheTree_ReimportChangesNothing_ExportReadsBack()
    {
        using var admin = await _world.SignInAsync("quantri.tinh");
        var sheet = Sheet(
            ["lai-chau", "Hội LHPN tỉnh Lai Châu", "tinh", ""],
            ["xa-an", "Xã An", "xa", "lai-chau"],
            ["xa-binh", "Phường Bình", "phường", "lai-chau"],
            ["ch-an-1", "Chi hội thôn 1", "chi_hoi", "xa-an"]);

        var dry = await admin.PostFileAsync("/staff/api/units/import?dryRun=true", sheet, "don-vi.xlsx", Ct);
        var afterDry = await Units();
        var applied = await admin.PostFileAsync("/staff/api/units/import?dryRun=false", sheet, "don-vi.xlsx", Ct);
        var again = await admin.PostFileAsync("/staff/api/units/import?dryRun=false", sheet, "don-vi.xlsx", Ct);
        var (exportStatus, export, type) = await admin.GetBytesAsync("/staff/api/units/export.xlsx", Ct);

        Assert.Equal(HttpStatusCode.OK, dry.Status);
        Assert.Equal((3, false), (dry.Body.GetProperty("counts").GetProperty("create").GetInt32(), dry.Body.GetProperty("applied").GetBoolean()));
        Assert.Equal(1, afterDry);
        Assert.Equal(HttpStatusCode.OK, applied.Status);
        Assert.True(applied.Body.GetProperty("applied").GetBoolean());
        Assert.Equal(4, await Units());
        Assert.Equal(await _world.UnitIdAsync("xa-an"), await _world.ScalarAsync<long>("SELECT parent_id FROM org_units WHERE code = 'ch-an-1'"));
        Assert.Equal((0, 4), (again.Body.GetProperty("counts").GetProperty("create").GetInt32(), again.Body.GetProperty("counts").GetProperty("unchanged").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, exportStatus);
        Assert.StartsWith("application/vnd.openxmlformats", type, StringComparison.Ordinal);
        var read = UnitSheetReader.Read(new MemoryStream(export));
        Assert.Empty(read.Errors);
        Assert.Equal(["ch-an-1", "lai-chau", "xa-an", "xa-binh"], read.Rows.Select(r => r.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Import_BadRows_EachItsOwnVietnameseError_NothingImported()
    {
        using var admin = await _world.SignInAsync("quantri.tinh");
        var sheet = Sheet(
            ["xa-tot", "Xã Tốt", "xa", "lai-chau"],
            ["xa-trung", "Xã Trùng 1", "xa", "lai-chau"],
            ["xa-trung", "Xã Trùng 2", "xa", "lai-chau"],
            ["vong-a", "Chi hội A", "chi_hoi", "vong-b"],
            ["vong-b", "Chi hội B", "chi_hoi", "vong-a"],
            ["mo-coi", "Chi hội mồ côi", "chi_hoi", "khong-co"],
            ["xa-duoi", "Xã dưới chi hội", "xa", "ch-tren"],
            ["ch-tren", "Chi hội trên", "chi_hoi", "xa-tot"],
            ["cong-thuc", "=CONCAT(\"Xã \",\"B\")", "xa", "lai-chau"],
            ["ten-dai", new string('n', 500), "xa", "lai-chau"],
            ["dien-bien", "Mã của tỉnh khác", "xa", "lai-chau"]);

        var result = await admin.PostFileAsync("/staff/api/units/import?dryRun=false", sheet, "don-vi.xlsx", Ct);
        var errors = result.Body.GetProperty("errors").EnumerateArray()
            .ToDictionary(e => e.GetProperty("row").GetInt32(), e => e.GetProperty("message").GetString()!);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.False(result.Body.GetProperty("applied").GetBoolean());
        Assert.Equal(1, await Units());
        Assert.Contains("trùng với dòng 3", errors[4], StringComparison.Ordinal);
        Assert.Contains("vòng lặp", errors[5] + errors.GetValueOrDefault(6), StringComparison.Ordinal);
        Assert.Contains("không tìm thấy đơn vị cấp trên có mã 'khong-co'", errors[7], StringComparison.Ordinal);
        Assert.Contains("không thể nằm dưới", errors[8], StringComparison.Ordinal);
        Assert.Contains("công thức", errors[10], StringComparison.Ordinal);
        Assert.Contains("500 ký tự", errors[11], StringComparison.Ordinal);
        Assert.Contains("ngoài phạm vi", errors[12], StringComparison.Ordinal);
        Assert.DoesNotContain(2, errors.Keys);
    }

    [Fact]
    public async Task Import_NotAWorkbookWrongSheetOrFiftyThousandRows_RefusedAsAWholeNothingImported()
    {
        using var admin = await _world.SignInAsync("quantri.tinh");
        using var wrongSheet = Workbooks.Build([Workbooks.Header, ["xa-a", "Xã A", "xa", "lai-chau"]], "Sheet1", null, "Sheet2");
        using var huge = Workbooks.Build([Workbooks.Header, ["xa-a", "Xã A", "xa", "lai-chau"]], declaredRange: "A1:D50001");

        var text = await admin.PostFileAsync("/staff/api/units/import?dryRun=false", "mã,tên"u8.ToArray(), "don-vi.csv", Ct);
        var sheets = await admin.PostFileAsync("/staff/api/units/import?dryRun=false", wrongSheet.ToArray(), "don-vi.xlsx", Ct);
        var rows = await admin.PostFileAsync("/staff/api/units/import?dryRun=false", huge.ToArray(), "don-vi.xlsx", Ct);

        Assert.Contains("không phải bảng tính Excel", FileError(text), StringComparison.Ordinal);
        Assert.Contains("Sheet1", FileError(sheets), StringComparison.Ordinal);
        Assert.Contains("50.000", FileError(rows), StringComparison.Ordinal);
        Assert.All(new[] { text, sheets, rows }, r => Assert.Equal(HttpStatusCode.BadRequest, r.Status));
        Assert.Equal(1, await Units());
    }

    [Fact]
    public async Task Seed_DryRunListsTheProvincesCommunes_ApplyAddsThemOnce()
    {
        using var admin = await _world.SignInAsync("quantri.tinh");
        var unit = "/staff/api/units/" + _world.Province.Id + "/seed";
        var expected = DvhcData.Load().CommunesOf("12").Count;

        var unknown = await admin.PostAsync(unit, new { province = "99", dryRun = true }, Ct);
        var dry = await admin.PostAsync(unit, new { province = "12", dryRun = true }, Ct);
        var countAfterDry = await Units();
        var applied = await admin.PostAsync(unit, new { province = "12", dryRun = false }, Ct);
        var again = await admin.PostAsync(unit, new { dryRun = false }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("mã '99'", unknown.Body.GetProperty("errors").GetProperty("province")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(expected, dry.Body.GetProperty("counts").GetProperty("create").GetInt32());
        Assert.Equal(1, countAfterDry);
        Assert.True(applied.Body.GetProperty("applied").GetBoolean());
        Assert.Equal(1 + expected, await Units());
        Assert.Equal(0, again.Body.GetProperty("counts").GetProperty("create").GetInt32());
        Assert.Equal(1 + expected, await Units());
    }

    [Fact]
    public async Task CreateMoveMerge_PreviewSaysWhatMoves_MergeMovesMembers_OutsideTheSubtreeIs404()
    {
        using var admin = await _world.SignInAsync("quantri.tinh");
        using var editor = await _world.SignInAsync("bientap.tinh");
        using var otherAdmin = await _world.SignInAsync("quantri.khac");
        var a = await Create(admin, _world.Province.Id, "xa", "Xã An", "xa-an");
        var b = await Create(admin, _world.Province.Id, "xa", "Xã Bình", "xa-binh");
        var chiHoi = await Create(admin, a, "chi_hoi", "Chi hội thôn 1", "ch-1");
        var now = DateTimeOffset.UtcNow;
        await _world.Seed.ContactAsync("messenger", "psid-an-1", a, TimeSpan.FromHours(1), now, [], ct: Ct);
        await _world.Seed.ContactAsync("zalo", "zalo-an-2", a, TimeSpan.FromHours(1), now, [], ct: Ct);

        var longName = await admin.PostAsync("/staff/api/units", new { parentId = _world.Province.Id, level = "xa", name = new string('x', 500) }, Ct);
        var editorCreates = await editor.PostAsync("/staff/api/units", new { parentId = _world.Province.Id, level = "xa", name = "Xã Mới" }, Ct);
        var outsideMove = await otherAdmin.PostAsync($"/staff/api/units/{chiHoi}/move", new { parentId = _world.Other.Id }, Ct);
        var moveOutside = await admin.PostAsync($"/staff/api/units/{chiHoi}/move", new { parentId = _world.Other.Id }, Ct);
        var mergeOutside = await admin.PostAsync($"/staff/api/units/{a}/merge", new { intoId = _world.Other.Id }, Ct);
        var moveUnderItself = await admin.PostAsync($"/staff/api/units/{a}/move", new { parentId = chiHoi }, Ct);
        var move = await admin.PostAsync($"/staff/api/units/{chiHoi}/move", new { parentId = b }, Ct);
        var preview = await admin.GetAsync($"/staff/api/units/{a}/merge?into={b}", Ct);
        var stillInA = await _world.ScalarAsync<int>("SELECT count(*) FROM contacts WHERE org_unit_id = @a", new { a });
        var merge = await admin.PostAsync($"/staff/api/units/{a}/merge", new { intoId = b }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, longName.Status);
        Assert.Contains("500 ký tự", longName.Body.GetProperty("errors").GetProperty("name")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, editorCreates.Status);
        Assert.Equal(HttpStatusCode.NotFound, outsideMove.Status);
        Assert.Equal(HttpStatusCode.NotFound, moveOutside.Status);
        Assert.Equal(HttpStatusCode.NotFound, mergeOutside.Status);
        Assert.Equal(HttpStatusCode.BadRequest, moveUnderItself.Status);
        Assert.Contains("trực thuộc", moveUnderItself.Body.GetProperty("errors").GetProperty("parentId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(b, move.Body.GetProperty("parentId").GetInt64());
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Equal((2, false), (preview.Body.GetProperty("moves").GetProperty("members").GetInt32(), preview.Body.GetProperty("done").GetBoolean()));
        Assert.Equal(2, stillInA);
        Assert.Equal(HttpStatusCode.OK, merge.Status);
        Assert.True(merge.Body.GetProperty("done").GetBoolean());
        Assert.Equal(2, await _world.ScalarAsync<int>("SELECT count(*) FROM contacts WHERE org_unit_id = @b", new { b }));
        Assert.Equal(b, await _world.ScalarAsync<long>("SELECT merged_into_id FROM org_units WHERE id = @a", new { a }));
        Assert.Equal(1, await _world.ScalarAsync<int>("SELECT count(*) FROM audit_entries WHERE action = 'unit.merged' AND org_unit_id = @a", new { a }));
    }

    private async Task<long> Create(StaffApiClient admin, long parentId, string level, string name, string code)
    {
        var created = await admin.PostAsync("/staff/api/units", new { parentId, level, name, code }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        return created.Body.GetProperty("id").GetInt64();
    }

    private Task<int> Units() =>
        _world.ScalarAsync<int>("SELECT count(*)::int FROM org_units WHERE path LIKE (SELECT path FROM org_units WHERE id = @id) || '%'",
            new { id = _world.Province.Id });

    private static string FileError((HttpStatusCode Status, JsonElement Body) result) =>
        string.Join(" ", result.Body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()));

    private static byte[] Sheet(params string[][] rows)
    {
        using var file = Workbooks.Units(rows);
        return file.ToArray();
    }
}
