using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.OrgUnits;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Console.JobsDashboard;

/// <summary>
/// Hangfire's dashboard at /hangfire, behind the staff sign-in. It shows and retries every unit's jobs, so it is for the
/// admins of a top-level unit only (the province's); anyone not signed in is sent to the sign-in page, other staff get 403.
/// </summary>
public static class HangfireDashboardAccess
{
    /// <summary>True when this staff member may open the dashboard (not with a one-time password: she must choose hers first).</summary>
    public static bool IsAllowed(StaffSession session) =>
        session is { User: { IsActive: true, Role: StaffRoles.Admin }, Unit.ParentId: null, MustChangePassword: false };

    /// <summary>Maps the dashboard at <see cref="ConsolePaths.HangfireDashboard"/>, after the authentication middleware.</summary>
    public static WebApplication UseStaffHangfireDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(ConsolePaths.HangfireDashboard, StringComparison.Ordinal),
            branch => branch.Use(async (context, next) =>
            {
                // The dashboard itself answers 401 to a stranger; a person is better served by the sign-in page.
                if (StaffClaims.StaffId(context.User) is null)
                {
                    context.Response.Redirect(ConsolePaths.SignIn(ConsolePaths.Home));
                    return;
                }

                await next(context);
            }));
        app.UseHangfireDashboard(ConsolePaths.HangfireDashboard, new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new StaffFilter()],
            AppPath = ConsolePaths.Home,
            DashboardTitle = "Tác vụ nền · Outreach",
        });
        return app;
    }

    private sealed class StaffFilter : IDashboardAsyncAuthorizationFilter
    {
        public async Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var http = context.GetHttpContext();
            var session = await StaffSession.LoadAsync(
                http, http.RequestServices.GetRequiredService<StaffUserStore>(), http.RequestServices.GetRequiredService<OrgUnitStore>(),
                http.RequestAborted);
            return session is not null && IsAllowed(session);
        }
    }
}
