using Microsoft.Extensions.DependencyInjection.Extensions;
using Outreach.Bot.Answers;
using Outreach.Bot.Answers.Registration;
using Outreach.Content.Members;
using Outreach.Bot.Pipeline;

namespace Outreach.Bot.Hosting;

/// <summary>Wires member Q&amp;A: the knowledge base and its stores, the guards of the pipeline, the dialogs.</summary>
internal static class AnswersHosting
{
    public static IServiceCollection AddOutreachAnswers(this IServiceCollection services)
    {
        services.AddOutreachKnowledge();
        services.AddSingleton<CrisisGuardMiddleware>();
        services.AddSingleton<MenuChoiceMiddleware>();
        services.AddSingleton<OptOutMiddleware>();
        services.AddOptions<HandoffOptions>().BindConfiguration(HandoffOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<HandoffGuardMiddleware>();
        services.AddSingleton<SubscriptionDialog>();
        services.AddSingleton<ScreeningDialog>();
        services.AddSingleton<HandoffDialog>();
        services.AddSingleton<RegistrationDialog>();
        services.AddOptions<AccountUnitsOptions>().BindConfiguration(AccountUnitsOptions.Section);
        services.TryAddSingleton<ConfiguredAccountUnits>();
        services.TryAddSingleton<IAccountUnits, Outreach.Content.ChannelAccounts.StoredAccountUnits>();
        services.AddOptions<UnansweredOptions>().BindConfiguration(UnansweredOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AnswerFeedback>();
        services.AddSingleton<BotDialogs>();
        return services;
    }
}
