using System.Globalization;
using System.Net;
using Dapper;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Console;

/// <summary>
/// A unit's staff can neither see another unit's reach nor set its targets on /staff/reach; only admins and approvers set
/// targets, and a wrong value is refused in Vietnamese with nothing saved.
/// </summary>
public sealed class ReachPageScopingTests(ReachApiFixture fixture) : IClassFixture<ReachApiFixture>
{
    private string A => fixture.CommuneA.Id.ToString(CultureInfo.InvariantCulture);

    private string B => fixture.CommuneB.Id.ToString(CultureInfo.InvariantCulture);

    private string Province => fixture.Province.Id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task OtherCommunesEditor_AnotherUnitsPage_IsNotFoundAndShowsNoFigures()
    {
        using var editorB = await ConsoleClient.SignInAsync(fixture.Host.BaseAddress, "bientap.b");

        var sibling = await editorB.GetAsync($"/staff/reach?unitId={A}&period=2026");
        var parent = await editorB.GetAsync($"/staff/reach?unitId={Province}&period=2026");
        var own = await editorB.GetAsync("/staff/reach?period=2026");
        var unknownPeriod = await editorB.GetAsync("/staff/reach?period=khong-co");

        foreach (var refused in new[] { sibling, parent })
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.Status);
            Assert.DoesNotContain("xã Tân Lập", refused.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Địa chỉ tin cậy", refused.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("data-totals", refused.Html, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal((5L, 5L), new ReachPageReader(own.Html).Totals().Select(t => (t.Events, t.People)).First());
        Assert.DoesNotContain("xã Tân Lập", own.Text, StringComparison.Ordinal);
        Assert.Empty(new ReachPageReader(own.Html).Document.QuerySelectorAll($"#unitId option[value='{A}'], #unitId option[value='{Province}']"));
        // A period that does not exist: her own page of this year with why, not "page not found" (QA review).
        Assert.Equal(HttpStatusCode.BadRequest, unknownPeriod.Status);
        Assert.Contains("Kỳ báo cáo 'khong-co' không tồn tại", unknownPeriod.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("xã Tân Lập", unknownPeriod.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommuneApprover_TargetForAnotherUnit_IsNotFoundAndChangesNothing()
    {
        using var approverA = await ConsoleClient.SignInAsync(fixture.Host.BaseAddress, "duyet.a");
        await approverA.GetAsync("/staff/reach");
        var before = await TargetsAsync();

        var sibling = await PostTargetAsync(approverA, B, "members_reached", "5");
        var parent = await PostTargetAsync(approverA, Province, "members_reached", "5");
        var unchanged = await TargetsAsync();
        var own = await PostTargetAsync(approverA, A, "health_reached", "12");

        Assert.Equal(HttpStatusCode.NotFound, sibling.Status);
        Assert.Equal(HttpStatusCode.NotFound, parent.Status);
        Assert.Equal(before, unchanged);
        Assert.Equal(HttpStatusCode.Redirect, own.Status);
        Assert.Contains($"{A}|health_reached|12.00", await TargetsAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ViewerAndEditor_SeeNoTargetForm_AndTheirPostsAreForbidden()
    {
        using var viewer = await ConsoleClient.SignInAsync(fixture.Host.BaseAddress, "xem.a");
        using var editorB = await ConsoleClient.SignInAsync(fixture.Host.BaseAddress, "bientap.b");
        using var approverA = await ConsoleClient.SignInAsync(fixture.Host.BaseAddress, "duyet.a");
        var viewerPage = await viewer.GetAsync("/staff/reach");
        var editorPage = await editorB.GetAsync("/staff/reach");
        var approverPage = await approverA.GetAsync("/staff/reach");
        var before = await TargetsAsync();

        var byViewer = await PostTargetAsync(viewer, A, "members_reached", "7");
        var byEditor = await PostTargetAsync(editorB, B, "members_reached", "7");

        Assert.DoesNotContain("data-target-form", viewerPage.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-target-form", editorPage.Html, StringComparison.Ordinal);
        Assert.Contains("data-target-form", approverPage.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.Status);
        Assert.Equal(HttpStatusCode.Forbidden, byEditor.Status);
        Assert.Contains("Chỉ quản trị hoặc người duyệt mới giao chỉ tiêu.", byEditor.Text, StringComparison.Ordinal);
        Assert.Equal(before, await TargetsAsync());
    }

    [Theory]
    [InlineData("members_reached", "mười", "Nhập chỉ tiêu bằng số")]
    [InlineData("members_reached", "1.5", "Nhập chỉ tiêu bằng số")]
    [InlineData("members_reached", "", "Nhập giá trị chỉ tiêu")]
    [InlineData("members_reached", "0", "Chỉ tiêu phải lớn hơn 0")]
    [InlineData("members_reached", "-5", "Chỉ tiêu phải lớn hơn 0 (không nhận số âm)")]
    [InlineData("women_trained", "12,5", "phải là số nguyên")]
    [InlineData("members_reached", "9.999.999.999.999", "không quá 1.000.000.000.000")]
    [InlineData("khong_co", "10", "Chọn một chỉ tiêu trong danh sách.")]
    public async Task Approver_InvalidTarget_IsRefusedInVietnameseAndNothingIsSaved(string indicator, string value, string error)
    {
        using var approver = await ConsoleClient.SignInAsync(fixture.Host.BaseAddress, "duyet.tinh");
        await approver.GetAsync("/staff/reach");
        var before = await TargetsAsync();

        var page = await PostTargetAsync(approver, Province, indicator, value);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(error, page.Text, StringComparison.Ordinal);
        Assert.Contains("Chưa lưu được, vui lòng sửa:", page.Text, StringComparison.Ordinal);
        Assert.Contains("data-totals", page.Html, StringComparison.Ordinal);
        Assert.Equal(value, new ReachPageReader(page.Html).Document.QuerySelector("#value")!.GetAttribute("value") ?? "");
        Assert.Equal(before, await TargetsAsync());
    }

    [Fact]
    public async Task TargetPostedWithoutTheAntiforgeryToken_IsRefusedAndNotSaved()
    {
        using var admin = await ConsoleClient.SignInAsync(fixture.Host.BaseAddress, "quantri.tinh");
        var before = await TargetsAsync();

        var page = await admin.PostFormWithoutTokenAsync("/staff/reach/targets",
            ("UnitId", Province), ("Period", "2026"), ("Indicator", "members_reached"), ("Value", "10"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(before, await TargetsAsync());
    }

    private static Task<ConsolePage> PostTargetAsync(ConsoleClient client, string unitId, string indicator, string value) =>
        client.PostFormAsync("/staff/reach/targets", ("UnitId", unitId), ("Period", "2026"), ("Indicator", indicator), ("Value", value));

    // Every target row, as text: what "changes nothing" compares.
    private async Task<string> TargetsAsync()
    {
        await using var connection = await fixture.Database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<string>(
            """
            SELECT coalesce(string_agg(t.org_unit_id || '|' || i.code || '|' || t.target_value, ';' ORDER BY t.org_unit_id, i.code), '')
            FROM targets t JOIN indicators i ON i.id = t.indicator_id
            """) ?? "";
    }
}
