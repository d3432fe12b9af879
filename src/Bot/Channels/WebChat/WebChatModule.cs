using Outreach.Scheduler.Sending;

namespace Outreach.Bot.Channels.WebChat;

/// <summary>Registers the web chat: the channel, its sender and its page and JSON endpoints under /webchat (loopback only).</summary>
public sealed class WebChatModule : IChannelModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<IChannel, WebChatChannel>();
        services.AddSingleton<IChannelSender, WebChatSender>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapWebChat();
}
