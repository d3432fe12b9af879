using System.Net;

namespace Outreach.Bot.Tests.Staff.Console;

/// <summary>A unit's staff neither see nor change another unit's handoffs and crisis alerts, by page or by form.</summary>
public sealed class HandoffScopingTests(ConsoleWorldFixture fixture) : IClassFixture<ConsoleWorldFixture>
{
    private readonly ConsoleWorld _world = fixture.World;

    [Fact]
    public async Task OtherCommunesStaff_HandoffOfThisCommune_NotListedPageNotFoundActionsNotFoundAndChangeNothing()
    {
        var member = await _world.OpenHandoffAsync("pham-vi-a-1", _world.CommuneA.Id, crisis: true);
        using var adminB = await _world.SignInAsync("quantri.b");
        using var editorA = await _world.SignInAsync("bientap.a");

        var queueB = await adminB.GetAsync("/staff/handoffs");
        var page = await adminB.GetAsync(member.Page);
        var answers = new[]
        {
            (await adminB.PostFormAsync(member.Action("take"))).Status,
            (await adminB.PostFormAsync(member.Action("reply"), ("Text", "Chào chị"))).Status,
            (await adminB.PostFormAsync(member.Action("release"))).Status,
            (await adminB.PostFormAsync(member.AlertDone)).Status,
        };
        var queueA = await editorA.GetAsync("/staff/handoffs");

        Assert.Equal(HttpStatusCode.OK, queueB.Status);
        Assert.DoesNotContain(member.Row, queueB.Html, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-alert-id=\"{member.AlertId}\"", queueB.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.All(answers, status => Assert.Equal(HttpStatusCode.NotFound, status));
        Assert.Equal("requested", await _world.StatusAsync(member.HandoffId));
        Assert.Equal(0, await _world.ScalarAsync<int>("SELECT count(*) FROM crisis_alerts WHERE id = @id AND acknowledged_at IS NOT NULL",
            new { id = member.AlertId }));
        Assert.Contains(member.Row, queueA.Html, StringComparison.Ordinal);
        Assert.Contains($"data-alert-id=\"{member.AlertId}\"", queueA.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberWithoutUnit_OnlyTopUnitsStaffSeeAndTakeHer()
    {
        var member = await _world.OpenHandoffAsync("pham-vi-khong-ro", null);
        using var editorA = await _world.SignInAsync("bientap.a");
        using var provinceAdmin = await _world.SignInAsync("quantri.tinh");

        var queueA = await editorA.GetAsync("/staff/handoffs");
        var takeA = await editorA.PostFormAsync(member.Action("take"));
        var queueProvince = await provinceAdmin.GetAsync("/staff/handoffs");
        var takeProvince = await provinceAdmin.PostFormAsync(member.Action("take"));

        Assert.DoesNotContain(member.Row, queueA.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, takeA.Status);
        Assert.Contains(member.Row, queueProvince.Html, StringComparison.Ordinal);
        Assert.Contains("Chưa rõ đơn vị", queueProvince.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, takeProvince.Status);
        Assert.Equal("active", await _world.StatusAsync(member.HandoffId));
    }

    [Fact]
    public async Task ProvinceStaff_SeeCommuneHandoffs_CrisisFirstAndMarked()
    {
        var waiting = await _world.OpenHandoffAsync("pham-vi-a-2", _world.CommuneA.Id, lastWrote: TimeSpan.FromHours(3));
        var crisis = await _world.OpenHandoffAsync("pham-vi-b-1", _world.CommuneB.Id, crisis: true);
        using var provinceApprover = await _world.SignInAsync("duyet.tinh");

        var queue = await provinceApprover.GetAsync("/staff/handoffs");

        var crisisRow = queue.Html.IndexOf(crisis.Row, StringComparison.Ordinal);
        var waitingRow = queue.Html.IndexOf(waiting.Row, StringComparison.Ordinal);
        Assert.True(crisisRow > 0 && waitingRow > crisisRow, "the crisis handoff is listed before the older ordinary one");
        Assert.Contains("class=\"badge crisis\"", queue.Html[crisisRow..waitingRow], StringComparison.Ordinal);
        Assert.Contains("Hội LHPN xã An Bình", queue.Text, StringComparison.Ordinal);
        Assert.Contains("data-handoffs-waiting=", queue.Html, StringComparison.Ordinal);
    }
}
