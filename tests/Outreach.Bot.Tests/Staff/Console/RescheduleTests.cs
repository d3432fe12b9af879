using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Content.Time;
using Outreach.Scheduler.Broadcasting;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Console;

/// <summary>
/// Issue 18.5: a scheduled post rescheduled goes out at its new time only (the job of the old time plans nothing), and a scheduled
/// post edited goes back for approval, keeping its schedule, and is scheduled again when the change is approved.
/// </summary>
public sealed class RescheduleTests(PostgresServer server) : IAsyncLifetime
{
    private ConsoleWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await ConsoleWorld.StartAsync(server);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private long PostA => _world.PostA.Id;

    private static DateOnly Today => DateOnly.FromDateTime(VietnamTime.ToLocal(TimeProvider.System.GetUtcNow()).DateTime);

    [Fact]
    public async Task Rescheduled_TheOldTimesJobPlansNothing_TheNewOnePlans()
    {
        var ct = TestContext.Current.CancellationToken;
        using var approver = await StaffApiClient.SignInAsync(_world.Host.BaseAddress, "duyet.tinh", ct: ct);
        var first = VietnamTime.FromLocal(Today.AddDays(3), new TimeOnly(9, 0));
        var second = VietnamTime.FromLocal(Today.AddDays(4), new TimeOnly(10, 0));
        await approver.PostAsync($"/staff/api/posts/{PostA}/approve", null, ct);
        await approver.PostAsync($"/staff/api/posts/{PostA}/schedule", new { sendAt = first }, ct);

        var (status, moved) = await approver.PostAsync($"/staff/api/posts/{PostA}/schedule", new { sendAt = second }, ct);
        await RunPlanAsync(first);
        var afterOld = await Broadcasts();
        await RunPlanAsync(second);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(second, moved.GetProperty("post").GetProperty("sendAt").GetDateTimeOffset());
        Assert.Equal(1, afterOld); // the world's own planned broadcast only
        Assert.Equal(2, await Broadcasts());
    }

    [Fact]
    public async Task ScheduledPostEdited_BackForApproval_ThenOnItsKeptSchedule()
    {
        var ct = TestContext.Current.CancellationToken;
        using var approver = await StaffApiClient.SignInAsync(_world.Host.BaseAddress, "duyet.tinh", ct: ct);
        using var editor = await StaffApiClient.SignInAsync(_world.Host.BaseAddress, "bientap.a", ct: ct);
        var at = VietnamTime.FromLocal(Today.AddDays(3), new TimeOnly(9, 0));
        await approver.PostAsync($"/staff/api/posts/{PostA}/approve", null, ct);
        await approver.PostAsync($"/staff/api/posts/{PostA}/schedule", new { sendAt = at }, ct);

        var (editStatus, edited) = await editor.PutAsync($"/staff/api/posts/{PostA}", new
        {
            title = "Bài của xã An Bình (đổi giờ khám)", body = "Khám từ 7 giờ sáng.", topic = "health",
            channels = new[] { "messenger" }, audienceUnitIds = new[] { _world.CommuneA.Id },
        }, ct);
        await RunPlanAsync(at);
        var plannedWhileWaiting = await Broadcasts();
        var (_, approved) = await approver.PostAsync($"/staff/api/posts/{PostA}/approve", null, ct);

        Assert.Equal(HttpStatusCode.OK, editStatus);
        Assert.Equal("submitted", edited.GetProperty("status").GetString());
        Assert.Equal(at, edited.GetProperty("sendAt").GetDateTimeOffset());
        Assert.Equal(1, plannedWhileWaiting);
        Assert.Equal("scheduled", approved.GetProperty("status").GetString());
        Assert.Equal(at, approved.GetProperty("sendAt").GetDateTimeOffset());
        Assert.Equal("Bài của xã An Bình (đổi giờ khám)", approved.GetProperty("title").GetString());
    }

    private async Task RunPlanAsync(DateTimeOffset occurrence)
    {
        using var scope = _world.Host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PlanBroadcastJob>().RunAsync(PostA, occurrence, TestContext.Current.CancellationToken);
    }

    private Task<int> Broadcasts() =>
        _world.ScalarAsync<int>("SELECT count(*)::int FROM broadcasts WHERE post_id = @PostA", new { PostA });
}
