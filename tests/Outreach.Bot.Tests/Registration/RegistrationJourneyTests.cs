using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Scheduler.Broadcasting;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Registration;

/// <summary>
/// The journey of issue 13's members: A arrives by an m.me link with her ward's ref, B on Zalo types her OLD commune's name
/// without diacritics and confirms, C skips; a broadcast to the ward reaches A and B and not C.
/// </summary>
public sealed class RegistrationJourneyTests(PostgresServer server) : IAsyncLifetime
{
    private RegistrationGateway _gateway = null!;

    public async ValueTask InitializeAsync() => _gateway = await RegistrationGateway.StartAsync(server, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _gateway.DisposeAsync();

    [Fact]
    public async Task RefTypedOldNameAndSkip_ABroadcastToTheWardReachesTheFirstTwoOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        var units = _gateway.Units;
        await _gateway.MessengerAsync(_gateway.Messenger.Webhook().GetStarted("a-psid", reference: "dong-xoai"));
        await _gateway.MessengerSaysAsync("a-psid", "em đã ghi nhận");
        await _gateway.ZaloAsync(_gateway.Bodies.Follow("b-zalo"));
        await _gateway.ZaloSaysAsync("b-zalo", "xã, phường nào");
        await _gateway.ZaloAsync(_gateway.Bodies.Text("b-zalo", "tien thanh"));
        var choices = await _gateway.ZaloSaysAsync("b-zalo", "Chị chọn đúng nơi");
        await _gateway.ZaloAsync(_gateway.Bodies.Text("b-zalo", RegistrationTests.NumberOf(choices.Text!, "Phường Đồng Xoài")));
        await _gateway.ZaloSaysAsync("b-zalo", "em đã ghi nhận");
        await _gateway.ZaloAsync(_gateway.Bodies.Follow("c-zalo"));
        await _gateway.ZaloSaysAsync("c-zalo", "xã, phường nào");
        await _gateway.ZaloAsync(_gateway.Bodies.Text("c-zalo", "Bỏ qua"));
        await _gateway.ZaloSaysAsync("c-zalo", "tin chung");

        var seed = new Seed(_gateway.Database);
        await seed.StaffAsync("bientap.dongxoai", units.DongXoai, "editor", ct);
        await seed.StaffAsync("duyet.tinh", units.Province, "approver", ct);
        using var editor = await StaffApiClient.SignInAsync(_gateway.Host.BaseAddress, "bientap.dongxoai", ct: ct);
        using var approver = await StaffApiClient.SignInAsync(_gateway.Host.BaseAddress, "duyet.tinh", ct: ct);
        var (_, post) = await editor.PostAsync("/staff/api/posts", new
        {
            title = "Đường dây nóng của phường",
            body = "Hội LHPN phường Đồng Xoài nhắc chị em số đường dây nóng hỗ trợ phụ nữ: 1900 969 680.",
            topic = "hotline",
            isPromotional = false,
            channels = new[] { "messenger", "zalo" },
            audienceUnitIds = new[] { units.DongXoai },
        }, ct);
        var postId = post.GetProperty("id").GetInt64();
        await editor.PostAsync($"/staff/api/posts/{postId}/submit", null, ct);
        await approver.PostAsync($"/staff/api/posts/{postId}/approve", null, ct);
        var sendAt = DateTimeOffset.UtcNow.AddSeconds(1);
        await approver.PostAsync($"/staff/api/posts/{postId}/schedule", new { sendAt }, ct);
        await _gateway.Host.Services.GetRequiredService<PlanBroadcastJob>().RunAsync(postId, sendAt, ct);

        await using var connection = await _gateway.Database.DataSource.OpenConnectionAsync(ct);
        var reached = (await connection.QueryAsync<(string User, string Status)>(
            """
            SELECT c.platform_user_id, d.status FROM deliveries d JOIN broadcasts b ON b.id = d.broadcast_id
            JOIN contacts c ON c.id = d.contact_id WHERE b.post_id = @postId ORDER BY c.platform_user_id
            """,
            new { postId })).ToList();
        Assert.Equal([("a-psid", "queued"), ("b-zalo", "queued")], reached);
        Assert.Equal(units.Province, await _gateway.UnitOfAsync("c-zalo"));
    }
}
