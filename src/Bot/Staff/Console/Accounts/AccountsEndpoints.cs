using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Content.OrgUnits;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Console.Accounts;

/// <summary>
/// /staff/accounts: an admin lists the staff of her units and creates accounts for them (never above or beside her unit); a
/// new account signs in with a one-time password and must choose its own. <see cref="AccountEndpoints"/> edits one account.
/// </summary>
public static class AccountsEndpoints
{
    internal const string AdminsOnly = "Chỉ quản trị viên mới quản lý tài khoản cán bộ.";

    public static RouteGroupBuilder MapConsoleAccounts(this RouteGroupBuilder console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MapGet("/accounts", ShowAsync);
        console.MapPost("/accounts", CreateAsync);
        console.MapConsoleAccount();
        return console;
    }

    private static async Task<IResult> ShowAsync(string? notice, HttpContext http, StaffAccountStore accounts, OrgUnitStore units,
        TimeProvider time, CancellationToken ct)
    {
        var session = http.Session();
        return session.User.Role == StaffRoles.Admin
            ? await PageAsync(session, new AccountForm { OrgUnitId = session.Unit.Id, Role = StaffRoles.Editor }, null,
                ConsoleNotices.Text(notice), accounts, units, time, ct)
            : Pages.Forbidden(session, AdminsOnly);
    }

    private static async Task<IResult> CreateAsync(
        [FromForm] AccountForm form, HttpContext http, StaffAccountStore accounts, OrgUnitStore units, StaffUserStore staff,
        StaffPasswords passwords, TimeProvider time, CancellationToken ct)
    {
        var session = http.Session();
        if (session.User.Role != StaffRoles.Admin)
        {
            return Pages.Forbidden(session, AdminsOnly);
        }

        var problems = form.Check();
        if (await units.FindAsync(form.OrgUnitId, ct) is not { } unit || !session.Sees(unit))
        {
            problems["orgUnitId"] = ["Đơn vị không tồn tại hoặc ngoài phạm vi của bạn."];
        }

        if (problems.Count == 0)
        {
            try
            {
                var created = await staff.CreateAsync(form.Username!.Trim(), form.DisplayName!.Trim(), form.OrgUnitId, form.Role!,
                    passwords.Hash(form.Password!), new StaffCreation(session.User.Id, MustChangePassword: true, time.GetUtcNow()), ct);
                return Pages.SeeOther(ConsolePaths.Account(created.Id), ConsoleNotices.StaffCreated);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                problems["username"] = ["Tên đăng nhập này đã có người dùng."];
            }
        }

        form.Password = null;
        return await PageAsync(session, form, problems, null, accounts, units, time, ct);
    }

    private static async Task<IResult> PageAsync(
        StaffSession session, AccountForm form, Dictionary<string, string[]>? problems, string? notice, StaffAccountStore accounts,
        OrgUnitStore units, TimeProvider time, CancellationToken ct)
    {
        var staff = await accounts.ListAsync(session.Unit.Id, ct);
        var scope = await units.GetSubtreeAsync(session.Unit.Id, ct);
        return Pages.Render<AccountsPage>(
            new
            {
                Session = session, Staff = staff, Units = scope, Form = form, Problems = problems, Notice = notice, Now = time.GetUtcNow(),
            },
            problems is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}
