using Outreach.Content.ContentPacks;
using Outreach.Content.KnowledgeBase;

namespace Outreach.Content.Knowledge;

/// <summary>
/// The shipped pack with the approved items laid over it: a national item replaces (or, withdrawn, removes) the pack's
/// national entry, hotline, address or screening day with its key, or adds one; crisis items replace a cue group; a unit's
/// items are added with their unit (<see cref="KnowledgeEntry.OrgUnitId"/>), for its subtree only.
/// </summary>
public static class KnowledgeMerge
{
    public static ContentPack Apply(ContentPack pack, IReadOnlyList<ApprovedKnowledge> items, long revision)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return pack;
        }

        var national = items.Where(i => i.OrgUnitId is null).ToList();
        var local = items.Where(i => i.OrgUnitId is not null && i.Content.Active).ToList();
        var entries = Replace(pack.Entries, e => e.Province is null ? e.Id : null, national, KnowledgeKinds.Entry, EntryOf);
        entries.AddRange(Of(local, KnowledgeKinds.Entry).Select(EntryOf));
        var hotlines = Replace(pack.Hotlines, h => h.Province is null ? h.Number : null, national, KnowledgeKinds.Hotline, i => ToHotline(i.Content, null));
        hotlines.AddRange(Of(local, KnowledgeKinds.Hotline).Select(i => ToHotline(i.Content, i.OrgUnitId)));
        var addresses = Replace(
            pack.Addresses, a => a.Province is null ? new KnowledgeContent { Name = a.Name, Commune = a.Commune }.KeyFor(KnowledgeKinds.Address) : null,
            national, KnowledgeKinds.Address, i => ToAddress(i.Content, null));
        addresses.AddRange(Of(local, KnowledgeKinds.Address).Select(i => ToAddress(i.Content, i.OrgUnitId)));
        var screenings = Replace(
            pack.Screenings, s => s.Province is null ? new KnowledgeContent { Date = s.Date, Place = s.Place }.KeyFor(KnowledgeKinds.Screening) : null,
            national, KnowledgeKinds.Screening, i => ToScreening(i.Content, null));
        screenings.AddRange(Of(local, KnowledgeKinds.Screening).Select(i => ToScreening(i.Content, i.OrgUnitId)));
        var groups = pack.Crisis.Groups.ToDictionary(StringComparer.Ordinal);
        foreach (var cue in Of(national, KnowledgeKinds.Crisis).Where(c => c.Content is { Active: true, Group.Length: > 0 }))
        {
            groups[cue.Content.Group!] = cue.Content.Cues;
        }

        return pack with
        {
            Hash = pack.Hash + "+" + revision.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Entries = entries,
            Hotlines = hotlines,
            Addresses = addresses,
            Screenings = screenings,
            Crisis = pack.Crisis with { Groups = groups },
        };
    }

    public static KnowledgeEntry ToEntry(KnowledgeContent c, long? unitId)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new KnowledgeEntry(
            c.EntryId ?? "", null, c.Topic ?? "", c.Title ?? "", c.Questions, c.Keywords, c.Answer ?? "", null, c.ValidFrom, c.ValidUntil, null)
        {
            AnswerEnglish = string.IsNullOrWhiteSpace(c.AnswerEnglish) ? null : c.AnswerEnglish,
            OrgUnitId = unitId,
            QuickReplies = c.QuickReplies.Select(q => new MenuItem(q.Title, AnswerPayloads.Entry(q.Entry))).ToList(),
        };
    }

    // The entry of an approved item, made once per item object: a snapshot built after another approval gets the same
    // KnowledgeEntry for every item that did not change, so its index reuses what it read of them (KnowledgeIndex.Build).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ApprovedKnowledge, KnowledgeEntry> Entries = new();

    private static KnowledgeEntry EntryOf(ApprovedKnowledge item) =>
        Entries.GetValue(item, i => ToEntry(i.Content, i.OrgUnitId));

    private static Hotline ToHotline(KnowledgeContent c, long? unitId) =>
        new(c.Number ?? "", c.Name ?? "", c.Description, c.Hours, null) { OrgUnitId = unitId };

    private static CommunityAddress ToAddress(KnowledgeContent c, long? unitId) =>
        new(c.Name ?? "", c.Commune ?? "", c.Address, c.Phone, null, null) { OrgUnitId = unitId };

    private static ScreeningEvent ToScreening(KnowledgeContent c, long? unitId) =>
        new(c.Date ?? DateOnly.MinValue, c.EndDate, c.Place ?? "", c.Commune ?? "", null, c.Who, c.Note, null) { OrgUnitId = unitId };

    private static IEnumerable<ApprovedKnowledge> Of(IEnumerable<ApprovedKnowledge> items, string kind) => items.Where(i => i.Kind == kind);

    // The pack's rows with the national items' keys replaced in place (or removed when withdrawn), then the new ones.
    private static List<T> Replace<T>(
        IReadOnlyList<T> rows, Func<T, string?> nationalKey, IReadOnlyList<ApprovedKnowledge> national, string kind, Func<ApprovedKnowledge, T> make)
    {
        var byKey = Of(national, kind).Where(i => i.Content.KeyFor(kind) is not null)
            .GroupBy(i => i.Content.KeyFor(kind)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var result = new List<T>(rows.Count + byKey.Count);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (nationalKey(row) is { } key && byKey.TryGetValue(key, out var item))
            {
                used.Add(key);
                if (item.Content.Active)
                {
                    result.Add(make(item));
                }
            }
            else
            {
                result.Add(row);
            }
        }

        result.AddRange(byKey.Where(kv => !used.Contains(kv.Key) && kv.Value.Content.Active).Select(kv => make(kv.Value)));
        return result;
    }
}
