using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Accounts;
using Outreach.Bot.Channels.Messenger;
using Outreach.Bot.Channels.Zalo;
using Outreach.Bot.Staff.Posts;
using Outreach.Content.Channels;
using Outreach.Content.Members;
using Outreach.Scheduler.Broadcasting;

namespace Outreach.Bot.Tests.Staff.Console;

/// <summary>Issue 18.8: the post editor offers Zalo only once a Zalo OA is configured.</summary>
public sealed class OfferedChannelsTests
{
    [Fact]
    public async Task NoZaloApp_MessengerOnly()
    {
        var offered = await Offered(new ZaloOptions()).ListAsync(TestContext.Current.CancellationToken);

        Assert.Equal([MessengerChannel.Name], offered);
    }

    [Fact]
    public async Task ZaloOAConfigured_ZaloOfferedToo()
    {
        var offered = await Offered(new ZaloOptions { AppId = "1234567890", OaId = "987654321", AppSecret = "s", OaSecretKey = "k" })
            .ListAsync(TestContext.Current.CancellationToken);

        Assert.Equal([MessengerChannel.Name, ZaloChannel.Name], offered);
    }

    private static OfferedChannels Offered(ZaloOptions zalo)
    {
        var broadcasts = Options.Create(new BroadcastOptions());
        var catalog = new ChannelCatalog(
            [new MessengerChannel(Options.Create(new MessengerOptions()), broadcasts).Profile, new ZaloChannel(Options.Create(zalo), broadcasts).Profile]);
        var accounts = new ConfiguredChannelAccounts(Options.Create(new MessengerOptions()), Options.Create(zalo), new Fixed<AccountUnitsOptions>(new()));
        return new OfferedChannels(catalog, Options.Create(zalo), accounts);
    }

    private sealed class Fixed<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
