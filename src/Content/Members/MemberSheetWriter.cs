using MiniExcelLibs;
using Outreach.Content.Channels;
using Outreach.Content.Targets;

namespace Outreach.Content.Members;

/// <summary>
/// Writes the members page's list as .xlsx (MiniExcel, one sheet <c>hoi-vien</c>): name as the platform gives it, channel,
/// unit, status, joined, last interaction (dd/MM/yyyy HH:mm, Vietnamese time), whether her window is open, topics. Never
/// her platform id. Every cell is a typed value (text stays text: a name that starts with '=' is never a formula).
/// </summary>
public static class MemberSheetWriter
{
    public const string SheetName = "hoi-vien";

    public static async Task WriteAsync(Stream output, IEnumerable<MemberRow> members, ChannelCatalog channels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(channels);
        var rows = members.Select(m => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["Mã hội viên"] = m.ContactId,
            ["Tên (trên nền tảng)"] = m.DisplayName ?? "",
            ["Kênh"] = channels.DisplayName(m.Channel),
            ["Đơn vị"] = m.OrgUnitName ?? "(chưa chọn đơn vị)",
            ["Tình trạng"] = StatusText(m.Status),
            ["Tham gia"] = VietnameseFormat.DateTime(m.JoinedAt),
            ["Tương tác gần nhất"] = m.LastInteractionAt is { } at ? VietnameseFormat.DateTime(at) : "",
            ["Đang nhắn được"] = m.IsWindowOpen ? "có" : "không",
            ["Chủ đề"] = string.Join(", ", m.Topics),
        });
        await output.SaveAsAsync(new Dictionary<string, object> { [SheetName] = rows.ToList() }, excelType: ExcelType.XLSX,
            cancellationToken: cancellationToken);
    }

    /// <summary>A member's status in Vietnamese.</summary>
    public static string StatusText(string status) => status switch
    {
        Contacts.ContactStatuses.Active => "đang theo dõi",
        Contacts.ContactStatuses.Unfollowed => "đã bỏ theo dõi",
        Contacts.ContactStatuses.Blocked => "đã chặn",
        Contacts.ContactStatuses.Erased => "đã xóa dữ liệu",
        _ => status,
    };
}
