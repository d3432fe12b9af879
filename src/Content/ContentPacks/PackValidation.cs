using System.Globalization;
using Outreach.Content.Alerts;
using Outreach.Content.KnowledgeBase;

namespace Outreach.Content.ContentPacks;

/// <summary>Turns the YAML shapes into the pack's records, refusing missing fields and bad values with a message naming the file.</summary>
internal static class PackValidation
{
    public static KnowledgeEntry ToEntry(EntryYaml e, string? province, string path)
    {
        var id = Required(e.Id, "id", path, "?");
        var questions = (e.Questions ?? []).Where(q => !string.IsNullOrWhiteSpace(q)).ToList();
        if (questions.Count == 0)
        {
            throw Fail(path, id, "cần ít nhất một câu hỏi (questions)");
        }

        if (!EntryActions.IsKnown(e.Action))
        {
            throw Fail(path, id, $"action '{e.Action}' không hợp lệ (subscribe, screening, handoff)");
        }

        var from = Date(e.ValidFrom, "valid_from", path, id);
        var until = Date(e.ValidUntil, "valid_until", path, id);
        if (from > until)
        {
            throw Fail(path, id, "valid_from sau valid_until");
        }

        return new KnowledgeEntry(
            id, province, Required(e.Topic, "topic", path, id), Required(e.Title, "title", path, id), questions,
            e.Keywords ?? [], Required(e.Answer, "answer", path, id).Trim(), e.Source, from, until, e.Action)
        {
            AnswerEnglish = string.IsNullOrWhiteSpace(e.AnswerEn) ? null : e.AnswerEn.Trim(),
            QuickReplies = e.QuickReplies is not { Count: > 0 } replies
                ? Array.Empty<MenuItem>()
                : replies.Select(q => new MenuItem(Required(q.Title, "quick_replies.title", path, id), AnswerPayloads.Entry(Required(q.Entry, "quick_replies.entry", path, id))))
                    .ToList(),
        };
    }

    public static Hotline ToHotline(HotlineYaml h, string? province, string scope) =>
        new(Required(h.Number, "number", scope + "hotlines.yaml", "?"), Required(h.Name, "name", scope + "hotlines.yaml", h.Number!),
            h.Description, h.Hours, province);

    public static CommunityAddress ToAddress(AddressYaml a, string? province, string scope) =>
        new(Required(a.Name, "name", scope + "addresses.yaml", "?"), Required(a.Commune, "commune", scope + "addresses.yaml", a.Name!),
            a.Address, a.Phone, a.OrgUnit, province);

    public static ScreeningEvent ToScreening(ScreeningYaml s, string? province, string scope)
    {
        var path = scope + "screenings.yaml";
        var place = Required(s.Place, "place", path, s.Date ?? "?");
        var date = Date(s.Date, "date", path, place) ?? throw Fail(path, place, "thiếu date");
        return new ScreeningEvent(date, Date(s.EndDate, "end_date", path, place), place, Required(s.Commune, "commune", path, place),
            s.OrgUnit, s.Who, s.Note, province);
    }

    public static void CheckUniqueIds(IEnumerable<KnowledgeEntry> entries)
    {
        var duplicate = entries.GroupBy(e => (e.Province, e.Id)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ContentPackException($"Mục '{duplicate.Key.Id}' xuất hiện hai lần{(duplicate.Key.Province is { } p ? $" trong tỉnh {p}" : "")}.");
        }
    }

    public static PackTexts ToTexts(Dictionary<string, object> raw)
    {
        var lines = new Dictionary<string, string>(StringComparer.Ordinal);
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var menu = new List<MenuItem>();
        foreach (var (key, value) in raw)
        {
            switch (value)
            {
                case string text:
                    lines[key] = text.Trim();
                    break;
                case List<object> items when key == "menu":
                    menu.AddRange(items.OfType<Dictionary<object, object>>().Select(ToMenuItem));
                    break;
                case List<object> items:
                    lists[key] = items.Select(i => i.ToString() ?? "").Where(i => i.Length > 0).ToList();
                    break;
                default:
                    throw new ContentPackException($"Tệp texts.yaml: '{key}' phải là một câu hoặc một danh sách.");
            }
        }

        var missing = PackTexts.RequiredKeys.Where(k => !lines.ContainsKey(k))
            .Concat(PackTexts.RequiredWordLists.Where(k => !lists.ContainsKey(k))).ToList();
        return missing.Count > 0
            ? throw new ContentPackException($"Tệp texts.yaml thiếu: {string.Join(", ", missing)}.")
            : new PackTexts(lines, menu, lists);
    }

