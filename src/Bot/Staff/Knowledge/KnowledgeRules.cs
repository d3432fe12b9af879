using System.Text.RegularExpressions;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.Knowledge;
using Outreach.Content.OrgUnits;
using Outreach.Content.Posts;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Knowledge;

/// <summary>
/// Who may write and approve knowledge, and what a valid item is. Pure rules; <see cref="KnowledgeService"/> applies them.
/// Approval follows posts' four eyes (PostWorkflow): a higher unit's approver or admin (the top unit approves its own), never
/// anyone who wrote or edited that version. The national baseline and crisis cues belong to the top unit's admins.
/// </summary>
public static partial class KnowledgeRules
{
    /// <summary>Messenger shows at most 13 quick replies, each title up to 20 characters.</summary>
    public const int MaxQuickReplies = 13;

    public const int MaxQuickReplyTitle = 20;

    private static readonly System.Globalization.CultureInfo Vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>True for an admin of a top unit (no parent): she alone edits and approves the national baseline and crisis cues.</summary>
    public static bool IsTopAdmin(StaffSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.User.Role == StaffRoles.Admin && session.Unit.ParentId is null;
    }

    /// <summary>Why she may not write an item of <paramref name="kind"/> for <paramref name="unit"/> (null: national), or null.</summary>
    public static string? WriteRefusal(StaffSession session, OrgUnit? unit, string kind)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!StaffRoles.CanWrite(session.User.Role))
        {
            return "Chỉ biên tập viên hoặc quản trị mới sửa được kiến thức.";
        }

        if (unit is null || kind == KnowledgeKinds.Crisis)
        {
            return IsTopAdmin(session) && unit is null
                ? null
                : "Chỉ quản trị của đơn vị cấp cao nhất mới sửa được nội dung toàn quốc, đường dây nóng quốc gia và dấu hiệu khẩn cấp.";
        }

        return session.Sees(unit) ? null : "Đơn vị này ngoài phạm vi của bạn.";
    }

    /// <summary>Why she may not approve (or return) <paramref name="draft"/> of an item of <paramref name="unit"/>, or null.</summary>
    public static string? ApprovalRefusal(StaffSession session, OrgUnit? unit, KnowledgeVersion draft)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(draft);
        if (!StaffRoles.CanApprove(session.User.Role))
        {
            return "Chỉ người duyệt hoặc quản trị mới duyệt được.";
        }

        if (draft.Writers.Contains(session.User.Id))
        {
            return "Người viết hoặc đã sửa bản này không tự duyệt được.";
        }

        if (unit is null)
        {
            return IsTopAdmin(session) ? null : "Nội dung toàn quốc do quản trị của đơn vị cấp cao nhất duyệt.";
        }

        var isHigher = session.Unit.Id != unit.Id && PostWorkflow.IsWithin(unit, session.Unit);
        var isRootOwnUnit = unit.ParentId is null && session.Unit.Id == unit.Id;
        return isHigher || isRootOwnUnit ? null : "Thay đổi phải được đơn vị cấp trên duyệt.";
    }

    /// <summary>The content with its text trimmed and empty lines dropped: what is checked, stored and compared.</summary>
    public static KnowledgeContent Normalize(KnowledgeContent c)
    {
        ArgumentNullException.ThrowIfNull(c);
        static string? T(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        static List<string> L(IEnumerable<string>? items) => (items ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct().ToList();
        return c with
        {
            EntryId = T(c.EntryId), Topic = T(c.Topic), Title = T(c.Title), Questions = L(c.Questions), Keywords = L(c.Keywords),
            Answer = T(c.Answer), AnswerEnglish = T(c.AnswerEnglish),
            QuickReplies = (c.QuickReplies ?? []).Where(q => !string.IsNullOrWhiteSpace(q.Title) || !string.IsNullOrWhiteSpace(q.Entry))
                .Select(q => new QuickReplyContent((q.Title ?? "").Trim(), (q.Entry ?? "").Trim())).ToList(),
            Number = T(c.Number), Name = T(c.Name), Description = T(c.Description), Hours = T(c.Hours), Commune = T(c.Commune),
            Address = T(c.Address), Phone = T(c.Phone), Place = T(c.Place), Who = T(c.Who), Note = T(c.Note), Group = T(c.Group),
            Cues = L(c.Cues),
        };
    }

    /// <summary>Each field's problems (empty when valid). <paramref name="limits"/>: each channel's display name and text limit.</summary>
    public static Dictionary<string, string[]> Check(string kind, KnowledgeContent c, IReadOnlyList<(string Channel, int Limit)> limits)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(limits);
        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string problem) => (problems.TryGetValue(field, out var list) ? list : problems[field] = []).Add(problem);
        void Required(string field, string? value, string name)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(field, $"Cần nhập {name}.");
            }
        }

        switch (kind)
        {
            case KnowledgeKinds.Entry:
                Required("entryId", c.EntryId, "mã mục");
                if (c.EntryId is { } id && !EntryIdPattern().IsMatch(id))
                {
                    Add("entryId", "Mã mục chỉ gồm chữ thường không dấu, số và dấu gạch ngang (vd. vay-von-ho-ngheo).");
                }

                Required("topic", c.Topic, "chủ đề");
                Required("title", c.Title, "tiêu đề");
                if (c.Questions.Count == 0)
                {
                    Add("questions", "Cần ít nhất một cách hỏi.");
                }

                Required("answer", c.Answer, "câu trả lời");
                foreach (var (channel, limit) in limits.Where(l => (c.Answer?.Length ?? 0) > l.Limit))
                {
                    Add("answer", string.Create(Vi, $"Câu trả lời dài {c.Answer!.Length:N0} ký tự, quá giới hạn {limit:N0} ký tự một tin của {channel}."));
                }

                if (c.ValidFrom > c.ValidUntil)
                {
                    Add("validUntil", "Ngày hết hiệu lực phải sau ngày bắt đầu.");
                }

                if (c.QuickReplies.Count > MaxQuickReplies)
                {
                    Add("quickReplies", $"Tối đa {MaxQuickReplies} trả lời nhanh.");
                }

                foreach (var reply in c.QuickReplies.Where(q => q.Title.Length is 0 or > MaxQuickReplyTitle || q.Entry.Length == 0))
                {
                    Add("quickReplies", $"Trả lời nhanh \"{reply.Title}\": cần tiêu đề (tối đa {MaxQuickReplyTitle} ký tự) và mã mục được trả lời.");
                }

                break;
            case KnowledgeKinds.Hotline:
                Required("number", c.Number, "số điện thoại");
                if (c.Number is { } number && !PhonePattern().IsMatch(number))
                {
                    Add("number", "Số điện thoại chỉ gồm chữ số, khoảng trắng, dấu chấm hoặc +.");
                }

                Required("name", c.Name, "tên");
                break;
            case KnowledgeKinds.Address:
                Required("name", c.Name, "tên");
                Required("commune", c.Commune, "xã, phường");
                break;
            case KnowledgeKinds.Screening:
                if (c.Date is null)
                {
                    Add("date", "Cần nhập ngày khám.");
                }

                if (c.EndDate < c.Date)
                {
                    Add("endDate", "Ngày kết thúc phải sau ngày bắt đầu.");
                }

                Required("place", c.Place, "địa điểm");
                Required("commune", c.Commune, "xã, phường");
                break;
            case KnowledgeKinds.Crisis:
                Required("group", c.Group, "tên nhóm");
                if (c.Cues.Count == 0)
                {
                    Add("cues", "Cần ít nhất một dấu hiệu.");
                }

                break;
            default:
                Add("kind", "Loại nội dung không hợp lệ.");
                break;
        }

        return problems.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex EntryIdPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 .]{1,18}$")]
    private static partial Regex PhonePattern();
}
