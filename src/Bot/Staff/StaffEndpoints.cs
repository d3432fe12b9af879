using Outreach.Bot.Staff.Apis;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Broadcasts;
using Outreach.Bot.Staff.Console;
using Outreach.Bot.Staff.Console.Previews;
using Outreach.Bot.Staff.Handoffs;
using Outreach.Bot.Staff.Knowledge;
using Outreach.Bot.Staff.Members;
using Outreach.Bot.Staff.Notices;
using Outreach.Bot.Staff.Notices.Mail;
using Outreach.Bot.Staff.Posts;
using Outreach.Bot.Staff.Reach;
using Outreach.Bot.Staff.Targets;
using Outreach.Bot.Staff.Unanswered;
using Outreach.Bot.Staff.Units;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Outreach.Bot.Staff;

/// <summary>
/// The staff side: sign-in, one application service per capability (the rules, the scoping and every status change), and
/// two thin adapters over them: the JSON API under /staff/api and the console under /staff.
/// </summary>
public static class StaffEndpoints
{
    public static IServiceCollection AddOutreachStaff(this IServiceCollection services)
    {
        services.AddStaffAuthentication();
        services.AddProblemDetails();

        // The application services: the JSON API and the console call these and decide nothing themselves.
        services.AddSingleton<OfferedChannels>();
        services.AddSingleton<PostService>();
        services.AddSingleton<PostInsightsService>();
        services.AddSingleton<BroadcastService>();
        services.AddSingleton<HandoffService>();
        services.AddSingleton<ConversationHistory>();
        services.AddSingleton<ReachService>();
        services.AddSingleton<TargetService>();
        services.AddSingleton<MessagePreviewer>();
        services.AddSingleton<UnitService>();
        services.AddSingleton<JoinAccounts>();
        services.AddSingleton<MemberService>();
        services.AddSingleton<KnowledgeService>();
        services.AddSingleton<UnansweredService>();

        // The queue's "add as a variant" / "create an entry" write knowledge drafts (tests may put a recorder in its place).
        services.TryAddSingleton<IKnowledgeDrafts, KnowledgeDrafts>();
        services.AddSingleton<NoticeService>();
        services.AddOptions<LiveNoticeOptions>().BindConfiguration(LiveNoticeOptions.Section);
        services.AddStaffMail();
        services.AddSingleton<ChannelAccounts.ChannelAccountService>();

        services.AddStaffConsole();
        return services;
    }

    public static IEndpointRouteBuilder MapOutreachStaff(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/staff/api");
        api.MapSessionApi();
        api.MapPostsApi();
        api.MapPostInsightsApi();
        api.MapBroadcastsApi();
        api.MapHandoffsApi();
        api.MapStatsApi();
        api.MapTargetsApi();
        api.MapExportsApi();
        api.MapUnitsApi();
        api.MapMembersApi();
        api.MapKnowledgeApi();
        api.MapUnansweredApi();
        api.MapNoticesApi();
        api.MapChannelAccountsApi();
        endpoints.MapStaffConsole();
        return endpoints;
    }
}
