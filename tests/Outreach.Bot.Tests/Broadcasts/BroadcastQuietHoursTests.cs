using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Outreach.Content.Time;
using Outreach.Emulators.Messenger;
using Outreach.Scheduler.Broadcasting;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Broadcasts;

public sealed class BroadcastQuietHoursTests(PostgresServer server)
{
    [Fact]
    public async Task PromotionalPostDueAtNight_WaitsForSevenInTheMorningThenSends()
    {
        var ct = TestContext.Current.CancellationToken;

        // 22:30 in Vietnam, a day ahead of the real clock so that Hangfire itself never fires the scheduled jobs here.
        var tomorrow = DateOnly.FromDateTime(VietnamTime.ToLocal(DateTimeOffset.UtcNow).DateTime).AddDays(1);
        var clock = new FakeTimeProvider(VietnamTime.FromLocal(tomorrow, new TimeOnly(22, 30)));
        var morning = VietnamTime.FromLocal(tomorrow.AddDays(1), new TimeOnly(7, 0));
        await using var database = await server.CreateDatabaseAsync(ct);
        var seed = new Seed(database);
        var province = await seed.UnitAsync(null, "tinh", "Tỉnh", ct);
        await seed.StaffAsync("bientap", province.Id, "editor", ct);
        await seed.StaffAsync("duyet", province.Id, "approver", ct);
        await seed.ManyContactsAsync("messenger", 5, province.Id, "health", clock.GetUtcNow().AddHours(-1), "psid-", ct);
        await using var messenger = await MessengerEmulator.StartAsync(new MessengerEmulatorOptions { Clock = clock }, ct);
        for (var i = 1; i <= 5; i++)
        {
            messenger.UserInteracted($"psid-{i}");
        }

        await using var host = await TestHost.StartAsync(database, messenger.GatewaySettings(), b => b.Services.AddSingleton<TimeProvider>(clock), ct);
        using var editor = await StaffApiClient.SignInAsync(host.BaseAddress, "bientap", ct: ct);
        using var approver = await StaffApiClient.SignInAsync(host.BaseAddress, "duyet", ct: ct);
        var (_, created) = await editor.PostAsync("/staff/api/posts", new
        {
            title = "Ngày hội phụ nữ khởi nghiệp", body = "Mời chị em tham gia.", topic = "health", isPromotional = true,
            channels = new[] { "messenger" }, audienceUnitIds = new[] { province.Id },
        }, ct);
        var postId = created.GetProperty("id").GetInt64();
        await editor.PostAsync($"/staff/api/posts/{postId}/submit", null, ct);
        var (_, other) = await approver.PostAsync($"/staff/api/posts/{postId}/approve", null, ct);

        // The province's own approver may approve a province post, but not her own: here the editor wrote it.
        Assert.Equal("approved", other.GetProperty("status").GetString());
        var (_, scheduled) = await approver.PostAsync($"/staff/api/posts/{postId}/schedule", new { sendAt = clock.GetUtcNow() }, ct);

        // Act: the post's time comes (its job runs) at 22:30.
        using (var scope = host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<PlanBroadcastJob>().RunAsync(postId, clock.GetUtcNow(), ct);
        }

        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        var broadcast = await connection.QuerySingleAsync<(long Id, DateTimeOffset NotBefore)>(
            "SELECT id, not_before FROM broadcasts WHERE post_id = @postId", new { postId });
        Assert.Equal(morning, scheduled.GetProperty("firstAllowedSendAt").GetDateTimeOffset());
        Assert.Equal(morning, broadcast.NotBefore);

        // A worker that starts at night anyway sends nothing; at 07:00 it sends.
        using (var scope = host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SendBroadcastJob>().RunAsync(broadcast.Id, ct);
        }

        Assert.DoesNotContain(messenger.Sends, s => s.Accepted);
        clock.SetUtcNow(morning);
        using (var scope = host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SendBroadcastJob>().RunAsync(broadcast.Id, ct);
        }

        Assert.Equal(5, messenger.Sends.Count(s => s.Accepted));
    }
}
