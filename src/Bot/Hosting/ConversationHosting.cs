using Outreach.Bot.Answers;
using Outreach.Bot.Channels;
using Outreach.Bot.Channels.Accounts;
using Outreach.Bot.Core;
using Outreach.Bot.Inbox;
using Outreach.Bot.Outbox;
using Outreach.Bot.Pipeline;
using Outreach.Bot.Profiles;
using Outreach.Bot.Tracking;

namespace Outreach.Bot.Hosting;

/// <summary>Wires the conversation side: the channels (each registers itself), the inbox adapter and its pipeline, the workers.</summary>
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

        // Channels are an unordered family: each folder's IChannelModule registers its channel, sender and webhooks.
        services.AddChannelAccounts();
        services.AddChannels();
        services.AddSingleton<CrisisLane>();
        services.AddSingleton<InboxAdapter>();
        services.AddSingleton<IInbox>(sp => sp.GetRequiredService<InboxAdapter>());
        services.AddOutreachReachHost();

        services.AddSingleton<TurnRunner>();
        services.AddSingleton<ReplyDispatcher>();
        services.AddHostedService<ConversationWorkers>();

        // Members' names from their platform, looked up after their turns (never in them).
        services.AddOptions<MemberProfileOptions>().BindConfiguration(MemberProfileOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MemberProfileWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<MemberProfileWorker>());
        return services;
    }

    public static IEndpointRouteBuilder MapOutreachConversations(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapChannels();
        endpoints.MapOutreachReach();
        return endpoints;
    }
}
