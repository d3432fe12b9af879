using Microsoft.Extensions.DependencyInjection;
using Outreach.Bot.Channels.Zalo;
using Outreach.Emulators.Zalo;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Channels.Zalo;

/// <summary>Single-use refresh tokens across hosts: two real gateways on one database race to refresh; Zalo sees one refresh.</summary>
public sealed class ZaloTokenProviderTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task TwoHostsNeedTheFirstTokenAtOnce_RefreshTokenSpentOnceBothUseTheWinnersToken()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var a = await ZaloTestGateway.StartAsync(_database, zalo, ct);
        await using var b = await ZaloTestGateway.StartAsync(_database, zalo, ct);

        // The slow answer keeps the winner inside its refresh while the other host arrives.
        zalo.DelayNextTokenRequest(TimeSpan.FromSeconds(1));
        var tokens = await Task.WhenAll(Provider(a).GetAsync(ct), Provider(b).GetAsync(ct));

        Assert.Single(zalo.TokenRequests);
        Assert.NotNull(tokens[0].Value);
        Assert.Equal(tokens[0].Value, tokens[1].Value);
    }

    [Fact]
    public async Task TwoHostsSeeTheTokenRejectedAtOnce_OneRefreshAndTheNewTokenWorks()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var a = await ZaloTestGateway.StartAsync(_database, zalo, ct);
        await using var b = await ZaloTestGateway.StartAsync(_database, zalo, ct);
        var first = await Provider(a).GetAsync(ct);
        Assert.Equal(first.Value, (await Provider(b).GetAsync(ct)).Value);

        zalo.ExpireAccessTokens();
        zalo.DelayNextTokenRequest(TimeSpan.FromSeconds(1));
        var renewed = await Task.WhenAll(Provider(a).RefreshAsync(first.Version, ct), Provider(b).RefreshAsync(first.Version, ct));

        Assert.Equal(2, zalo.TokenRequests.Count);
        Assert.All(zalo.TokenRequests, r => Assert.DoesNotContain("-14014", r.ResponseBody, StringComparison.Ordinal));
        Assert.Equal(renewed[0].Value, renewed[1].Value);
        Assert.NotEqual(first.Value, renewed[0].Value);
        Assert.Equal(first.Version + 1, renewed[0].Version);
        zalo.RecordInteraction("t-1");
        var send = await Sender(b).SendAsync(new() { Channel = "zalo", AccountId = zalo.Options.OaId, RecipientId = "t-1", Text = "Dạ" }, ct);
        Assert.True(send.IsSent);
        Assert.Equal(2, zalo.TokenRequests.Count);
    }

    [Fact]
    public async Task Restart_SameInitialRefreshToken_KeepsTheRotatedTokens_NewOneReplacesThem()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using (var first = await ZaloTestGateway.StartAsync(_database, zalo, ct))
        {
            await Provider(first).GetAsync(ct);
        }

        string? afterRestart;
        await using (var restarted = await ZaloTestGateway.StartAsync(_database, zalo, ct))
        {
            afterRestart = (await Provider(restarted).GetAsync(ct)).Value;
        }

        var reconsented = zalo.GrantConsent();
        await using var third = await ZaloTestGateway.StartAsync(_database, zalo, ct,
            new Dictionary<string, string?> { ["Outreach:Zalo:InitialRefreshToken"] = reconsented });
        var afterReconsent = await Provider(third).GetAsync(ct);

        Assert.Equal(2, zalo.TokenRequests.Count);
        Assert.NotNull(afterRestart);
        Assert.NotEqual(afterRestart, afterReconsent.Value);
        Assert.Contains(Uri.EscapeDataString(reconsented), zalo.TokenRequests[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShortLivedAccessTokens_RefreshedOncePerHalfLifeNotOnEveryCall()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(new ZaloEmulatorOptions { AccessTokenLifetime = TimeSpan.FromHours(1) }, ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct);

        var first = await Provider(host).GetAsync(ct);
        var second = await Provider(host).GetAsync(ct);

        Assert.Single(zalo.TokenRequests);
        Assert.Contains("\"expires_in\":\"3600\"", zalo.TokenRequests[0].ResponseBody, StringComparison.Ordinal);
        Assert.Equal(first.Value, second.Value);
    }

    private static ZaloTokenProvider Provider(Outreach.Bot.Hosting.OutreachHost host) => host.Services.GetRequiredService<ZaloTokenProvider>();

    private static Outreach.Scheduler.Sending.IChannelSender Sender(Outreach.Bot.Hosting.OutreachHost host) =>
        host.Services.GetServices<Outreach.Scheduler.Sending.IChannelSender>().Single(s => s.Channel == "zalo");
}
