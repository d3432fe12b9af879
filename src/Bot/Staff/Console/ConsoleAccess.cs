using Microsoft.AspNetCore.Http;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.OrgUnits;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Console;

/// <summary>The console's gate: every page but sign-in needs a signed-in, active staff member; anyone else goes to the sign-in
/// page.</summary>
public static class ConsoleAccess
{
    private const string SessionKey = "outreach:console-session";

    /// <summary>Loads the <see cref="StaffSession"/> (see <see cref="Session"/>) or redirects to /staff/login, coming back here
    /// after.</summary>
    public static RouteGroupBuilder RequireConsoleStaff(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var session = await StaffSession.LoadAsync(
                http, http.RequestServices.GetRequiredService<StaffUserStore>(), http.RequestServices.GetRequiredService<OrgUnitStore>(),
                http.RequestAborted);
            if (session is null)
            {
                // A form posted after the cookie expired comes back to the page it was on, not to the POST address.
                var back = HttpMethods.IsGet(http.Request.Method) ? http.Request.Path + http.Request.QueryString : http.Request.Path.Value;
                return Results.Redirect(ConsolePaths.SignIn(back));
            }

            // A one-time password (an admin created or reset the account) is good for choosing her own, and nothing else.
            if (session.MustChangePassword && !AllowTemporaryPassword.On(http))
            {
                return Results.Redirect(ConsolePaths.Password);
            }

            http.Items[SessionKey] = session;
            return await next(context);
        });
    }

    /// <summary>The signed-in staff member of a console request.</summary>
    public static StaffSession Session(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[SessionKey] as StaffSession
            ?? throw new InvalidOperationException("RequireConsoleStaff did not run for this endpoint.");
    }
}
