using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Apis;

/// <summary>/staff/api/session: sign in with a username and password, sign out, and who am I.</summary>
public static class SessionApi
{
    public static RouteGroupBuilder MapSessionApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/session", SignInAsync);
        api.MapDelete("/session", SignOutAsync);
        api.MapGroup("/me").RequireStaff().MapGet("", Me);
        return api;
    }

    public sealed record SignInRequest(string? Username, string? Password);

    private static async Task<IResult> SignInAsync(
        SignInRequest request, HttpContext context, StaffUserStore users, StaffPasswords passwords, CancellationToken cancellationToken)
    {
        var found = string.IsNullOrWhiteSpace(request.Username) ? null : await users.FindForSignInAsync(request.Username, cancellationToken);

        // One answer for "no such user", "wrong password" and "disabled", so the API does not reveal which usernames exist.
        if (found is not { User.IsActive: true } account || !passwords.Verify(account.PasswordHash, request.Password ?? "", out var rehash))
        {
            return Results.Problem("Tên đăng nhập hoặc mật khẩu không đúng.", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (rehash)
        {
            await users.UpdatePasswordHashAsync(account.User.Id, passwords.Hash(request.Password!), cancellationToken);
        }

        await context.SignInAsync(StaffClaims.Scheme, StaffClaims.ToPrincipal(account.User));
        return Results.Ok(StaffView.Of(account.User));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await context.SignOutAsync(StaffClaims.Scheme);
        return Results.NoContent();
    }

    private static IResult Me(HttpContext context) => Results.Ok(StaffView.Of(context.Session().User));
}

/// <summary>A staff member as the API shows her.</summary>
public sealed record StaffView(long Id, string Username, string DisplayName, string Role, long OrgUnitId)
{
    public static StaffView Of(StaffUser user) => new(user.Id, user.Username, user.DisplayName, user.Role, user.OrgUnitId);
}
