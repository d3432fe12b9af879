using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Console.SignIn;

/// <summary>/staff/login and /staff/logout: the console's sign-in form, on the same cookie as the staff API.</summary>
public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapConsoleSignIn(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/staff/login", (string? returnUrl) => Page(null, returnUrl, null, StatusCodes.Status200OK));
        endpoints.MapPost("/staff/login", SignInAsync).ValidateAntiforgery();
        // Cast: a handler taking only HttpContext would otherwise be mapped as a RequestDelegate, which runs no endpoint filter.
        endpoints.MapPost(ConsolePaths.SignOut, (Delegate)SignOutAsync).ValidateAntiforgery();
        return endpoints;
    }

    /// <summary>What the sign-in form posts.</summary>
    public sealed class SignInForm
    {
        public string? Username { get; set; }

        public string? Password { get; set; }

        public string? ReturnUrl { get; set; }
    }

    private static async Task<IResult> SignInAsync(
        [FromForm] SignInForm form, HttpContext http, StaffUserStore users, StaffPasswords passwords, CancellationToken ct)
    {
        var found = string.IsNullOrWhiteSpace(form.Username) ? null : await users.FindForSignInAsync(form.Username, ct);

        // One answer for "no such user", "wrong password" and "disabled", as the API gives: usernames are not revealed.
        if (found is not { User.IsActive: true } account || !passwords.Verify(account.PasswordHash, form.Password ?? "", out var rehash))
        {
            return Page(form.Username, form.ReturnUrl, "Tên đăng nhập hoặc mật khẩu không đúng.", StatusCodes.Status401Unauthorized);
        }

        if (rehash)
        {
            await users.UpdatePasswordHashAsync(account.User.Id, passwords.Hash(form.Password!), ct);
        }

        await http.SignInAsync(StaffClaims.Scheme, StaffClaims.ToPrincipal(account.User));
        return Results.Redirect(ConsolePaths.IsLocal(form.ReturnUrl) ? form.ReturnUrl! : ConsolePaths.Home);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http)
    {
        await http.SignOutAsync(StaffClaims.Scheme);
        return Results.Redirect(ConsolePaths.SignIn());
    }

    private static RazorComponentResult<SignInPage> Page(string? username, string? returnUrl, string? problem, int status) =>
        new(new { Username = username, ReturnUrl = ConsolePaths.IsLocal(returnUrl) ? returnUrl : null,
            Problem = problem }) { StatusCode = status };
}
