using Outreach.Bot.Answers;
using Outreach.Bot.Channels;
using Outreach.Bot.Channels.Messenger;
using Outreach.Bot.Channels.WebChat;
using Outreach.Bot.Channels.Zalo;
using Outreach.Bot.Core;
using Outreach.Bot.Inbox;
using Outreach.Bot.Outbox;
using Outreach.Bot.Pipeline;
using Outreach.Bot.Tracking;
using Outreach.Scheduler.Sending;

namespace Outreach.Bot.Hosting;

/// <summary>Wires the conversation side: channels, the turn pipeline, the inbox runner and the reply dispatcher.</summary>
internal static class ConversationHosting
{
    public static IServiceCollection AddOutreachConversations(this IServiceCollection services)
    {
        services.AddOptions<InboxOptions>().BindConfiguration(InboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InboxSignal>();
        services.AddSingleton<OutboxSignal>();

        // The pipeline's order is explicit (TurnPipeline); its steps are plain singletons.
        services.AddSingleton<ReceiptMiddleware>();
        services.AddSingleton<ContactMiddleware>();
        services.AddSingleton<TurnPipeline>();
        services.AddSingleton<IBot, OutreachBot>();
        services.AddOutreachAnswers();

        // Channel adapters and senders are unordered families: found by scanning, looked up by channel name.
        services.Scan(scan => scan.FromAssemblyOf<ChannelAdapter>()
            .AddClasses(c => c.AssignableTo<ChannelAdapter>()).As<ChannelAdapter>().WithSingletonLifetime()
            .AddClasses(c => c.AssignableTo<IChannelSender>()).As<IChannelSender>().WithSingletonLifetime());
        services.AddSingleton<ChannelRegistry>();
        services.AddMessengerChannel();
        services.AddZaloChannel();
        services.AddOutreachReachHost();

        services.AddSingleton<TurnRunner>();
        services.AddSingleton<ReplyDispatcher>();
        services.AddHostedService<ConversationWorkers>();
        return services;
    }

    public static IEndpointRouteBuilder MapOutreachConversations(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapWebChat();
        endpoints.MapMessengerWebhook();
        endpoints.MapZaloWebhook();
        endpoints.MapOutreachReach();
        return endpoints;
    }
}
