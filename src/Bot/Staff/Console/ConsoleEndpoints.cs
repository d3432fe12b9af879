using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Outreach.Bot.Staff.Console.Accounts;
using Outreach.Bot.Staff.Console.Approvals;
using Outreach.Bot.Staff.Console.Assets;
using Outreach.Bot.Staff.Console.Broadcasts;
using Outreach.Bot.Staff.Console.ChannelAccounts;
using Outreach.Bot.Staff.Console.Handoffs;
using Outreach.Bot.Staff.Console.Home;
using Outreach.Bot.Staff.Console.Knowledge;
using Outreach.Bot.Staff.Console.Members;
using Outreach.Bot.Staff.Console.Units;
using Outreach.Bot.Staff.Console.Posts;
using Outreach.Bot.Staff.Console.Reach;
using Outreach.Bot.Staff.Console.Schedule;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Bot.Staff.Console.Notices;
using Outreach.Bot.Staff.Console.SignIn;
using Outreach.Bot.Staff.Console.Unanswered;

namespace Outreach.Bot.Staff.Console;

/// <summary>
/// The staff console under /staff: server-rendered pages (Razor components rendered statically by minimal-API handlers),
/// in Vietnamese, on the staff API's cookie, rules and services. Every page but sign-in is scoped to the staff member's unit.
/// </summary>
public static class ConsoleEndpoints
{
    /// <summary>Registers the console's services and the first admin's creation (see <see cref="BootstrapAdminOptions"/>).</summary>
    public static IServiceCollection AddStaffConsole(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRazorComponents();

        // Vietnamese as characters, not as &#x...; entities: a third of the bytes, and readable in the page's source.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "outreach_af";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddOptions<BootstrapAdminOptions>()
            .BindConfiguration(BootstrapAdminOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHostedService<BootstrapAdmin>();
        return services;
    }

    /// <summary>Maps sign-in, the pages under /staff and their assets.</summary>
    public static IEndpointRouteBuilder MapStaffConsole(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapConsoleAssets();
        endpoints.MapConsoleSignIn();
        var console = endpoints.MapGroup(ConsolePaths.Home).RequireConsoleStaff().ValidateAntiforgery();
        console.MapConsoleHome();
        console.MapConsolePosts();
        console.MapConsoleApprovals();
        console.MapConsoleCalendar();
        console.MapConsoleBroadcasts();
        console.MapConsoleAccounts();
        console.MapConsolePassword();
        console.MapConsoleReach();
        console.MapConsoleHandoffs();
        console.MapConsoleUnits();
        console.MapConsoleMembers();
        console.MapConsoleKnowledge();
        console.MapConsoleUnanswered();
        console.MapConsoleNotices();
        console.MapConsoleChannelAccounts();
        return endpoints;
    }
}
