using System.Collections.Concurrent;
using Outreach.Content.ContentPacks;

namespace Outreach.Content.KnowledgeBase;

/// <summary>
/// Units' own knowledge (written by staff in the console, <see cref="KnowledgeEntry.OrgUnitId"/> set): it applies to the
/// members of the unit's subtree. For a member, an entry id is answered by the deepest unit on her path (her own unit first,
/// <see cref="AnswerRequest.UnitPath"/>) that has an entry with that id, else by the pack (national or her province's).
/// </summary>
public sealed partial class KnowledgeSnapshot
{
    private const int MaxUnitMasks = 2048;

    private readonly ConcurrentDictionary<(string? Province, DateOnly Day, string Units), bool[]> _unitMasks = new();
    private UnitPositions? _units;

    /// <summary>The approvals (<c>kb_revision</c>) this snapshot includes (0: none, or read straight from files).</summary>
    public long Revision { get; internal set; }

    private UnitPositions Units => _units ??= UnitPositions.Of(Index.Entries);

    /// <summary>
    /// Which entries of <see cref="Index"/> this member may get, by position: the pack's as <see cref="EligibleMask(string?, DateOnly)"/>
    /// says, minus those her units replaced, plus her units' own (within their dates). Kept per set of her units that own entries.
    /// </summary>
    public bool[] EligibleMask(AnswerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var baseMask = EligibleMask(request.Province, request.Today);
        var owning = request.UnitPath.Where(Units.ByUnit.ContainsKey).ToList();
        if (owning.Count == 0)
        {
            return baseMask;
        }

        var key = (request.Province, request.Today, string.Join(',', owning));
        if (_unitMasks.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (_unitMasks.Count >= MaxUnitMasks)
        {
            _unitMasks.Clear();
        }

        var mask = (bool[])baseMask.Clone();
        var decided = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in owning)
        {
            foreach (var position in Units.ByUnit[unit])
            {
                var entry = Index.Entries[position];
                if (!decided.Add(entry.Id))
                {
                    continue; // a unit below this one has its own entry with this id
                }

                mask[position] = entry.IsValidOn(request.Today);
                foreach (var replaced in Units.PackById.GetValueOrDefault(entry.Id) ?? [])
                {
                    mask[replaced] = false;
                }
            }
        }

        return _unitMasks.GetOrAdd(key, mask);
    }

    /// <summary>The entry <paramref name="id"/> as this member sees it (her units' own first), if she may get it today.</summary>
    public KnowledgeEntry? FindEntry(string id, AnswerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var mask = EligibleMask(request);
        foreach (var unit in request.UnitPath)
        {
            foreach (var position in Units.ByUnit.GetValueOrDefault(unit) ?? [])
            {
                if (mask[position] && Index.Entries[position].Id == id)
                {
                    return Index.Entries[position];
                }
            }
        }

        var packEntry = FindEntry(id, request.Province, request.Today);
        return packEntry is not null && (Units.PackById.GetValueOrDefault(id) ?? []).Any(p => mask[p] && Index.Entries[p] == packEntry)
            ? packEntry
            : null;
    }

    /// <summary>The trusted addresses and hotlines her units' staff added, as addresses to list in a crisis reply.</summary>
    public List<CommunityAddress> LocalAddresses(AnswerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.UnitPath.Count == 0)
        {
            return [];
        }

        var hotlines = Pack.Hotlines
            .Where(h => h.OrgUnitId is { } unit && request.UnitPath.Contains(unit))
            .Select(h => new CommunityAddress(h.Name, "", null, h.Number, null, null));
        return Pack.Addresses.Where(a => a.OrgUnitId is { } unit && request.UnitPath.Contains(unit)).Concat(hotlines).ToList();
    }

    // Positions of units' own entries by unit, and of the pack's entries by id (those a unit's entry replaces).
    private sealed record UnitPositions(Dictionary<long, List<int>> ByUnit, Dictionary<string, List<int>> PackById)
    {
        public static UnitPositions Of(IReadOnlyList<KnowledgeEntry> entries)
        {
            var byUnit = new Dictionary<long, List<int>>();
            var packById = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var position = 0; position < entries.Count; position++)
            {
                var entry = entries[position];
                var list = entry.OrgUnitId is { } unit
                    ? byUnit.TryGetValue(unit, out var own) ? own : byUnit[unit] = []
                    : packById.TryGetValue(entry.Id, out var same) ? same : packById[entry.Id] = [];
                list.Add(position);
            }

            return new UnitPositions(byUnit, packById);
        }
    }
}
