using System.Net;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Console;

/// <summary>
/// Issue 18.3: what staff are told, on the "Thông báo" page, in the menu's count and in GET /staff/api/notices (which the console
/// polls): a crisis alert and a waiting member of their own units only, a post waiting for the approver, a post returned to its
/// writer with the reason.
/// </summary>
public sealed class NoticesTests(PostgresServer server) : IAsyncLifetime
{
    private ConsoleWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await ConsoleWorld.StartAsync(server);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task CrisisInCommuneA_ToldToItsStaffAndTheProvince_NotToCommuneB()
    {
        var seeded = await _world.OpenHandoffAsync("khan-cap", _world.CommuneA.Id, crisis: true);
        using var editorA = await StaffApiClient.SignInAsync(_world.Host.BaseAddress, "bientap.a", ct: TestContext.Current.CancellationToken);
        using var editorB = await StaffApiClient.SignInAsync(_world.Host.BaseAddress, "bientap.b", ct: TestContext.Current.CancellationToken);
        using var province = await _world.SignInAsync("duyet.tinh");

        var a = await editorA.GetAsync("/staff/api/notices", ct: TestContext.Current.CancellationToken);
        var b = await editorB.GetAsync("/staff/api/notices", ct: TestContext.Current.CancellationToken);
        var page = await province.GetAsync("/staff/notices");

        Assert.Equal(HttpStatusCode.OK, a.Status);
        Assert.Equal(1, a.Body.GetProperty("openAlerts").GetInt32());
        Assert.Equal(seeded.AlertId, a.Body.GetProperty("latestAlertId").GetInt64());
        Assert.Equal(1, a.Body.GetProperty("waitingHandoffs").GetInt32());
        Assert.Equal(seeded.HandoffId, a.Body.GetProperty("latestHandoffId").GetInt64());
        Assert.Equal(0, b.Body.GetProperty("openAlerts").GetInt32());
        Assert.Equal(0, b.Body.GetProperty("total").GetInt32());
        Assert.Contains("1 cảnh báo khẩn cấp chưa xử lý", page.Text, StringComparison.Ordinal);
        Assert.Contains($"data-latest-alert=\"{seeded.AlertId}\"", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmittedPost_ToldToTheApprover_ReturnedPost_ToldToItsWriterWithTheReason()
    {
        using var approver = await _world.SignInAsync("duyet.tinh");
        using var approverApi = await StaffApiClient.SignInAsync(_world.Host.BaseAddress, "duyet.tinh", ct: TestContext.Current.CancellationToken);
        using var writer = await _world.SignInAsync("bientap.a");

        var waiting = await approverApi.GetAsync("/staff/api/notices", ct: TestContext.Current.CancellationToken);
        var menu = await approver.GetAsync("/staff");
        await approver.PostFormAsync($"/staff/posts/{_world.PostA.Id}/reject", ("Note", "Thiếu địa điểm khám"));
        var afterReturn = await approverApi.GetAsync("/staff/api/notices", ct: TestContext.Current.CancellationToken);
        var told = await writer.GetAsync("/staff/notices");

        var post = Assert.Single(waiting.Body.GetProperty("awaitingApproval").EnumerateArray());
        Assert.Equal(ConsoleWorld.TitleA, post.GetProperty("title").GetString());
        Assert.Contains("data-live-count=\"total\">1<", menu.Html.Replace(" hidden", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Empty(afterReturn.Body.GetProperty("awaitingApproval").EnumerateArray());
        Assert.Contains("Bài của bạn bị trả lại (1)", told.Text, StringComparison.Ordinal);
        Assert.Contains("lý do: <em>Thiếu địa điểm khám</em>", told.Text, StringComparison.Ordinal);
        Assert.Contains(ConsoleWorld.TitleA, told.Text, StringComparison.Ordinal);
    }
}
