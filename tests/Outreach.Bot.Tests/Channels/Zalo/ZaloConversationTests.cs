using System.Net;
using Outreach.Emulators.Zalo;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Channels.Zalo;

/// <summary>
/// Whole journeys over loopback: the emulator posts a signed webhook, the gateway acks, runs the turn from the inbox and
/// sends the reply to the emulator's OA API with a token it refreshed from the emulator's OAuth endpoint.
/// </summary>
public sealed class ZaloConversationTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly TimeSpan ReplyWithin = TimeSpan.FromSeconds(30);
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task MemberWritesInVietnamese_ReplyArrivesWithNumberedChoicesAndIsRecordedSent()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct);

        using var ack = await zalo.PostWebhookAsync(host.Webhook(), new ZaloWebhookBodies(zalo).Text("m-1", "Chị ơi cho em hỏi về vay vốn"), ct);
        var reply = await zalo.WaitForMessageAsync(m => m.UserId == "m-1", ReplyWithin, ct);

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.StartsWith("Chào chị, Hội LHPN xin nghe.", reply.Text, StringComparison.Ordinal);
        Assert.Contains("\n\n1. Vay vốn, khởi nghiệp\n2. Khám sàng lọc\n3. Bạo lực gia đình\n", reply.Text, StringComparison.Ordinal);
        await ZaloTestGateway.EventuallyAsync(async () => await _database.ScalarAsync<string>(
            "SELECT status || ':' || platform_message_ids[1] FROM outbound_messages WHERE recipient_id = 'm-1'") == "sent:" + reply.MessageId, ct);
        Assert.Equal(1, await _database.ScalarAsync<int>("SELECT count(*) FROM contacts WHERE channel = 'zalo' AND platform_user_id = 'm-1'"));
    }

    [Fact]
    public async Task SameMessageDeliveredTwice_OneReply()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct);
        var bodies = new ZaloWebhookBodies(zalo);

        await zalo.PostReplayAsync(host.Webhook(), bodies.Text("m-2", "Xin chào"), ct);
        await zalo.WaitForMessageAsync(m => m.UserId == "m-2", ReplyWithin, ct);
        await zalo.PostWebhookAsync(host.Webhook(), bodies.Text("m-3", "Xin chào"), ct);
        await zalo.WaitForMessageAsync(m => m.UserId == "m-3", ReplyWithin, ct);

        Assert.Single(zalo.Sent, m => m.UserId == "m-2");
        Assert.Equal(0, await _database.ScalarAsync<int>("SELECT count(*) FROM inbox_events WHERE status = 'pending'"));
    }

    [Fact]
    public async Task ReceiptsArriveOutOfOrder_StatusEndsReadAndNeverGoesBack()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct);
        var bodies = new ZaloWebhookBodies(zalo);
        await zalo.PostWebhookAsync(host.Webhook(), bodies.Text("m-4", "Chào"), ct);
        var reply = await zalo.WaitForMessageAsync(m => m.UserId == "m-4", ReplyWithin, ct);
        await ZaloTestGateway.EventuallyAsync(async () => await StatusAsync("m-4") == "sent", ct);

        // Zalo sent "received" before "seen", but they reach us the other way round.
        await zalo.PostOutOfOrderAsync(host.Webhook(), [bodies.Received("m-4", reply.MessageId), bodies.Seen("m-4", reply.MessageId)], ct);
        await ZaloTestGateway.EventuallyAsync(async () => await _database.ScalarAsync<int>(
            "SELECT count(*) FROM inbox_events WHERE kind IN ('user_received_message', 'user_seen_message') AND status = 'done'") == 2, ct);

        Assert.Equal("read", await StatusAsync("m-4"));
        Assert.True(await _database.ScalarAsync<bool>(
            "SELECT delivered_at IS NOT NULL AND read_at IS NOT NULL FROM outbound_messages WHERE recipient_id = 'm-4'"));
        Assert.Single(zalo.Sent, m => m.UserId == "m-4");
    }

    [Fact]
    public async Task HostAcksThenDiesBeforeTheTurn_SecondHostAnswers()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using (var acking = await ZaloTestGateway.StartAsync(_database, zalo, ct, new Dictionary<string, string?> { ["Outreach:Inbox:RunWorkers"] = "false" }))
        {
            using var ack = await zalo.PostWebhookAsync(acking.Webhook(), new ZaloWebhookBodies(zalo).Text("m-5", "Tôi cần giúp đỡ"), ct);
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        Assert.Empty(zalo.Sent);
        await using var next = await ZaloTestGateway.StartAsync(_database, zalo, ct);

        var reply = await zalo.WaitForMessageAsync(m => m.UserId == "m-5", ReplyWithin, ct);

        Assert.Contains("113", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowThenUnfollow_GreetedThenContactMarkedUnfollowed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct);
        var bodies = new ZaloWebhookBodies(zalo);

        await zalo.PostWebhookAsync(host.Webhook(), bodies.Follow("m-6"), ct);
        await zalo.WaitForMessageAsync(m => m.UserId == "m-6", ReplyWithin, ct);
        await zalo.PostWebhookAsync(host.Webhook(), bodies.Unfollow("m-6"), ct);

        await ZaloTestGateway.EventuallyAsync(async () => await _database.ScalarAsync<string>(
            "SELECT status FROM contacts WHERE channel = 'zalo' AND platform_user_id = 'm-6'") == "unfollowed", ct);
    }

    [Fact]
    public async Task MemberSendsAPhotoOrTapsChatNow_BotAnswersBoth()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct);
        var bodies = new ZaloWebhookBodies(zalo);

        await zalo.PostWebhookAsync(host.Webhook(), bodies.Image("m-7", "https://cdn.example/giay-to.jpg"), ct);
        await zalo.PostWebhookAsync(host.Webhook(), bodies.ChatNow("m-8"), ct);

        await zalo.WaitForMessageAsync(m => m.UserId == "m-7", ReplyWithin, ct);
        await zalo.WaitForMessageAsync(m => m.UserId == "m-8", ReplyWithin, ct);
    }

    private Task<string> StatusAsync(string member) =>
        _database.ScalarAsync<string>("SELECT status FROM outbound_messages WHERE recipient_id = @member", new { member });
}
