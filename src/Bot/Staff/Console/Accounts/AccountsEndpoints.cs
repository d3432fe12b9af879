using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Content.OrgUnits;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Console.Accounts;

/// <summary>/staff/accounts: an admin lists the staff of her units and creates accounts for them (never above or beside her
/// unit).</summary>
public static class AccountsEndpoints
{
    private const string AdminsOnly = "Chỉ quản trị viên mới quản lý tài khoản cán bộ.";

    public static RouteGroupBuilder MapConsoleAccounts(this RouteGroupBuilder console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MapGet("/accounts", ShowAsync);
        console.MapPost("/accounts", CreateAsync);
        return console;
    }

    private static async Task<IResult> ShowAsync(string? notice, HttpContext http, StaffUserStore store, OrgUnitStore units,
        CancellationToken ct)
    {
        var session = http.Session();
        return session.User.Role == StaffRoles.Admin
            ? await PageAsync(session, new AccountForm { OrgUnitId = session.Unit.Id, Role = StaffRoles.Editor }, null,
                ConsoleNotices.Text(notice), store, units, ct)
            : Pages.Forbidden(session, AdminsOnly);
    }

    private static async Task<IResult> CreateAsync(
        [FromForm] AccountForm form, HttpContext http, StaffUserStore store, OrgUnitStore units, StaffUserStore staff,
        StaffPasswords passwords,
        CancellationToken ct)
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
                await staff.CreateAsync(form.Username!.Trim(), form.DisplayName!.Trim(), form.OrgUnitId, form.Role!,
                    passwords.Hash(form.Password!), ct);
                return Pages.SeeOther(ConsolePaths.Accounts, ConsoleNotices.StaffCreated);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                problems["username"] = ["Tên đăng nhập này đã có người dùng."];
            }
        }

        form.Password = null;
        return await PageAsync(session, form, problems, null, staff, units, ct);
    }

    private static async Task<IResult> PageAsync(
        StaffSession session, AccountForm form, Dictionary<string, string[]>? problems, string? notice, StaffUserStore store,
        OrgUnitStore units,
        CancellationToken ct)
    {
        var staff = await store.ListInScopeAsync(session.Unit.Id, ct);
        var scope = await units.GetSubtreeAsync(session.Unit.Id, ct);
        return Pages.Render<AccountsPage>(
            new { Session = session, Staff = staff, Units = scope, Form = form, Problems = problems, Notice = notice },
            problems is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}
