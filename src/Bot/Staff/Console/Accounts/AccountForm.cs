using System.Text.RegularExpressions;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Console.Accounts;

/// <summary>What an admin posts to create a staff account, and the checks that need no database.</summary>
public sealed partial class AccountForm
{
    public string? Username { get; set; }

    public string? DisplayName { get; set; }

    public long OrgUnitId { get; set; }

    public string? Role { get; set; }

    public string? Password { get; set; }

    /// <summary>Each problem by field, in Vietnamese (the database's own checks, said before it refuses).</summary>
    public Dictionary<string, string[]> Check()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Username is null || !UsernamePattern().IsMatch(Username.Trim().ToLowerInvariant()))
        {
            errors["username"] = ["Tên đăng nhập dài 3–64 ký tự, chỉ gồm chữ không dấu, số, dấu chấm, gạch dưới hoặc gạch ngang."];
        }

        if (string.IsNullOrWhiteSpace(DisplayName) || DisplayName.Trim().Length > 100)
        {
            errors["displayName"] = ["Họ tên là bắt buộc, tối đa 100 ký tự."];
        }

        if (Role is null || !StaffRoles.All.Contains(Role))
        {
            errors["role"] = ["Chọn một vai trò."];
        }

        if (StaffPasswords.Weakness(Password) is { } weakness)
        {
            errors["password"] = [weakness];
        }

        return errors;
    }

    [GeneratedRegex("^[a-z0-9._-]{3,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernamePattern();
}
