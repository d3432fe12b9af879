using Outreach.Content.Broadcasts;
using Outreach.Content.Channels;
using Outreach.Content.Posts;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Console.Layout;

/// <summary>The Vietnamese names staff read for the codes the store keeps (statuses, roles, reasons; channels name themselves: ChannelCatalog).</summary>
public static class ConsoleText
{
    /// <summary>A member as staff see her: the name her platform gives (looked up after her first message), else her number.</summary>
    public static string Member(long contactId, string? displayName) =>
        string.IsNullOrWhiteSpace(displayName) ? $"Hội viên #{contactId}" : displayName;

    public static string PostStatus(string status) => status switch
    {
        PostStatuses.Draft => "Nháp",
        PostStatuses.Submitted => "Chờ duyệt",
        PostStatuses.Approved => "Đã duyệt",
        PostStatuses.Scheduled => "Đã lên lịch",
        PostStatuses.Sending => "Đang gửi",
        PostStatuses.Sent => "Đã gửi",
        PostStatuses.Partial => "Gửi một phần",
        PostStatuses.Cancelled => "Đã hủy",
        PostStatuses.Failed => "Gửi lỗi",
        _ => status,
    };

    public static string BroadcastStatus(string status) => status switch
    {
        BroadcastStatuses.Planned => "Đang lập danh sách",
        BroadcastStatuses.Sending => "Đang gửi",
        BroadcastStatuses.Paused => "Tạm dừng",
        BroadcastStatuses.Completed => "Hoàn tất",
        BroadcastStatuses.Partial => "Gửi một phần",
        BroadcastStatuses.Cancelled => "Đã hủy",
        BroadcastStatuses.Failed => "Gửi lỗi",
        _ => status,
    };

    public static string DeliveryStatus(string status) => status switch
    {
        DeliveryStatuses.Queued => "Chờ gửi",
        DeliveryStatuses.Sending => "Đang gửi",
        DeliveryStatuses.Sent => "Đã gửi",
        DeliveryStatuses.Delivered => "Đã nhận",
        DeliveryStatuses.Read => "Đã xem",
        DeliveryStatuses.Skipped => "Bỏ qua",
        DeliveryStatuses.Failed => "Lỗi",
        DeliveryStatuses.Unknown => "Không rõ (máy chủ dừng giữa chừng)",
        DeliveryStatuses.Cancelled => "Đã hủy",
        _ => status,
    };

    /// <summary>A skip reason every channel shares (a channel's own window and quota reasons: ChannelCatalog.ReasonText).</summary>
    public static string SkipReason(string reason) => reason switch
    {
        SkipReasons.NotSubscribed => "Chưa đăng ký chủ đề",
        SkipReasons.Unreachable => "Đã chặn hoặc xin xóa dữ liệu",
        SkipReasons.NotFollower => "Đã bỏ quan tâm OA",
        SkipReasons.NeverInteracted => "Chưa từng nhắn tin",
        SkipReasons.Unsubscribed => "Đã hủy đăng ký",
        SkipReasons.WindowClosed => "Hết thời hạn nhắn tin trước khi gửi",
        _ => reason,
    };

    /// <summary>Why a delivery failed (status failed or unknown); null reason: an older row, or a host that died mid-send.</summary>
    public static string FailReason(string? reason) => reason switch
    {
        FailReasons.ChannelNotConfigured => "Kênh chưa được cấu hình trên máy chủ",
        FailReasons.PlatformUnreachable => "Không kết nối được nền tảng (lỗi máy chủ nền tảng hoặc mạng)",
        FailReasons.RateLimited => "Nền tảng giới hạn tốc độ gửi, đã thử lại nhiều lần",
        FailReasons.Rejected => "Nền tảng từ chối tin nhắn",
        FailReasons.NoAnswer => "Không nhận được trả lời của nền tảng (có thể đã tới, không gửi lại)",
        FailReasons.TokenRefused => "Mã truy cập của kênh bị từ chối",
        null => "Máy chủ dừng giữa chừng (có thể đã tới, không gửi lại)",
        _ => reason,
    };

    /// <summary>A channel that is down, as staff read it.</summary>
    public static string ChannelState(string state) => state switch
    {
        ChannelStates.TokenRefused => "mã truy cập bị nền tảng từ chối: cần quản trị cấp lại mã (token)",
        ChannelStates.Unreachable => "không kết nối được nền tảng",
        ChannelStates.QuotaOrBilling => "hết hạn mức gửi hoặc chưa thanh toán được (Zalo Cloud Account): cần quản trị kiểm tra gói dịch vụ",
        _ => state,
    };

    /// <summary>Why a sending paused by itself; <paramref name="detail"/> is the channel and the platform's code ("zalo -321").</summary>
    public static string PauseReason(string reason, string? detail)
    {
        var text = reason switch
        {
            PauseReasons.TokenRefused => "Tự động tạm dừng: mã truy cập của kênh bị nền tảng từ chối. Quản trị cấp lại mã (token) rồi bấm “Tiếp tục gửi”.",
            PauseReasons.QuotaOrBilling =>
                "Tự động tạm dừng: nền tảng báo tài khoản kênh đã hết hạn mức gửi, hoặc chưa kết nối / không thanh toán được Zalo Cloud Account. "
                + "Quản trị kiểm tra gói dịch vụ rồi bấm “Tiếp tục gửi”; hội viên chưa nhận vẫn chờ, không bị tính là lỗi.",
            _ => "Tự động tạm dừng.",
        };
        return string.IsNullOrWhiteSpace(detail) ? text : $"{text} (mã lỗi: {detail})";
    }

    public static string Role(string role) => role switch
    {
        StaffRoles.Admin => "Quản trị",
        StaffRoles.Editor => "Biên tập viên",
        StaffRoles.Approver => "Người duyệt",
        StaffRoles.Viewer => "Người xem",
        _ => role,
    };
}
