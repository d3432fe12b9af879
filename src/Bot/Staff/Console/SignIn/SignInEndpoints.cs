using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Outreach.Bot.Staff.Auth;

namespace Outreach.Bot.Staff.Console.SignIn;

/// <summary>
/// /staff/login and /staff/logout: the console's sign-in form, on the same cookie and the same limits as the staff API. A
/// one-time password leads to the password page first; signing out ends every session of the account.
/// </summary>
public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapConsoleSignIn(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/staff/login", (string? returnUrl) => Page(null, returnUrl, null, StatusCodes.Status200OK));
        endpoints.MapPost("/staff/login", SignInAsync).ValidateAntiforgery().RequireRateLimiting(SignInRateLimiting.Policy);
        endpoints.MapPost(ConsolePaths.SignOut, SignOutAsync).ValidateAntiforgery();
        return endpoints;
    }

    /// <summary>What the sign-in form posts.</summary>
    public sealed class SignInForm
    {
        public string? Username { get; set; }

        public string? Password { get; set; }

        public string? ReturnUrl { get; set; }
    }

    /// <summary>The sign-in page again, saying why the attempt was refused.</summary>
    internal static RazorComponentResult<SignInPage> Refused(
        string problem, int status, string? username = null, string? returnUrl = null) =>
        Page(username, returnUrl, problem, status);

    private static async Task<IResult> SignInAsync([FromForm] SignInForm form, HttpContext http, StaffSignIn signIn, CancellationToken ct)
    {
        // An empty field is no attempt: said per field, and it counts against no one's failures.
        if (Missing(form) is { Count: > 0 } missing)
        {
            return new RazorComponentResult<SignInPage>(new
            {
                Username = form.Username,
                ReturnUrl = ConsolePaths.IsLocal(form.ReturnUrl) ? form.ReturnUrl : null,
                Problems = missing,
            }) { StatusCode = StatusCodes.Status400BadRequest };
        }

        var result = await signIn.SignInAsync(http, form.Username, form.Password, ct);
        switch (result.Outcome)
        {
            case StaffSignInOutcome.SignedIn when result.MustChangePassword:
                return Results.Redirect(ConsolePaths.Password);
            case StaffSignInOutcome.SignedIn:
                return Results.Redirect(ConsolePaths.IsLocal(form.ReturnUrl) ? form.ReturnUrl! : ConsolePaths.Home);
            case StaffSignInOutcome.Locked:
                http.Response.Headers.RetryAfter = result.RetryAfterSeconds;
                return Refused(result.Problem, StatusCodes.Status429TooManyRequests, form.Username, form.ReturnUrl);
            default:
                return Refused(result.Problem, StatusCodes.Status401Unauthorized, form.Username, form.ReturnUrl);
        }
    }

    private static Dictionary<string, string[]> Missing(SignInForm form)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(form.Username))
        {
            problems["username"] = ["Nhập tên đăng nhập."];
        }

        if (string.IsNullOrEmpty(form.Password))
        {
            problems["password"] = ["Nhập mật khẩu."];
        }

        return problems;
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, StaffSignIn signIn, CancellationToken ct)
    {
        await signIn.SignOutAsync(http, ct);
        return Results.Redirect(ConsolePaths.SignIn());
    }

    private static RazorComponentResult<SignInPage> Page(string? username, string? returnUrl, string? problem, int status) =>
        new(new { Username = username, ReturnUrl = ConsolePaths.IsLocal(returnUrl) ? returnUrl : null,
            Problem = problem }) { StatusCode = status };
}