    public static CrisisRules ToCrisis(CrisisYaml c)
    {
        var groups = (c.Groups ?? []).ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);
        var rules = (c.Rules ?? []).Select(r => ToCrisisRule(r, groups, CrisisFile)).ToList();
        var replies = Categories(c.Replies, "replies");
        var missing = rules.Select(r => r.Category).Distinct().Where(k => !replies.ContainsKey(k)).ToList();
        if (missing.Count > 0 || rules.Count == 0 || string.IsNullOrWhiteSpace(c.Options))
        {
            throw new ContentPackException($"Tệp crisis.yaml thiếu luật, options hoặc câu trả lời cho: {string.Join(", ", missing.Select(m => m.ToName()))}.");
        }

        var frames = (c.Frames ?? []).ToDictionary(
            kv => kv.Key,
            kv => ToCrisisFrame(kv.Key, kv.Value, groups, CrisisFile),
            StringComparer.Ordinal);
        var optionsFor = (c.OptionsFor ?? []).ToDictionary(
            kv => CrisisCategoryNames.TryParse(kv.Key, out _) ? kv.Key : throw new ContentPackException($"Tệp crisis.yaml, mục options_for: loại '{kv.Key}' không hợp lệ."),
            kv => kv.Value.Trim(),
            StringComparer.Ordinal);
        return new CrisisRules(groups, rules, c.Negations ?? [], replies, Categories(c.Also, "also"),
            c.Safety ?? [], c.Options.Trim(), c.English?.Trim() ?? "",
            c.Nearby?.Trim() ?? "")
        {
            Ambiguous = (c.Ambiguous ?? []).Select(Text.VietnameseText.Fold).ToList(),
            Frames = frames,
            EnglishReplies = Categories(c.EnglishReplies, "english_replies"),
            OptionsFor = optionsFor,
            Leads = (c.Leads ?? []).Select(l => ToCrisisLead(l, groups, CrisisFile)).ToList(),
        };
    }

    /// <summary>A lead of <paramref name="path"/>: its categories valid, its groups known.</summary>
    public static CrisisLead ToCrisisLead(CrisisLeadYaml l, IReadOnlyDictionary<string, IReadOnlyList<string>> groups, string path)
    {
        var first = CrisisCategoryNames.TryParse(l.First, out var parsed)
            ? parsed
            : throw new ContentPackException($"Tệp {path}, mục leads: loại '{l.First}' không hợp lệ.");
        var over = (l.Over ?? []).Select(o => CrisisCategoryNames.TryParse(o, out var c)
            ? c
            : throw new ContentPackException($"Tệp {path}, mục leads: loại '{o}' không hợp lệ.")).ToList();
        var unknown = (l.None ?? []).FirstOrDefault(g => !groups.ContainsKey(g) && g is not (CrisisDetector.BuiltInMinor or CrisisDetector.BuiltInManyPills or CrisisDetector.BuiltInPleaOnly));
        return over.Count == 0 || unknown is not null
            ? throw new ContentPackException($"Tệp {path}, mục leads: '{l.First}' cần over, và nhóm '{unknown}' phải có trong groups.")
            : new CrisisLead(first, over) { None = l.None is { Count: > 0 } ? l.None : null };
    }

    private const string CrisisFile = "crisis.yaml";

    /// <summary>A rule of <paramref name="path"/> (crisis.yaml or a crisis-*.yaml beside it), its groups known.</summary>
    public static CrisisRule ToCrisisRule(CrisisRuleYaml r, IReadOnlyDictionary<string, IReadOnlyList<string>> groups, string path)
    {
        var category = CrisisCategoryNames.TryParse(r.Category, out var parsed)
            ? parsed
            : throw new ContentPackException($"Tệp {path}: loại '{r.Category}' không hợp lệ.");
        var unknown = (r.All ?? []).Concat(r.None ?? [])
            .FirstOrDefault(g => !groups.ContainsKey(g) && g is not (CrisisDetector.BuiltInMinor or CrisisDetector.BuiltInManyPills or CrisisDetector.BuiltInPleaOnly));
        if (r.Within is not null && !CrisisRule.WithinValues.Contains(r.Within))
        {
            throw new ContentPackException($"Tệp {path}: luật '{r.Category}' có within '{r.Within}', chỉ nhận: {string.Join(", ", CrisisRule.WithinValues)}.");
        }

        return unknown is not null || r.All is not { Count: > 0 }
            ? throw new ContentPackException($"Tệp {path}: luật '{r.Category}' dùng nhóm '{unknown}' không có trong groups.")
            : new CrisisRule(category, r.All) { None = r.None is { Count: > 0 } ? r.None : null, Within = r.Within };
    }

    /// <summary>
    /// A gate of <paramref name="path"/> (crisis-gates.yaml): a first number a crisis reply opens with, a threshold above 0
    /// and at most 1, and groups the crisis files have (or the built-in "minor").
    /// </summary>
    public static CrisisGate ToCrisisGate(CrisisGateYaml g, IReadOnlyDictionary<string, IReadOnlyList<string>> groups, string path)
    {
        var first = g.First?.Trim();
        if (first is null || !CrisisGate.Numbers.Contains(first))
        {
            throw new ContentPackException($"Tệp {path}: cổng '{first}' phải mở cho một số đầu: {string.Join(", ", CrisisGate.Numbers)}.");
        }

        if (g.Threshold is not (> 0f and <= 1f))
        {
            throw new ContentPackException($"Tệp {path}: cổng '{first}' cần threshold lớn hơn 0 và không quá 1.");
        }

        if (g.Groups is not { Count: > 0 })
        {
            throw new ContentPackException($"Tệp {path}: cổng '{first}' cần ít nhất một nhóm (groups).");
        }

        var unknown = g.Groups.FirstOrDefault(n => !groups.ContainsKey(n) && n != CrisisDetector.BuiltInMinor);
        return unknown is not null
            ? throw new ContentPackException($"Tệp {path}: cổng '{first}' dùng nhóm '{unknown}' không có trong groups.")
            : new CrisisGate(first, g.Threshold.Value, g.Groups.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>A frame of <paramref name="path"/>: its group and the groups it names ("start", "end" or groups) must exist.</summary>
    public static CrisisFrame ToCrisisFrame(string group, CrisisFrameYaml frame, IReadOnlyDictionary<string, IReadOnlyList<string>> groups, string path) =>
        groups.ContainsKey(group)
            ? new CrisisFrame(FrameGroups(frame.Before, groups, group, path), FrameGroups(frame.After, groups, group, path))
            : throw new ContentPackException($"Tệp {path}, mục frames: nhóm '{group}' không có trong groups.");

    // A frame names groups of crisis.yaml, "start" (the cue opens its clause) or "end" (it closes it).
    private static List<string> FrameGroups(List<string>? names, IReadOnlyDictionary<string, IReadOnlyList<string>> groups, string frame, string path) =>
        (names ?? []).Select(n => n is "start" or "end" or CrisisDetector.BuiltInMinor or CrisisDetector.BuiltInManyPills or CrisisDetector.BuiltInPleaOnly || groups.ContainsKey(n)
            ? n
            : throw new ContentPackException($"Tệp {path}, khung '{frame}': nhóm '{n}' không có trong groups.")).ToList();

    private static Dictionary<CrisisCategory, string> Categories(Dictionary<string, string>? raw, string section) =>
        (raw ?? []).ToDictionary(
            kv => CrisisCategoryNames.TryParse(kv.Key, out var category)
                ? category
                : throw new ContentPackException($"Tệp crisis.yaml, mục {section}: loại '{kv.Key}' không hợp lệ."),
            kv => kv.Value.Trim());

    private static MenuItem ToMenuItem(Dictionary<object, object> item) =>
        new(item.GetValueOrDefault("title")?.ToString() ?? throw new ContentPackException("Tệp texts.yaml: mục menu thiếu title."),
            item.GetValueOrDefault("payload")?.ToString() ?? throw new ContentPackException("Tệp texts.yaml: mục menu thiếu payload."));

    private static string Required(string? value, string field, string path, string id) =>
        string.IsNullOrWhiteSpace(value) ? throw Fail(path, id, $"thiếu {field}") : value.Trim();

    private static DateOnly? Date(string? value, string field, string path, string id)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Fail(path, id, $"{field} '{value}' không đúng dạng yyyy-mm-dd");
    }

    private static ContentPackException Fail(string path, string id, string reason) => new($"Tệp {path}, mục '{id}': {reason}.");
}
