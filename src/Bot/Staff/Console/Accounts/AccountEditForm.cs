using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Console.Accounts;

/// <summary>What an admin posts to change a staff account's name, unit and role, and the checks that need no database.</summary>
public sealed class AccountEditForm
{
    public string? DisplayName { get; set; }

    public long OrgUnitId { get; set; }

    public string? Role { get; set; }

    public static AccountEditForm Of(StaffAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new AccountEditForm { DisplayName = account.DisplayName, OrgUnitId = account.OrgUnitId, Role = account.Role };
    }

    /// <summary>Each problem by field, in Vietnamese. <paramref name="isSelf"/>: an admin keeps her own role and unit.</summary>
    public Dictionary<string, string[]> Check(StaffAccount account, bool isSelf)
    {
        ArgumentNullException.ThrowIfNull(account);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(DisplayName) || DisplayName.Trim().Length > 100)
        {
            errors["displayName"] = ["Họ tên là bắt buộc, tối đa 100 ký tự."];
        }

        if (Role is null || !StaffRoles.All.Contains(Role))
        {
            errors["role"] = ["Chọn một vai trò."];
        }
        else if (isSelf && Role != account.Role)
        {
            errors["role"] = ["Bạn không thể tự đổi vai trò của mình; nhờ quản trị viên cấp trên."];
        }

        if (isSelf && OrgUnitId != account.OrgUnitId)
        {
            errors["orgUnitId"] = ["Bạn không thể tự chuyển đơn vị của mình; nhờ quản trị viên cấp trên."];
        }

        return errors;
    }
}
