using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Auth;

/// <summary>
/// Checks the staff cookie on every request that carries one, before anything reads it: the account still exists and is
/// active, its security stamp is the one the cookie was issued with (signing out, a new password, a reset, a lock or a new
/// role or unit replace it), and the sign-in is younger than <see cref="StaffSessionOptions.AbsoluteHours"/>. Otherwise the
/// cookie is rejected and removed. The account read is kept for the request (<see cref="StaffSession.LoadAsync"/> uses it).
/// </summary>
public static class StaffCookieValidation
{
    private const string StateKey = "outreach:staff-session-state";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var principal = context.Principal;
        var options = http.RequestServices.GetRequiredService<IOptions<StaffSessionOptions>>().Value;
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var state = principal is not null && StaffClaims.StaffId(principal) is { } id
            ? await http.RequestServices.GetRequiredService<StaffUserStore>().FindSessionAsync(id, http.RequestAborted)
            : null;
        if (state is not { User.IsActive: true }
            || StaffClaims.Stamp(principal!) != state.SecurityStamp
            || StaffClaims.SignedIn(principal!) is not { } signedIn
            || now - signedIn > TimeSpan.FromHours(options.AbsoluteHours))
        {
            context.RejectPrincipal();
            await http.SignOutAsync(StaffClaims.Scheme);
            return;
        }

        http.Items[StateKey] = state;
    }

    /// <summary>The account the cookie check read for this request, or null.</summary>
    internal static StaffSessionState? Validated(HttpContext context) => context.Items[StateKey] as StaffSessionState;
}
