using System.Net;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff;

public sealed class ReachScopingTests(ReachApiFixture fixture) : IClassFixture<ReachApiFixture>
{
    [Fact]
    public async Task OtherCommunesEditor_CannotSeeThisCommune_ByApiOrExport()
    {
        var ct = TestContext.Current.CancellationToken;
        using var editorB = await fixture.SignInAsync("bientap.b");
        var a = fixture.CommuneA.Id;

        var reach = await editorB.GetAsync($"/staff/api/stats/reach?unitId={a}&period=2026", ct);
        var province = await editorB.GetAsync($"/staff/api/stats/reach?unitId={fixture.Province.Id}&period=2026", ct);
        var targets = await editorB.GetAsync($"/staff/api/targets?unitId={a}&period=2026", ct);
        var (xlsx, _, _) = await editorB.GetBytesAsync($"/staff/api/exports/reach.xlsx?unitId={a}&period=2026", ct);
        var (csv, _, _) = await editorB.GetBytesAsync($"/staff/api/exports/reach.csv?unitId={a}&period=2026&table=don-vi", ct);
        var own = await editorB.GetAsync("/staff/api/stats/reach?period=2026", ct);

        Assert.Equal(HttpStatusCode.NotFound, reach.Status);
        Assert.Equal(HttpStatusCode.NotFound, province.Status);
        Assert.Equal(HttpStatusCode.NotFound, targets.Status);
        Assert.Equal(HttpStatusCode.NotFound, xlsx);
        Assert.Equal(HttpStatusCode.NotFound, csv);
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal(fixture.CommuneB.Id, own.Body.GetProperty("unit").GetProperty("id").GetInt64());
        Assert.Equal(5, own.Body.GetProperty("totals")[0].GetProperty("people").GetInt64());
    }

    [Fact]
    public async Task CommuneStaff_CannotChangeAnotherUnitsTargetsOrResults()
    {
        var ct = TestContext.Current.CancellationToken;
        using var approverA = await fixture.SignInAsync("duyet.a");
        using var editorB = await fixture.SignInAsync("bientap.b");

        var parent = await approverA.PutAsync("/staff/api/targets", new { indicator = "members_reached", unitId = fixture.Province.Id, period = "2026", value = 5 }, ct);
        var sibling = await approverA.PutAsync("/staff/api/targets", new { indicator = "members_reached", unitId = fixture.CommuneB.Id, period = "2026", value = 5 }, ct);
        var result = await editorB.PutAsync("/staff/api/targets/results", new { indicator = "women_trained", unitId = fixture.CommuneA.Id, period = "2026", value = 99 }, ct);
        var own = await approverA.PutAsync("/staff/api/targets", new { indicator = "members_reached", unitId = fixture.CommuneA.Id, period = "2026", value = 5 }, ct);

        Assert.Equal(HttpStatusCode.NotFound, parent.Status);
        Assert.Equal(HttpStatusCode.NotFound, sibling.Status);
        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        Assert.Equal(HttpStatusCode.OK, own.Status);
        using var admin = await fixture.SignInAsync("quantri.tinh");
        var (_, provinceTargets) = await admin.GetAsync($"/staff/api/targets?unitId={fixture.Province.Id}&period=2026", ct);
        Assert.DoesNotContain(provinceTargets.GetProperty("targets").EnumerateArray(), t => t.GetProperty("target").GetDecimal() == 5);
    }

    [Fact]
    public async Task Roles_ViewerCannotWrite_EditorEntersResultsButCannotSetTargets()
    {
        var ct = TestContext.Current.CancellationToken;
        using var viewer = await fixture.SignInAsync("xem.a");
        using var editorB = await fixture.SignInAsync("bientap.b");

        var viewerTarget = await viewer.PutAsync("/staff/api/targets", new { indicator = "members_reached", period = "2026", value = 5 }, ct);
        var viewerResult = await viewer.PutAsync("/staff/api/targets/results", new { indicator = "women_trained", period = "2026", value = 5 }, ct);
        var editorTarget = await editorB.PutAsync("/staff/api/targets", new { indicator = "women_trained", period = "2026", value = 5 }, ct);
        var computed = await editorB.PutAsync("/staff/api/targets/results", new { indicator = "members_reached", period = "2026", value = 5 }, ct);
        var entered = await editorB.PutAsync("/staff/api/targets/results", new { indicator = "women_trained", period = "2026", value = 457, note = "tập huấn quý I" }, ct);

        Assert.Equal(HttpStatusCode.Forbidden, viewerTarget.Status);
        Assert.Equal(HttpStatusCode.Forbidden, viewerResult.Status);
        Assert.Equal(HttpStatusCode.Forbidden, editorTarget.Status);
        Assert.Equal(HttpStatusCode.BadRequest, computed.Status);
        Assert.Equal("Kết quả của chỉ tiêu này được tính tự động, không nhập tay.", computed.Body.GetProperty("errors").GetProperty("indicator")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, entered.Status);
    }

    [Fact]
    public async Task Targets_ProvinceTargetOnEnteredResults_ProgressAddsTheCommunes()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = await fixture.SignInAsync("quantri.tinh");
        using var approverA = await fixture.SignInAsync("duyet.a");
        await admin.PutAsync("/staff/api/targets", new { indicator = "health_reached", unitId = fixture.Province.Id, period = "2026", value = 1050 }, ct);
        await approverA.PutAsync("/staff/api/targets/results", new { indicator = "women_trained", period = "2027", value = 2000 }, ct);
        await admin.PutAsync("/staff/api/targets/results", new { indicator = "women_trained", period = "2027", value = 927 }, ct);

        var (status, body) = await admin.PutAsync("/staff/api/targets", new { indicator = "women_trained", period = "2027", value = 1050 }, ct);

        Assert.Equal(HttpStatusCode.OK, status);
        var target = body.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("indicatorCode").GetString() == "women_trained");
        Assert.Equal("đạt 278,76% so với chỉ tiêu (2.927/1.050)", target.GetProperty("text").GetString());
        Assert.Equal("278,76%", target.GetProperty("percentText").GetString());
        Assert.Equal("đạt và vượt 1/1 chỉ tiêu", body.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Periods_OnlyTheTopUnitsAdminDefinesATerm()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = await fixture.SignInAsync("quantri.tinh");
        using var approver = await fixture.SignInAsync("duyet.tinh");
        var term = new { kind = "term", code = "2021-2026", name = "Nhiệm kỳ 2021–2026", startsOn = "2021-01-01", endsOn = "2026-12-31" };

        var refused = await approver.PostAsync("/staff/api/stats/periods", term, ct);
        var created = await admin.PostAsync("/staff/api/stats/periods", term, ct);
        var again = await admin.PostAsync("/staff/api/stats/periods", term, ct);
        var invalid = await admin.PostAsync("/staff/api/stats/periods", new { kind = "year", code = "2030", name = "", startsOn = "2030-01-01", endsOn = "2029-01-01" }, ct);
        var unknown = await admin.GetAsync("/staff/api/stats/reach?period=khong-co", ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal(["code", "endsOn", "kind", "name"], invalid.Body.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }
}
