using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
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
        services.AddSingleton<StaffSignIn>();
        services.AddOptions<StaffSessionOptions>().BindConfiguration(StaffSessionOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSignInRateLimiting();
        services.AddAuthentication(StaffClaims.Scheme).AddCookie(StaffClaims.Scheme, options =>
        {
            options.Cookie.Name = "outreach_staff";
            options.Cookie.HttpOnly = true;

            // Strict: the cookie never rides on a request started by another site. Pages on other origins of the same site
            // still could start one: the JSON API refuses those (StaffApiRequestGuard), the console's forms need a token.
            options.Cookie.SameSite = SameSiteMode.Strict;

            // Secure whenever the request is HTTPS, including behind a TLS proxy (Outreach:ForwardedHeaders makes the scheme true).
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.LoginPath = "/staff/login";
            options.Events.OnValidatePrincipal = StaffCookieValidation.ValidateAsync;
            options.Events.OnRedirectToLogin = context => Deny(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Deny(context, StatusCodes.Status403Forbidden);
        });
        services.AddOptions<CookieAuthenticationOptions>(StaffClaims.Scheme)
            .Configure<IOptions<StaffSessionOptions>>(
                (cookie, session) => cookie.ExpireTimeSpan = TimeSpan.FromMinutes(session.Value.IdleMinutes));
        services.AddAuthorization();
        return services;
    }

    /// <summary>
    /// Requires a signed-in, active staff member; the handlers then bind <see cref="StaffSession"/>. While her password is a
    /// one-time one, only endpoints marked <see cref="AllowTemporaryPassword"/> answer her.
    /// </summary>
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

            if (session.MustChangePassword && !AllowTemporaryPassword.On(http))
            {
                return Results.Problem(AllowTemporaryPassword.Problem, statusCode: StatusCodes.Status403Forbidden);
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
