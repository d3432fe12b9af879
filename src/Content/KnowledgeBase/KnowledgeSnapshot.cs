using Outreach.Content.Alerts;
using Outreach.Content.ContentPacks;

namespace Outreach.Content.KnowledgeBase;

/// <summary>
/// One pack version, ready to answer: the pack, its index and its crisis detector, built once and shared by every turn until
/// a reload swaps in the next version.
/// </summary>
public sealed partial class KnowledgeSnapshot
{
    private readonly Dictionary<(string? Province, string Id), KnowledgeEntry> _byId;
    private readonly HashSet<(string Province, string Id)> _overridden;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string? Province, DateOnly Day), bool[]> _masks = new();

    private KnowledgeSnapshot(long version, ContentPack pack, KnowledgeIndex index, CrisisDetector crisis)
    {
        Version = version;
        Pack = pack;
        Index = index;
        Crisis = crisis;
        _byId = pack.Entries.Where(e => e.OrgUnitId is null).ToDictionary(e => (e.Province, e.Id));
        _overridden = pack.Entries.Where(e => e.Province is not null && e.OrgUnitId is null).Select(e => (e.Province!, e.Id)).ToHashSet();
        Provinces = pack.Entries.Select(e => e.Province).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The codes of the provinces with entries of their own (provinces/&lt;code&gt;/ in the pack).</summary>
    public IReadOnlyList<string> Provinces { get; }

    /// <summary>The pack version in the database (0 when read straight from files, as the CLI does).</summary>
    public long Version { get; }

    public ContentPack Pack { get; }

    public KnowledgeIndex Index { get; }

    public CrisisDetector Crisis { get; }

    public PackTexts Texts => Pack.Texts;

    public static KnowledgeSnapshot Build(ContentPack pack, long version = 0, MatchingOptions? options = null) =>
        Build(pack, version, options, previous: null);

    /// <summary>
    /// As <see cref="Build(ContentPack, long, MatchingOptions?)"/>, sharing with <paramref name="previous"/> what did not change:
    /// the index reads only the entries that are not in it (<see cref="KnowledgeIndex.Build(IReadOnlyList{KnowledgeEntry}, MatchingOptions?, KnowledgeIndex?)"/>),
    /// and the crisis detector is kept when the crisis rules are the same. Answers are those of a build from nothing.
    /// </summary>
    public static KnowledgeSnapshot Build(ContentPack pack, long version, MatchingOptions? options, KnowledgeSnapshot? previous)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var crisis = previous is not null && SameRules(previous.Pack.Crisis, pack.Crisis) ? previous.Crisis : new CrisisDetector(pack.Crisis, secondOpinion: CrisisClassifier.Shipped);
        return new KnowledgeSnapshot(version, pack, KnowledgeIndex.Build(pack.Entries, options, previous?.Index), crisis);
    }

    // The same rules: every part the same object (KnowledgeMerge changes only the cue groups), and the same cues in each group.
    private static bool SameRules(CrisisRules before, CrisisRules now) =>
        before == now
        || (before with { Groups = now.Groups } == now
            && before.Groups.Keys.SequenceEqual(now.Groups.Keys, StringComparer.Ordinal)
            && before.Groups.All(g => now.Groups[g.Key].SequenceEqual(g.Value, StringComparer.Ordinal)));

    /// <summary>
    /// True when <paramref name="entry"/> may be given to a member of <paramref name="province"/> on <paramref name="day"/>:
    /// national entries unless the province replaced them, the province's own entries, within their validity dates.
    /// </summary>
    public bool IsEligible(KnowledgeEntry entry, string? province, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.OrgUnitId is not null)
        {
            return false; // a unit's own entry: only through EligibleMask(AnswerRequest)
        }

        var inScope = entry.Province is null
            ? province is null || !_overridden.Contains((province, entry.Id))
            : string.Equals(entry.Province, province, StringComparison.Ordinal);
        return inScope && entry.IsValidOn(day);
    }

    /// <summary>
    /// <see cref="IsEligible"/> for every entry of <see cref="Index"/>, by position: computed once per province and day and
    /// kept (at most a few hundred masks; a reload builds a new snapshot anyway).
    /// </summary>
    public bool[] EligibleMask(string? province, DateOnly day)
    {
        if (_masks.TryGetValue((province, day), out var mask))
        {
            return mask;
        }

        if (_masks.Count >= MaxMasks)
        {
            _masks.Clear();
        }

        return _masks.GetOrAdd((province, day), key => Index.Entries.Select(e => IsEligible(e, key.Province, key.Day)).ToArray());
    }

    private const int MaxMasks = 512;

    /// <summary>The entry <paramref name="id"/> as a member of <paramref name="province"/> sees it, if it is valid today.</summary>
    public KnowledgeEntry? FindEntry(string id, string? province, DateOnly day)
    {
        var entry = (province is not null ? _byId.GetValueOrDefault((province, id)) : null) ?? _byId.GetValueOrDefault((null, id));
        return entry is not null && IsEligible(entry, province, day) ? entry : null;
    }
}
