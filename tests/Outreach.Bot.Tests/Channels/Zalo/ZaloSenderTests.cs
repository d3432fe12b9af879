using Microsoft.Extensions.DependencyInjection;
using Outreach.Content.ChannelTokens;
using Outreach.Emulators.Zalo;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Channels.Zalo;

/// <summary>What the gateway does with Zalo's failures, end to end: which it retries, which it refreshes for, which are final.</summary>
public sealed class ZaloSenderTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly TimeSpan ReplyWithin = TimeSpan.FromSeconds(30);
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task AccessTokenExpiresAtZalo_RefreshedThenResentOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct);
        var bodies = new ZaloWebhookBodies(zalo);
        await zalo.PostWebhookAsync(host.Webhook(), bodies.Text("s-1", "lần một"), ct);
        var first = await zalo.WaitForMessageAsync(m => m.UserId == "s-1", ReplyWithin, ct);

        zalo.ExpireAccessTokens();
        await zalo.PostWebhookAsync(host.Webhook(), bodies.Text("s-1", "lần hai"), ct);
        var second = await zalo.WaitForMessageAsync(m => m.UserId == "s-1" && m.MessageId != first.MessageId, ReplyWithin, ct);

        Assert.Equal(2, zalo.TokenRequests.Count);
        Assert.All(zalo.TokenRequests, r => Assert.Contains("access_token", r.ResponseBody, StringComparison.Ordinal));
        Assert.Single(zalo.Received, r => r.Path == ZaloEmulator.SendPath && r.ResponseBody.Contains("-220", StringComparison.Ordinal));
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        var stored = await host.Services.GetRequiredService<ChannelTokenStore>().GetAsync("zalo", zalo.Options.OaId, ct);
        Assert.Equal(second.AccessToken, stored!.AccessToken);

        // At rest the token is the key ring's ciphertext, never the token itself.
        Assert.StartsWith("dp1:", await _database.ScalarAsync<string>("SELECT access_token FROM channel_tokens WHERE channel = 'zalo'"), StringComparison.Ordinal);
        Assert.Equal(2, zalo.Sent.Count);
    }

    [Fact]
    public async Task RateLimited_RetriedAfterTheWaitAndDelivered()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct);
        zalo.FailNextSend(-32);

        await zalo.PostWebhookAsync(host.Webhook(), new ZaloWebhookBodies(zalo).Text("s-2", "Chào"), ct);
        await zalo.WaitForMessageAsync(m => m.UserId == "s-2", ReplyWithin, ct);

        await ZaloTestGateway.EventuallyAsync(async () => await RowAsync("s-2") == "sent/2/", ct);
        var sends = zalo.Received.Where(r => r.Path == ZaloEmulator.SendPath).ToList();
        Assert.Equal(2, sends.Count);
        Assert.Contains("\"error\":-32", sends[0].ResponseBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("502")]
    [InlineData("timeout")]
    [InlineData("drop")]
    public async Task TransportFailure_RetriedByTheOutboxAndDelivered(string failure)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct);
        switch (failure)
        {
            case "502": zalo.ServerErrorOnNextSend(502); break;
            case "timeout": zalo.DelayNextSend(TimeSpan.FromSeconds(5)); break;
            default: zalo.Inject(new Outreach.Emulators.Common.Fault { DropConnection = true, PathContains = ZaloEmulator.SendPath }); break;
        }

        await zalo.PostWebhookAsync(host.Webhook(), new ZaloWebhookBodies(zalo).Text("s-3", "Chào"), ct);
        await zalo.WaitForMessageAsync(m => m.UserId == "s-3", ReplyWithin, ct);

        // The failed attempt never produced a message (the 502 and the dropped connection never reach the handler; the
        // timed-out request was abandoned before Zalo answered), so the member gets exactly one.
        await ZaloTestGateway.EventuallyAsync(async () => await RowAsync("s-3") == "sent/2/", ct);
        Assert.Single(zalo.Sent);
    }

    [Fact]
    public async Task MemberOutsideTheSevenDayWindow_FailedOnceAndNeverRetried()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct, new Dictionary<string, string?> { ["Outreach:Inbox:RunWorkers"] = "false" });
        await zalo.PostWebhookAsync(host.Webhook(), new ZaloWebhookBodies(zalo).Text("s-4", "Chào"), ct);
        zalo.Clock.Advance(TimeSpan.FromDays(8));
        await host.DisposeAsync();

        await using var late = await ZaloTestGateway.StartAsync(_database, zalo, ct);

        await ZaloTestGateway.EventuallyAsync(async () => await RowAsync("s-4") == "failed/1/-230", ct);
        Assert.Empty(zalo.Sent);
    }

    [Fact]
    public async Task RefreshTokenRefused_ReplyFailsAsAuthAndTheErrorIsRecorded()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        var settings = new Dictionary<string, string?> { ["Outreach:Zalo:InitialRefreshToken"] = "a-token-zalo-never-issued" };
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct, settings);

        await zalo.PostWebhookAsync(host.Webhook(), new ZaloWebhookBodies(zalo).Text("s-5", "Chào"), ct);

        await ZaloTestGateway.EventuallyAsync(async () => await RowAsync("s-5") == "failed/1/refresh_refused", ct);
        Assert.StartsWith("-14014", await _database.ScalarAsync<string>("SELECT last_error FROM channel_tokens"), StringComparison.Ordinal);
        Assert.Empty(zalo.Sent);
    }

    private Task<string> RowAsync(string member) => _database.ScalarAsync<string>(
        "SELECT status || '/' || attempts || '/' || coalesce(error_code, '') FROM outbound_messages WHERE recipient_id = @member", new { member });
}
