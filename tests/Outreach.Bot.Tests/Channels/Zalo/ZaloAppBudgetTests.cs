using Microsoft.Extensions.DependencyInjection;
using Outreach.Bot.Channels;
using Outreach.Bot.Channels.Zalo;
using Outreach.Bot.Tests.Staff.ChannelAccounts;
using Outreach.Scheduler.Publishing;
using Outreach.Testing;
using static Outreach.Bot.Tests.Staff.ChannelAccounts.ChannelAccountsWorld;

namespace Outreach.Bot.Tests.Channels.Zalo;

/// <summary>
/// Issue 17: a commune's OA of its own Zalo app spends its own app's budget of calls (<see cref="ZaloRateLimiter"/>) for
/// profile lookups and article publishing too, not the configured app's: with the province's app spent for the minute, the
/// commune OA's calls go at once, and it is the commune app's minute they use. Real gateway, PostgreSQL and Zalo emulator.
/// </summary>
public sealed class ZaloAppBudgetTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(20);
    private ChannelAccountsWorld _world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _world = await ChannelAccountsWorld.StartAsync(server);
        using var admin = await _world.SignInAsync("quantri.tinh");
        await _world.AddBinhOaAsync(admin);
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task CommuneOaProfileLookup_SpendsItsOwnAppsBudget_NotTheConfiguredApps()
    {
        _world.Zalo.SetProfile("zalo-binh", "Lò Thị Mai");
        var budget = Spend();
        var profiles = Service<IEnumerable<IMemberProfiles>>().Single(p => p.Channel == ZaloChannel.Name);

        var lookup = await profiles.LookupAsync(BinhOa, "zalo-binh", Ct).WaitAsync(AtOnce, Ct);

        Assert.Equal(ProfileLookup.Found("Lò Thị Mai"), lookup);
        Assert.Null(budget.TryTake(BinhOaApp.AppId, out _));
    }

    [Fact]
    public async Task CommuneOaArticleCall_SpendsItsOwnAppsBudget_NotTheConfiguredApps()
    {
        var budget = Spend();
        var publisher = Service<IEnumerable<IArticlePublisher>>().Single(p => p.Channel == ZaloChannel.Name);

        await publisher.VerifyAsync(BinhOa, "no-such-token", Ct).WaitAsync(AtOnce, Ct);

        Assert.Contains(_world.Zalo.Received, r => r.Path.Contains("article/verify", StringComparison.Ordinal));
        Assert.Null(budget.TryTake(BinhOaApp.AppId, out _));
    }

    // The configured (province) app's minute all spent, the commune app's all but one call.
    private ZaloRateLimiter Spend()
    {
        var budget = Service<ZaloRateLimiter>();
        while (budget.TryTake(null, out _) is { } permit)
        {
            permit.Dispose();
        }

        var perMinute = Service<Microsoft.Extensions.Options.IOptions<ZaloOptions>>().Value.RequestsPerMinute;
        for (var i = 0; i < perMinute - 1; i++)
        {
            budget.TryTake(BinhOaApp.AppId, out _)!.Dispose();
        }

        return budget;
    }

    private T Service<T>()
        where T : notnull => _world.Host.Services.GetRequiredService<T>();
}
