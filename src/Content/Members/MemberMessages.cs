namespace Outreach.Content.Members;

/// <summary>The Vietnamese errors of actions on members.</summary>
public static class MemberMessages
{
    public const string Erased = "Dữ liệu của hội viên này đã được xóa theo yêu cầu.";

    public static string UnitInactive(string name) => $"Đơn vị '{name}' đã ngừng hoạt động, không nhận thêm hội viên.";
}
