using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Apis;

/// <summary>
/// /staff/api/session: sign in with a username and password (limited per address and per username), sign out (every
/// session of the account ends), who am I, and changing one's own password (required first when an admin gave a one-time one).
/// </summary>
public static class SessionApi
{
    public static RouteGroupBuilder MapSessionApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/session", SignInAsync).RequireRateLimiting(SignInRateLimiting.Policy);
        api.MapDelete("/session", SignOutAsync);
        var signedIn = api.MapGroup("").RequireStaff();
        signedIn.MapGet("/me", Me).WithMetadata(AllowTemporaryPassword.Instance);
        signedIn.MapPut("/session/password", ChangePasswordAsync).WithMetadata(AllowTemporaryPassword.Instance);
        return api;
    }

    public sealed record SignInRequest(string? Username, string? Password);

    public sealed record PasswordRequest(string? CurrentPassword, string? NewPassword);

    private static async Task<IResult> SignInAsync(
        SignInRequest request, HttpContext context, StaffSignIn signIn, CancellationToken cancellationToken)
    {
        var result = await signIn.SignInAsync(context, request.Username, request.Password, cancellationToken);
        switch (result.Outcome)
        {
            case StaffSignInOutcome.SignedIn:
                return Results.Ok(StaffView.Of(result.User!, result.MustChangePassword));
            case StaffSignInOutcome.Locked:
                context.Response.Headers.RetryAfter = result.RetryAfterSeconds;
                return Results.Problem(result.Problem, statusCode: StatusCodes.Status429TooManyRequests);
            default:
                return Results.Problem(result.Problem, statusCode: StatusCodes.Status401Unauthorized);
        }
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, StaffSignIn signIn, CancellationToken cancellationToken)
    {
        await signIn.SignOutAsync(context, cancellationToken);
        return Results.NoContent();
    }

    private static IResult Me(HttpContext context) =>
        Results.Ok(StaffView.Of(context.Session().User, context.Session().MustChangePassword));

    private static async Task<IResult> ChangePasswordAsync(
        PasswordRequest request, HttpContext context, StaffUserStore users, StaffPasswords passwords, StaffSignIn signIn, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var session = context.Session();
        var problems = await PasswordChange.CheckAsync(session, request.CurrentPassword, request.NewPassword, request.NewPassword, users,
            passwords, cancellationToken);
        if (problems.Count > 0)
        {
            return Results.ValidationProblem(problems, "Chưa đổi được mật khẩu.");
        }

        var hash = passwords.Hash(request.NewPassword!);
        var stamp = await users.ChangeOwnPasswordAsync(session.User.Id, hash, time.GetUtcNow(), cancellationToken);
        await signIn.RenewAsync(context, session.User, stamp);
        return Results.NoContent();
    }
}

/// <summary>A staff member as the API shows her.</summary>
public sealed record StaffView(long Id, string Username, string DisplayName, string Role, long OrgUnitId, bool MustChangePassword = false)
{
    public static StaffView Of(StaffUser user, bool mustChangePassword = false) =>
        new(user.Id, user.Username, user.DisplayName, user.Role, user.OrgUnitId, mustChangePassword);
}
