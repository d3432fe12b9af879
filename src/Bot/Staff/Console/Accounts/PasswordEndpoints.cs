using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Console.Accounts;

/// <summary>/staff/password: every staff member changes her own password (the first one came from an admin or the configuration).</summary>
public static class PasswordEndpoints
{
    public static RouteGroupBuilder MapConsolePassword(this RouteGroupBuilder console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MapGet("/password", (string? notice, HttpContext http) => Page(http.Session(), null, ConsoleNotices.Text(notice)));
        console.MapPost("/password", ChangeAsync);
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
        [FromForm] PasswordForm form, HttpContext http, StaffUserStore users, StaffPasswords passwords, CancellationToken ct)
    {
        var session = http.Session();
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var account = await users.FindForSignInAsync(session.User.Username, ct);
        if (account is null || !passwords.Verify(account.Value.PasswordHash, form.Current ?? "", out _))
        {
            problems["current"] = ["Mật khẩu hiện tại không đúng."];
        }

        if (StaffPasswords.Weakness(form.New) is { } weakness)
        {
            problems["new"] = [weakness];
        }
        else if (form.New != form.Repeat)
        {
            problems["repeat"] = ["Hai lần nhập mật khẩu mới không giống nhau."];
        }

        if (problems.Count > 0)
        {
            return Page(session, problems, null);
        }

        await users.UpdatePasswordHashAsync(session.User.Id, passwords.Hash(form.New!), ct);
        return Pages.SeeOther("/staff/password", ConsoleNotices.PasswordChanged);
    }

    private static RazorComponentResult<PasswordPage> Page(StaffSession session, Dictionary<string, string[]>? problems, string? notice) =>
        Pages.Render<PasswordPage>(
            new { Session = session, Problems = problems, Notice = notice },
            problems is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
}
