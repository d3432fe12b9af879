using Outreach.Content.Unanswered;
using Outreach.Bot.Staff.Console.Layout;

namespace Outreach.Bot.Staff.Console.Unanswered;

/// <summary>The Vietnamese of the "Câu hỏi chưa trả lời được" pages: why a question is listed, notices after an action.</summary>
public static class UnansweredText
{
    public const string Path = "/staff/unanswered";
    public const string OutOfScope = "out-of-scope";
    public const string Variant = "variant";
    public const string Entry = "entry";

    public static string Group(long id) => Path + "/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Action(long id, string action) => Group(id) + "/" + action;

    public static string? Notice(string? code) => code switch
    {
        OutOfScope => "Đã đánh dấu nhóm câu hỏi là ngoài phạm vi; nhóm không còn trong hàng chờ.",
        Variant => "Đã thêm câu hỏi vào mục nội dung như một cách hỏi mới (chờ duyệt theo quy trình nội dung).",
        Entry => "Đã tạo mục nội dung mới từ câu hỏi (bản nháp, chờ duyệt).",
        _ => null,
    };

    public static string Reason(string reason) => reason switch
    {
        MissReasons.Fallback => "Không tìm được câu trả lời",
        MissReasons.LowConfidence => "Trả lời nhưng chưa chắc chắn",
        MissReasons.Suggestions => "Gợi ý nhưng hội viên không chọn",
        MissReasons.Wrong => "Hội viên báo trả lời chưa đúng",
        _ => reason,
    };

    public static string Member(long contactId, string? displayName) =>
        ConsoleText.Member(contactId, displayName);
}
