using System.Text.Json;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Content.Staff;
using Outreach.Content.Targets;

namespace Outreach.Bot.Staff.Console.Accounts;

/// <summary>The accounts pages' Vietnamese words: an account's state and its audit trail.</summary>
public static class AccountText
{
    public static string State(StaffAccount account, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!account.IsActive)
        {
            return "Đã khóa";
        }

        if (account.LockedUntil is { } until && until > now)
        {
            return $"Tạm khóa do nhập sai mật khẩu (đến {VietnameseFormat.DateTime(until)})";
        }

        return account.MustChangePassword ? "Chờ đổi mật khẩu tạm" : "Đang hoạt động";
    }

    public static string Action(string action) => action switch
    {
        "created" => "Tạo tài khoản",
        "edited" => "Sửa thông tin",
        "locked" => "Khóa tài khoản",
        "unlocked" => "Mở khóa tài khoản",
        "password_reset" => "Cấp mật khẩu tạm",
        "password_changed" => "Tự đổi mật khẩu",
        _ => action,
    };

    /// <summary>What an edit changed, e.g. "vai trò: Biên tập viên → Người duyệt"; units by name.</summary>
    public static string Changes(StaffAccountEvent entry, IReadOnlyDictionary<long, string> unitNames)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(unitNames);
        using var detail = JsonDocument.Parse(entry.Detail);
        var parts = new List<string>();
        foreach (var field in detail.RootElement.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.Array))
        {
            var (before, after) = (field.Value[0], field.Value[1]);
            parts.Add(field.Name switch
            {
                "role" => $"vai trò: {ConsoleText.Role(before.GetString() ?? "")} → {ConsoleText.Role(after.GetString() ?? "")}",
                "org_unit_id" => $"đơn vị: {Unit(before, unitNames)} → {Unit(after, unitNames)}",
                "display_name" => $"họ tên: {before.GetString()} → {after.GetString()}",
                _ => field.Name,
            });
        }

        return string.Join("; ", parts);
    }

    private static string Unit(JsonElement id, IReadOnlyDictionary<long, string> unitNames) =>
        id.TryGetInt64(out var value) && unitNames.TryGetValue(value, out var name) ? name : "đơn vị #" + id.GetRawText();
}
