using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Outreach.Content.OrgUnits;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Auth;

/// <summary>Cookie sign-in for staff (console and API alike) and the filter that puts the current <see cref="StaffSession"/> on a request.</summary>
public static class StaffAuthentication
{
    private const string SessionKey = "outreach:staff-session";

    public static IServiceCollection AddStaffAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<StaffPasswords>();
        services.AddAuthentication(StaffClaims.Scheme).AddCookie(StaffClaims.Scheme, options =>
        {
            options.Cookie.Name = "outreach_staff";
            options.Cookie.HttpOnly = true;

            // Strict: the cookie never rides on a request started by another site, which is what protects the JSON API from CSRF.
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = "/staff/login";
            options.Events.OnRedirectToLogin = context => Deny(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Deny(context, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorization();
        return services;
    }

    /// <summary>Requires a signed-in, active staff member; the handlers then bind <see cref="StaffSession"/>.</summary>
    public static RouteGroupBuilder RequireStaff(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var session = await StaffSession.LoadAsync(
                http, http.RequestServices.GetRequiredService<StaffUserStore>(), http.RequestServices.GetRequiredService<OrgUnitStore>(), http.RequestAborted);
            if (session is null)
            {
                return Results.Problem("Bạn cần đăng nhập.", statusCode: StatusCodes.Status401Unauthorized);
            }

            http.Items[SessionKey] = session;
            return await next(context);
        });
    }

    internal static StaffSession Session(this HttpContext context) =>
        context.Items[SessionKey] as StaffSession ?? throw new InvalidOperationException("RequireStaff did not run for this endpoint.");

    private static Task Deny(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/staff/api", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
