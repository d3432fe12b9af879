using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Content.OrgUnits;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Console.Accounts;

/// <summary>
/// /staff/accounts/{id}: an admin edits an account of her units (name, unit, role), locks or unlocks it, or gives it a
/// one-time password, which she sees once and hands over. Every change is audited and listed on the page; locking, a reset
/// and a new role or unit end the account's sessions. An account outside her units is a 404, as a wrong id is.
/// </summary>
public static class AccountEndpoints
{
    private const int HistoryLength = 20;

    public static RouteGroupBuilder MapConsoleAccount(this RouteGroupBuilder console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MapGet("/accounts/{id:long}", ShowAsync);
        console.MapPost("/accounts/{id:long}", EditAsync);
        console.MapPost("/accounts/{id:long}/lock", (long id, HttpContext http, [AsParameters] AccountServices services,
            CancellationToken ct) => SetActiveAsync(id, false, http, services, ct));
        console.MapPost("/accounts/{id:long}/unlock", (long id, HttpContext http, [AsParameters] AccountServices services,
            CancellationToken ct) => SetActiveAsync(id, true, http, services, ct));
        console.MapPost("/accounts/{id:long}/reset-password", ResetPasswordAsync);
        return console;
    }

    private static async Task<IResult> ShowAsync(
        long id, string? notice, HttpContext http, [AsParameters] AccountServices services, CancellationToken ct)
    {
        var session = http.Session();
        if (session.User.Role != StaffRoles.Admin)
        {
            return Pages.Forbidden(session, AccountsEndpoints.AdminsOnly);
        }

        return await services.Accounts.FindAsync(session.Unit.Id, id, ct) is { } account
            ? await PageAsync(session, account, AccountEditForm.Of(account), null, ConsoleNotices.Text(notice), null, services, ct)
            : Pages.NotFound(session);
    }

    private static async Task<IResult> EditAsync(
        long id, [FromForm] AccountEditForm form, HttpContext http, [AsParameters] AccountServices services, CancellationToken ct)
    {
        var session = http.Session();
        if (session.User.Role != StaffRoles.Admin)
        {
            return Pages.Forbidden(session, AccountsEndpoints.AdminsOnly);
        }

        if (await services.Accounts.FindAsync(session.Unit.Id, id, ct) is not { } account)
        {
            return Pages.NotFound(session);
        }

        var problems = form.Check(account, account.Id == session.User.Id);
        if (problems.Count == 0)
        {
            var edit = new StaffAccountEdit(form.DisplayName!.Trim(), form.OrgUnitId, form.Role!);
            if (await services.Accounts.EditAsync(session.Unit.Id, session.User.Id, id, edit, services.Time.GetUtcNow(), ct))
            {
                return Pages.SeeOther(ConsolePaths.Account(id), ConsoleNotices.StaffSaved);
            }

            problems["orgUnitId"] = ["Đơn vị không tồn tại hoặc ngoài phạm vi của bạn."];
        }

        return await PageAsync(session, account, form, problems, null, null, services, ct);
    }

    private static async Task<IResult> SetActiveAsync(
        long id, bool active, HttpContext http, AccountServices services, CancellationToken ct)
    {
        var session = http.Session();
        if (session.User.Role != StaffRoles.Admin)
        {
            return Pages.Forbidden(session, AccountsEndpoints.AdminsOnly);
        }

        if (id == session.User.Id)
        {
            return Pages.Forbidden(session, "Bạn không thể tự khóa hay mở khóa tài khoản của mình.");
        }

        return await services.Accounts.SetActiveAsync(session.Unit.Id, session.User.Id, id, active, services.Time.GetUtcNow(), ct)
            ? Pages.SeeOther(ConsolePaths.Account(id), active ? ConsoleNotices.StaffUnlocked : ConsoleNotices.StaffLocked)
            : Pages.NotFound(session);
    }

    private static async Task<IResult> ResetPasswordAsync(
        long id, HttpContext http, [AsParameters] AccountServices services, CancellationToken ct)
    {
        var session = http.Session();
        if (session.User.Role != StaffRoles.Admin)
        {
            return Pages.Forbidden(session, AccountsEndpoints.AdminsOnly);
        }

        if (id == session.User.Id)
        {
            return Pages.Forbidden(session, "Muốn đổi mật khẩu của mình, hãy dùng trang Đổi mật khẩu.");
        }

        var oneTime = StaffPasswords.OneTimePassword();
        if (await services.Accounts.FindAsync(session.Unit.Id, id, ct) is not { } account
            || !await services.Accounts.ResetPasswordAsync(session.Unit.Id, session.User.Id, id, services.Passwords.Hash(oneTime),
                services.Time.GetUtcNow(), ct))
        {
            return Pages.NotFound(session);
        }

        // Shown once, in this answer only: never in an address, a redirect or a log. (The page carries antiforgery tokens, so
        // it is sent no-store.)
        var fresh = await services.Accounts.FindAsync(session.Unit.Id, id, ct) ?? account;
        return await PageAsync(session, fresh, AccountEditForm.Of(fresh), null, ConsoleNotices.Text(ConsoleNotices.StaffPasswordReset),
            oneTime, services, ct);
    }

    private static async Task<IResult> PageAsync(
        StaffSession session, StaffAccount account, AccountEditForm form, Dictionary<string, string[]>? problems, string? notice,
        string? oneTimePassword, AccountServices services, CancellationToken ct)
    {
        var units = await services.Units.GetSubtreeAsync(session.Unit.Id, ct);
        var history = await services.Accounts.HistoryAsync(account.Id, HistoryLength, ct);
        return Pages.Render<AccountPage>(
            new
            {
                Session = session, Account = account, Form = form, Units = units, History = history, Problems = problems, Notice = notice,
                OneTimePassword = oneTimePassword, Now = services.Time.GetUtcNow(),
            },
            problems is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}

/// <summary>What the account page's handlers need, bound in one parameter.</summary>
public sealed record AccountServices(StaffAccountStore Accounts, OrgUnitStore Units, StaffPasswords Passwords, TimeProvider Time);
