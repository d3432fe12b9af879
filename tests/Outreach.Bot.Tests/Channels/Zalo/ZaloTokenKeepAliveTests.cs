using Microsoft.Extensions.DependencyInjection;
using Outreach.Bot.Channels.Zalo;
using Outreach.Bot.Hosting;
using Outreach.Emulators.Zalo;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Channels.Zalo;

/// <summary>
/// Issue 11.9: Zalo's refresh token lasts about three months and each refresh gives a new one. A quiet OA (nothing sent) keeps
/// its chain alive through the recurring keep-alive; a refused refresh shows on the channel's health.
/// </summary>
public sealed class ZaloTokenKeepAliveTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task QuietOaForFourMonths_TheKeepAliveKeepsTheRefreshChainAndASendStillWorks()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct);

        Assert.Equal(1, await _database.ScalarAsync<long>("SELECT count(*) FROM hangfire.set WHERE key = 'recurring-jobs' AND value = @id",
            new { id = ZaloTokenKeepAliveJob.RecurringJobId }));
        for (var month = 0; month < 4; month++)
        {
            zalo.Clock.Advance(TimeSpan.FromDays(30));
            await KeepAliveAsync(host, ct);
        }

        // Four months on, the access token of the last keep-alive has run out too: the send refreshes once more and goes.
        zalo.ExpireAccessTokens();
        zalo.RecordInteraction("quiet-1");
        var send = await host.Services.GetServices<Outreach.Scheduler.Sending.IChannelSender>().Single(s => s.Channel == "zalo")
            .SendAsync(new() { Channel = "zalo", AccountId = zalo.Options.OaId, RecipientId = "quiet-1", Text = "Dạ" }, ct);

        Assert.True(send.IsSent, send.ErrorCode + " " + send.ErrorMessage);
        Assert.Equal(4 + 1, zalo.TokenRequests.Count);
        Assert.All(zalo.TokenRequests, r => Assert.Contains("access_token", r.ResponseBody, StringComparison.Ordinal));
        Assert.Equal(0, await _database.ScalarAsync<long>("SELECT count(*) FROM channel_health WHERE channel = 'zalo' AND state <> 'ok'"));
    }

    [Fact]
    public async Task RefreshTokenExpiredBeforeAnyKeepAlive_TheRefusalShowsOnChannelHealthAndClearsAfterConsent()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        await using (var host = await ZaloTestGateway.StartAsync(_database, zalo, ct))
        {
            zalo.Clock.Advance(TimeSpan.FromDays(91));
            await KeepAliveAsync(host, ct);

            Assert.Equal("token_refused", await _database.ScalarAsync<string>("SELECT state FROM channel_health WHERE channel = 'zalo'"));
            Assert.Contains("-14014", await _database.ScalarAsync<string>("SELECT detail FROM channel_health WHERE channel = 'zalo'"), StringComparison.Ordinal);
        }

        // The OA admin grants consent again: the next keep-alive works and the channel is shown working.
        var reconsented = zalo.GrantConsent();
        await using var again = await ZaloTestGateway.StartAsync(_database, zalo, ct,
            new Dictionary<string, string?> { ["Outreach:Zalo:InitialRefreshToken"] = reconsented });
        await KeepAliveAsync(again, ct);

        Assert.Equal("ok", await _database.ScalarAsync<string>("SELECT state FROM channel_health WHERE channel = 'zalo'"));
    }

    private static Task KeepAliveAsync(OutreachHost host, CancellationToken ct) =>
        ActivatorUtilities.CreateInstance<ZaloTokenKeepAliveJob>(host.Services).RunAsync(ct);
}
