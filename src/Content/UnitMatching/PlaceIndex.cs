using Outreach.Content.Dvhc;
using Outreach.Content.Text;

namespace Outreach.Content.UnitMatching;

/// <summary>
/// Matches what a member types for her commune or ward against the units of one province: their current names, the names
/// of units merged into them, and, through the 2025 reform's mapping, the old communes and districts that went into them
/// (a split old commune offers each successor). Names are compared on accent-folded syllables (<see cref="VietnameseText"/>)
/// joined without spaces, so "dong xoai", "Đồng Xoài" and "dongxoai" agree; a typo costs by edit distance; the words around
/// the name may say its kind ("xã", "P.", "TT") and, for an old commune, its old district. Built once per province and
/// tree version (<see cref="PlaceIndexStore"/>); a lookup is in memory: a bigram index picks the few names worth comparing.
/// </summary>
public sealed partial class PlaceIndex
{
    private const int Shortlist = 16;
    private const double MinimumSimilarity = 0.6;

    private readonly List<PlaceEntry> _entries;
    private readonly Dictionary<int, int[]> _bigrams;
    private readonly double[] _norms;
    private readonly Dictionary<long, string> _unitNames;

    private readonly DvhcData? _data;
    private readonly string? _provinceCode;

    private PlaceIndex(List<PlaceEntry> entries, Dictionary<long, string> unitNames, DvhcData? data, string? provinceCode)
    {
        _data = data;
        _provinceCode = provinceCode;
        _entries = entries;
        _unitNames = unitNames;
        _norms = entries.Select(e => Math.Sqrt(Bigrams(e.Folded).Count)).ToArray();
        _bigrams = entries.SelectMany((e, i) => Bigrams(e.Folded).Select(b => (b, i)))
            .GroupBy(x => x.b).ToDictionary(g => g.Key, g => g.Select(x => x.i).ToArray());
    }

    /// <summary>How many names the index knows (current, merged, old communes, old districts).</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// The province of the 2025 data, other than this index's own, whose name she wrote ("phuong ba dinh ha noi" → Hà Nội), so
    /// a dialog that found nothing here can tell her the place is in another province; null when she named none, or several.
    /// </summary>
    public DvhcProvince? OtherProvinceNamed(string? typed)
    {
        if (_data is null || string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var named = UnitProvince.Of(_data, typed, null, null);
        return named is not null && named.Code != _provinceCode ? named : null;
    }

    /// <summary>The best <paramref name="max"/> units for what she typed, best first; empty when nothing is close enough.</summary>
    public IReadOnlyList<PlaceMatch> Match(string? typed, int max = 5)
    {
        var tokens = VietnameseText.Tokenize(typed);
        if (tokens.Count == 0)
        {
            return [];
        }

        if (tokens.Count > 16)
        {
            tokens = tokens.GetRange(0, 16);
        }

        var query = new Query(tokens);
        var best = new Dictionary<long, (double Rank, PlaceMatch Match)>();
        foreach (var index in Shortlisted(query))
        {
            var entry = _entries[index];
            var rank = Score(entry, query);
            if (rank <= 0)
            {
                continue;
            }

            foreach (var unit in entry.Units)
            {
                if (!best.TryGetValue(unit, out var current) || current.Rank < rank)
                {
                    var score = Math.Round(Math.Min(1.0, rank), 4);
                    best[unit] = (rank, new PlaceMatch(unit, _unitNames[unit], score, entry.MatchKind, entry.Display, entry.IsSplit));
                }
            }
        }

        return best.Values.OrderByDescending(m => m.Rank).ThenBy(m => m.Match.Kind).ThenBy(m => m.Match.UnitName, StringComparer.Ordinal)
            .Take(max).Select(m => m.Match).ToList();
    }

    // The entries sharing the most letter pairs with what she typed (relative to their own length): a counting pass over
    // the pairs' postings, then the best few kept in a small sorted array. No allocation but the counters.
    private int[] Shortlisted(Query query)
    {
        var counts = new int[_entries.Count];
        var touched = new List<int>(64);
        foreach (var bigram in query.Bigrams)
        {
            if (_bigrams.TryGetValue(bigram, out var postings))
            {
                foreach (var entry in postings)
                {
                    if (counts[entry]++ == 0)
                    {
                        touched.Add(entry);
                    }
                }
            }
        }

        var size = Math.Min(Shortlist, touched.Count);
        var best = new int[size];
        var bestValue = new double[size];
        var filled = 0;
        foreach (var entry in touched)
        {
            var value = counts[entry] / _norms[entry];
            if (filled == size && value <= bestValue[size - 1])
            {
                continue;
            }

            var at = filled < size ? filled++ : size - 1;
            while (at > 0 && bestValue[at - 1] < value)
            {
                best[at] = best[at - 1];
                bestValue[at] = bestValue[at - 1];
                at--;
            }

            best[at] = entry;
            bestValue[at] = value;
        }

        return best;
    }

    // The window's similarity, nudged by the kind word before it, the diacritics she typed, the old district she named, and
    // how much of what she typed the name explains (so "Tam Dương Bắc" beats "Tam Dương" for "tam duong bac"); then weighted
    // by the kind of name. Above 1 only for ranking: the score shown is capped at 1.
    private static double Score(PlaceEntry entry, Query query)
    {
        var (similarity, start, length) = query.BestWindow(entry.Folded, entry.TokenCount, 0, query.Tokens.Count, entry.Tokens[0].Folded);
        if (similarity < MinimumSimilarity)
        {
            return 0;
        }

        var score = similarity;
        var (kind, kindLength) = PlaceWords.KindBefore(query.Tokens, start);
        if (kind is not null && entry.Kind is not null)
        {
            score += PlaceWords.SameKind(kind, entry.Kind) ? 0.03 : -0.03;
        }

        score += DiacriticsBonus(entry, query, start, length);
        var explained = query.Letters(start, length);
        if (entry.DistrictFolded is not null)
        {
            var district = query.BestOutside(entry.DistrictFolded, entry.DistrictTokens, start - kindLength, start + length);
            if (district.Similarity >= 0.8)
            {
                score += 0.06 * district.Similarity;
                explained += district.Letters;
            }
        }

        score += 0.05 * explained / query.Letters(0, query.Tokens.Count);
        return score * entry.Weight;
    }

    // Typed with marks: the same marks confirm the name; other marks on the same letters ("Thạnh" for "Thành") count against it.
    private static double DiacriticsBonus(PlaceEntry entry, Query query, int start, int length)
    {
        if (length != entry.TokenCount || !query.Tokens.Skip(start).Take(length).Any(t => t.IsMarked))
        {
            return 0;
        }

        var same = 0;
        for (var i = 0; i < length; i++)
        {
            var typed = query.Tokens[start + i];
            var expected = entry.Tokens[i];
            if (typed.IsMarked && typed.Exact != expected.Exact && typed.Folded == expected.Folded)
            {
                return -0.04;
            }

            same += typed.Exact == expected.Exact ? 1 : 0;
        }

        return same == length ? 0.02 : 0;
    }

    internal static HashSet<int> Bigrams(string folded)
    {
        var set = new HashSet<int>();
        var padded = "^" + folded + "$";
        for (var i = 0; i + 1 < padded.Length; i++)
        {
            set.Add((padded[i] << 16) | padded[i + 1]);
        }

        return set;
    }
}
