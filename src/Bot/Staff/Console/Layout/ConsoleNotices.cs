namespace Outreach.Bot.Staff.Console.Layout;

/// <summary>What the console says after an action succeeded, by the code the redirect carries (<c>?notice=created</c>).</summary>
public static class ConsoleNotices
{
    public const string Created = "created";
    public const string Saved = "saved";
    public const string Resubmitted = "resubmitted";
    public const string ImageSaved = "image-saved";
    public const string Submitted = "submitted";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Scheduled = "scheduled";
    public const string Cancelled = "cancelled";
    public const string Paused = "paused";
    public const string Resumed = "resumed";
    public const string StaffCreated = "staff-created";
    public const string PasswordChanged = "password-changed";
    public const string StaffSaved = "staff-saved";
    public const string StaffLocked = "staff-locked";
    public const string StaffUnlocked = "staff-unlocked";
    public const string StaffPasswordReset = "staff-password-reset";
    public const string UnitSaved = "unit-saved";
    public const string UnitMerged = "unit-merged";
    public const string MemberMoved = "member-moved";
    public const string MemberErased = "member-erased";
    public const string KnowledgeSaved = "knowledge-saved";
    public const string KnowledgeApproved = "knowledge-approved";
    public const string KnowledgeRejected = "knowledge-rejected";
    public const string KnowledgeRestored = "knowledge-restored";
    public const string ChannelAccountSaved = "channel-account-saved";
    public const string MailSaved = "mail-saved";
    public const string MailOff = "mail-off";

    public static string? Text(string? code) => code switch
    {
        Created => "Đã tạo bài viết (bản nháp).",
        Saved => "Đã lưu bản nháp.",
        Resubmitted => "Đã lưu thay đổi; bài chờ duyệt lại trước khi gửi.",
        ImageSaved => "Đã lưu ảnh của bài.",
        Submitted => "Đã gửi bài để duyệt.",
        Approved => "Đã duyệt bài viết.",
        Rejected => "Đã trả lại bài cho người viết.",
        Scheduled => "Đã lên lịch gửi.",
        Cancelled => "Đã hủy.",
        Paused => "Đã tạm dừng việc gửi.",
        Resumed => "Đã tiếp tục gửi.",
        StaffCreated => "Đã tạo tài khoản cán bộ. Lần đăng nhập đầu, cán bộ phải đổi mật khẩu ban đầu.",
        StaffSaved => "Đã lưu thông tin tài khoản.",
        StaffLocked => "Đã khóa tài khoản; mọi phiên đăng nhập của tài khoản này đã kết thúc.",
        StaffUnlocked => "Đã mở khóa tài khoản.",
        StaffPasswordReset => "Đã cấp mật khẩu tạm; mọi phiên đăng nhập của tài khoản này đã kết thúc.",
        PasswordChanged => "Đã đổi mật khẩu.",
        UnitSaved => "Đã lưu đơn vị.",
        UnitMerged => "Đã sáp nhập; hội viên, đơn vị trực thuộc, bài viết và chỉ tiêu đã chuyển sang đơn vị này.",
        MemberMoved => "Đã chuyển hội viên sang đơn vị mới.",
        ChannelAccountSaved => "Đã lưu Trang/OA. Khóa bí mật và token được mã hóa, không hiển thị lại.",
        MemberErased => "Đã xóa dữ liệu của hội viên.",
        KnowledgeSaved => "Đã lưu bản nháp; bản này chờ đơn vị cấp trên duyệt.",
        KnowledgeApproved => "Đã duyệt; bot dùng nội dung mới ngay.",
        KnowledgeRejected => "Đã trả lại bản nháp cho người viết.",
        KnowledgeRestored => "Đã tạo bản nháp từ phiên bản cũ; bản này chờ duyệt.",
        MailSaved => "Đã lưu địa chỉ e-mail; từ giờ, việc mới đang chờ bạn sẽ được gửi tới địa chỉ này.",
        MailOff => "Đã tắt thông báo qua e-mail.",
        _ => null,
    };
}
