using System.Text;
using MimeKit;
using Outreach.Bot.Staff.Console;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Content.Notices;

namespace Outreach.Bot.Staff.Notices.Mail;

/// <summary>
/// The mail telling a staff member what is new for her, in Vietnamese plain text: crisis alerts first, then members waiting,
/// posts to approve and her posts returned, each with its console page. It never carries what a member wrote, nor her name.
/// </summary>
public static class StaffMailText
{
    public static MimeMessage Compose(MailboxAddress from, string toName, string toAddress, IReadOnlyList<MailItem> items, Uri? consoleUrl)
    {
        ArgumentNullException.ThrowIfNull(items);
        var alerts = items.Count(i => i.Kind == "alert");
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(new MailboxAddress(toName, toAddress));
        message.Subject = alerts > 0
            ? $"[KHẨN] {alerts} cảnh báo khẩn cấp mới: hội viên có thể đang gặp nguy hiểm"
            : $"Outreach: {items.Count} việc mới đang chờ bạn";
        if (alerts > 0)
        {
            message.Priority = MessagePriority.Urgent;
        }

        message.Body = new TextPart("plain") { Text = Body(toName, items, consoleUrl) };
        return message;
    }

    private static string Body(string name, IReadOnlyList<MailItem> items, Uri? consoleUrl)
    {
        var text = new StringBuilder();
        text.Append("Chào ").Append(name).AppendLine(",").AppendLine();
        Section(text, items, "alert", "Cảnh báo khẩn cấp (hội viên có thể đang gặp nguy hiểm, hãy xem ngay):",
            i => $"{ConsoleFormat.Time(i.At)} · {Unit(i)}", Link(consoleUrl, ConsolePaths.Handoffs));
        Section(text, items, "handoff", "Hội viên đang chờ cán bộ trả lời:",
            i => $"{ConsoleFormat.Time(i.At)} · {Unit(i)}", Link(consoleUrl, ConsolePaths.Handoffs));
        Section(text, items, "awaiting", "Bài chờ bạn duyệt:",
            i => $"{i.Label} ({ConsoleFormat.Time(i.At)}) {Link(consoleUrl, ConsolePaths.Post(i.Id))}", null);
        Section(text, items, "returned", "Bài của bạn bị trả lại:",
            i => $"{i.Label} ({ConsoleFormat.Time(i.At)}) {Link(consoleUrl, ConsolePaths.Post(i.Id))}", null);
        text.AppendLine("Thư này không chứa nội dung tin nhắn hay tên của hội viên.");
        text.Append("Để thôi nhận thư, xóa địa chỉ e-mail ở trang Thông báo: ").AppendLine(Link(consoleUrl, ConsolePaths.Notices));
        return text.ToString();
    }

    private static void Section(StringBuilder text, IReadOnlyList<MailItem> items, string kind, string title, Func<MailItem, string> line, string? open)
    {
        var these = items.Where(i => i.Kind == kind).ToList();
        if (these.Count == 0)
        {
            return;
        }

        text.AppendLine(title);
        foreach (var item in these)
        {
            text.Append("• ").AppendLine(line(item).TrimEnd());
        }

        if (open is not null)
        {
            text.Append("Mở hộp thư hỗ trợ: ").AppendLine(open);
        }

        text.AppendLine();
    }

    private static string Unit(MailItem item) => item.Label.Length > 0 ? item.Label : "hội viên chưa có đơn vị";

    // The page's full address when the console's public address is known, else its path (she opens the console herself).
    private static string Link(Uri? consoleUrl, string path) =>
        consoleUrl is null ? path : new Uri(consoleUrl, path).ToString();
}
