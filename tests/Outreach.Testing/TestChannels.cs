using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Messenger;
using Outreach.Bot.Channels.WebChat;
using Outreach.Bot.Channels.Zalo;
using Outreach.Content.Broadcasts;
using Outreach.Content.Channels;
using Outreach.Scheduler.Broadcasting;

namespace Outreach.Testing;

/// <summary>The real channels' profiles (Messenger, Zalo, web chat, with their windows, quota and hours) for tests without a host.</summary>
public static class TestChannels
{
    public static ChannelCatalog Catalog(BroadcastOptions? broadcasts = null)
    {
        var settings = Options.Create(broadcasts ?? new BroadcastOptions());
        return new ChannelCatalog(
        [
            new MessengerChannel(Options.Create(new MessengerOptions()), settings).Profile,
            new ZaloChannel(Options.Create(new ZaloOptions()), settings).Profile,
            new WebChatChannel().Profile,
        ]);
    }

    public static Eligibility Eligibility(BroadcastOptions? broadcasts = null) => new(Catalog(broadcasts));

    public static QuietHours QuietHours(BroadcastOptions? broadcasts = null)
    {
        var settings = broadcasts ?? new BroadcastOptions();
        return new QuietHours(settings.QuietFrom, settings.QuietUntil, Catalog(settings));
    }
}
