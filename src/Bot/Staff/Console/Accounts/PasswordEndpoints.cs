using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Console.Accounts;

/// <summary>
/// /staff/password: every staff member changes her own password. With a one-time password (an admin created or reset her
/// account) this is the only page she reaches until she has chosen her own. A change ends her other sessions.
/// </summary>
public static class PasswordEndpoints
{
    public static RouteGroupBuilder MapConsolePassword(this RouteGroupBuilder console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MapGet("/password", (string? notice, HttpContext http) => Page(http.Session(), null, ConsoleNotices.Text(notice)))
            .WithMetadata(AllowTemporaryPassword.Instance);
        console.MapPost("/password", ChangeAsync).WithMetadata(AllowTemporaryPassword.Instance);
        return console;
    }

    /// <summary>What the form posts.</summary>
    public sealed class PasswordForm
    {
        public string? Current { get; set; }

        public string? New { get; set; }

        public string? Repeat { get; set; }
    }

    private static async Task<IResult> ChangeAsync(
        [FromForm] PasswordForm form, HttpContext http, StaffUserStore users, StaffPasswords passwords, StaffSignIn signIn,
        TimeProvider time, CancellationToken ct)
    {
        var session = http.Session();
        var problems = await PasswordChange.CheckAsync(session, form.Current, form.New, form.Repeat, users, passwords, ct);
        if (problems.Count > 0)
        {
            return Page(session, problems, null);
        }

        var stamp = await users.ChangeOwnPasswordAsync(session.User.Id, passwords.Hash(form.New!), time.GetUtcNow(), ct);
        await signIn.RenewAsync(http, session.User, stamp);
        return session.MustChangePassword
            ? Pages.SeeOther(ConsolePaths.Home, ConsoleNotices.PasswordChanged)
            : Pages.SeeOther(ConsolePaths.Password, ConsoleNotices.PasswordChanged);
    }

    private static RazorComponentResult<PasswordPage> Page(StaffSession session, Dictionary<string, string[]>? problems, string? notice) =>
        Pages.Render<PasswordPage>(
            new { Session = session, Problems = problems, Notice = notice },
            problems is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
}
