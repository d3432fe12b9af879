using Outreach.Emulators.Zalo;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Channels.Zalo;

/// <summary>An OA admin answering in Zalo's OA Chat (an <c>oa_send_*</c> echo with <c>admin_id</c>) silences the bot for that member.</summary>
public sealed class ZaloHumanTakeoverTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly TimeSpan ReplyWithin = TimeSpan.FromSeconds(30);
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task AdminAnswersInOaChat_BotSilentForHer_OurOwnEchoChangesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct);
        var bodies = new ZaloWebhookBodies(zalo);

        await zalo.PostWebhookAsync(host.Webhook(), bodies.AdminEcho("z-1", "Chào chị, em là cán bộ Hội"), ct);
        await zalo.PostWebhookAsync(host.Webhook(), bodies.OaEcho("z-2", "Tin của bot"), ct);
        await ZaloTestGateway.EventuallyAsync(async () => await _database.ScalarAsync<long>("SELECT count(*) FROM handoffs WHERE status = 'active'") == 1, ct);
        await zalo.PostWebhookAsync(host.Webhook(), bodies.Text("z-1", "Em hỏi về vay vốn"), ct);
        await zalo.PostWebhookAsync(host.Webhook(), bodies.Text("z-2", "Chào"), ct);
        await zalo.WaitForMessageAsync(m => m.UserId == "z-2", ReplyWithin, ct);
        await ZaloTestGateway.EventuallyAsync(async () => await _database.ScalarAsync<long>("SELECT count(*) FROM inbox_events WHERE status = 'pending'") == 0, ct);

        Assert.DoesNotContain(zalo.Sent, m => m.UserId == "z-1");
        Assert.Equal("z-1", await _database.ScalarAsync<string>(
            "SELECT c.platform_user_id FROM handoffs h JOIN contacts c ON c.id = h.contact_id WHERE h.reason = 'platform'"));
    }
}
