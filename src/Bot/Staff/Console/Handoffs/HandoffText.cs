using Outreach.Bot.Staff.Handoffs;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Content.Handoffs;

namespace Outreach.Bot.Staff.Console.Handoffs;

/// <summary>The Vietnamese staff read in the handoff inbox: statuses, reasons, crisis kinds, reply errors, notices.</summary>
public static class HandoffText
{
    public const string Taken = "taken";
    public const string Replied = "replied";
    public const string Released = "released";
    public const string AlertDone = "alert-done";

    /// <summary>The notice a redirect's code stands for (only codes travel in the address).</summary>
    public static string? Notice(string? code) => code switch
    {
        Taken => "Bạn đã nhận hỗ trợ hội viên này. Bot im lặng cho đến khi bạn trả lại cho bot.",
        Replied => "Đã ghi trả lời, đang chờ gửi tới hội viên: trạng thái của tin (đã gửi hay không gửi được) hiện trong cuộc trò chuyện bên dưới.",
        Released => "Đã trả cuộc trò chuyện lại cho bot.",
        AlertDone => "Đã đánh dấu cảnh báo là đã xử lý.",
        _ => null,
    };

    public static string Status(string status) => status switch
    {
        HandoffStatuses.Requested => "Chờ nhận",
        HandoffStatuses.Active => "Đang hỗ trợ",
        HandoffStatuses.Closed => "Đã kết thúc",
        _ => status,
    };

    public static string Reason(string reason) => reason switch
    {
        HandoffReasons.Crisis => "Khẩn cấp",
        HandoffReasons.Member => "Muốn gặp cán bộ",
        HandoffReasons.Unanswered => "Câu hỏi bot chưa trả lời được",
        _ => reason,
    };

    public static string Member(long contactId, string? displayName) => ConsoleText.Member(contactId, displayName);

    public static string Unit(string? unitName) => unitName ?? "Chưa rõ đơn vị";

    /// <summary>Who holds a conversation (a name, or a neutral word when the holder's account is gone).</summary>
    public static string Holder(string? displayName) => string.IsNullOrWhiteSpace(displayName) ? "Một cán bộ khác" : displayName;

    public static string Crisis(string category) => category switch
    {
        "injury" => "Bị thương",
        "self_harm" => "Có ý định tự hại",
        "danger" => "Đang gặp nguy hiểm",
        "child" => "Trẻ em bị xâm hại",
        "trafficking" => "Mua bán người",
        "sexual" => "Xâm hại tình dục",
        "abuse" => "Bạo lực gia đình",
        _ => category,
    };

    public static string Speaker(ConversationSpeaker speaker) => speaker switch
    {
        ConversationSpeaker.Member => "Hội viên",
        ConversationSpeaker.Staff => "Cán bộ",
        _ => "Bot",
    };

    public static string? Line(ConversationLine line) => line?.Kind switch
    {
        ConversationLineKind.Attachment => "(gửi ảnh, nhãn dán hoặc tệp)",
        ConversationLineKind.Unreadable => "(không đọc được tin nhắn này)",
        _ => line?.Text,
    };

    public static string Sent(string? status) => status switch
    {
        "pending" => "chờ gửi",
        "sending" => "đang gửi",
        "sent" => "đã gửi",
        "delivered" => "đã nhận",
        "read" => "đã xem",
        "failed" => "không gửi được",
        "unknown" => "không rõ đã gửi chưa",
        _ => status ?? "",
    };
}
