using Microsoft.Extensions.DependencyInjection.Extensions;
using Outreach.Content.Alerts;
using Outreach.Content.ContentPacks;
using Outreach.Content.Dialogs;
using Outreach.Content.Handoffs;
using Outreach.Content.Knowledge;
using Outreach.Content.KnowledgeBase;
using Outreach.Content.Subscriptions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the member Q&amp;A side of Outreach.Content: the content pack, its reloader and the conversation stores.</summary>
public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the pack store, loader and background reloader (options from <c>Outreach:Knowledge</c>), the current-knowledge
    /// holder, and the crisis-alert, subscription, handoff and dialog-state stores.
    /// </summary>
    public static IServiceCollection AddOutreachKnowledge(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<CurrentKnowledge>();
        services.TryAddSingleton<ContentPackStore>();
        services.TryAddSingleton<ContentPackLoader>();
        services.AddHostedService<ContentPackReloader>();
        services.TryAddSingleton<KnowledgeItemStore>();
        services.AddHostedService<KnowledgeChangeListener>();
        services.TryAddSingleton<CrisisAlertStore>();
        services.TryAddSingleton<CrisisRecorder>();
        services.TryAddSingleton<SubscriptionStore>();
        services.TryAddSingleton<HandoffStore>();
        services.TryAddSingleton<ConversationStore>();
        services.TryAddSingleton<DialogStateStore>();
        return services;
    }
}
