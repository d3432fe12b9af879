using System.Globalization;

namespace Outreach.Content.Knowledge;

/// <summary>One field that differs between two versions, as staff read it (lists one item a line).</summary>
public sealed record KnowledgeChange(string Field, string Before, string After);

/// <summary>The differences between two versions of an item, field by field, in the order of the form.</summary>
public static class KnowledgeDiff
{
    public static IReadOnlyList<KnowledgeChange> Between(string kind, KnowledgeContent? before, KnowledgeContent after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var old = before ?? new KnowledgeContent { Active = after.Active };
        return Fields(kind)
            .Select(f => new KnowledgeChange(f.Label, f.Read(old), f.Read(after)))
            .Where(c => !string.Equals(c.Before, c.After, StringComparison.Ordinal))
            .ToList();
    }

    private static IEnumerable<(string Label, Func<KnowledgeContent, string> Read)> Fields(string kind)
    {
        switch (kind)
        {
            case KnowledgeKinds.Entry:
                yield return ("Mã mục", c => c.EntryId ?? "");
                yield return ("Chủ đề", c => c.Topic ?? "");
                yield return ("Tiêu đề", c => c.Title ?? "");
                yield return ("Các cách hỏi", c => Lines(c.Questions));
                yield return ("Từ khóa", c => Lines(c.Keywords));
                yield return ("Câu trả lời", c => c.Answer ?? "");
                yield return ("Câu trả lời tiếng Anh", c => c.AnswerEnglish ?? "");
                yield return ("Hiệu lực từ", c => Day(c.ValidFrom));
                yield return ("Hiệu lực đến", c => Day(c.ValidUntil));
                yield return ("Trả lời nhanh", c => Lines(c.QuickReplies.Select(q => $"{q.Title} → {q.Entry}")));
                break;
            case KnowledgeKinds.Hotline:
                yield return ("Số điện thoại", c => c.Number ?? "");
                yield return ("Tên", c => c.Name ?? "");
                yield return ("Mô tả", c => c.Description ?? "");
                yield return ("Giờ trực", c => c.Hours ?? "");
                break;
            case KnowledgeKinds.Address:
                yield return ("Tên", c => c.Name ?? "");
                yield return ("Xã, phường", c => c.Commune ?? "");
                yield return ("Địa chỉ", c => c.Address ?? "");
                yield return ("Điện thoại", c => c.Phone ?? "");
                break;
            case KnowledgeKinds.Screening:
                yield return ("Ngày", c => Day(c.Date));
                yield return ("Đến ngày", c => Day(c.EndDate));
                yield return ("Địa điểm", c => c.Place ?? "");
                yield return ("Xã, phường", c => c.Commune ?? "");
                yield return ("Đối tượng", c => c.Who ?? "");
                yield return ("Ghi chú", c => c.Note ?? "");
                break;
            case KnowledgeKinds.Crisis:
                yield return ("Nhóm", c => c.Group ?? "");
                yield return ("Dấu hiệu", c => Lines(c.Cues));
                break;
        }

        yield return ("Đang dùng", c => c.Active ? "có" : "không");
    }

    private static string Lines(IEnumerable<string> items) => string.Join("\n", items);

    private static string Day(DateOnly? day) => day?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";
}
