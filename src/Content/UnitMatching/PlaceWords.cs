using Outreach.Content.Text;

namespace Outreach.Content.UnitMatching;

/// <summary>
/// The words around a place name: the kind of unit (xã, phường, thị trấn, đặc khu, and huyện, quận, thị xã, thành phố for
/// old districts), with the abbreviations people write (P., X., TT, F, TP, Q., H., TX), and the union's own prefix ("Hội
/// LHPN …") that unit names carry. All compared on accent-folded tokens (<see cref="VietnameseText"/>).
/// </summary>
internal static class PlaceWords
{
    // Folded word sequences → the kind they name.
    private static readonly (string[] Words, string Kind)[] Kinds =
    [
        (["xa"], "xã"), (["x"], "xã"), (["phuong"], "phường"), (["p"], "phường"), (["f"], "phường"), (["ph"], "phường"),
        (["thi", "tran"], "thị trấn"), (["tt"], "thị trấn"), (["dac", "khu"], "đặc khu"), (["dk"], "đặc khu"),
        (["huyen"], "huyện"), (["h"], "huyện"), (["quan"], "quận"), (["q"], "quận"), (["thi", "xa"], "thị xã"), (["tx"], "thị xã"),
        (["thanh", "pho"], "thành phố"), (["tp"], "thành phố"), (["tinh"], "tỉnh"),
    ];

    private static readonly string[][] UnionPrefixes =
    [
        ["hoi", "lien", "hiep", "phu", "nu"], ["hoi", "lhpn"], ["hoi", "phu", "nu"], ["hlhpn"], ["lhpn"], ["hpn"], ["hoi"],
    ];

    /// <summary>The kind named by the tokens ending just before <paramref name="end"/> (and how many tokens it took), if any.</summary>
    public static (string? Kind, int Length) KindBefore(IReadOnlyList<TextToken> tokens, int end)
    {
        foreach (var (words, kind) in Kinds)
        {
            if (end - words.Length >= 0 && Matches(tokens, end - words.Length, words))
            {
                return (kind, words.Length);
            }
        }

        return (null, 0);
    }

    /// <summary>True when the tokens from <paramref name="at"/> on start with a kind word ("phường", "xã", "P", "thị trấn"…).</summary>
    public static bool KindAt(IReadOnlyList<TextToken> tokens, int at)
    {
        foreach (var (words, _) in Kinds)
        {
            if (at + words.Length <= tokens.Count && Matches(tokens, at, words))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A unit's name without the union's prefix and its kind: "Hội LHPN phường Đồng Xoài" → ("phường", Đồng Xoài).</summary>
    public static (string? Kind, List<TextToken> Name) SplitName(string name)
    {
        var tokens = VietnameseText.Tokenize(name);
        var start = 0;
        foreach (var prefix in UnionPrefixes)
        {
            if (tokens.Count > prefix.Length && Matches(tokens, 0, prefix))
            {
                start = prefix.Length;
                break;
            }
        }

        foreach (var (words, kind) in Kinds)
        {
            if (words[0].Length > 1 && tokens.Count - start > words.Length && Matches(tokens, start, words))
            {
                return (kind, tokens.GetRange(start + words.Length, tokens.Count - start - words.Length));
            }
        }

        return (null, tokens.GetRange(start, tokens.Count - start));
    }

    /// <summary>Does the member's kind word agree with the place's (a ward typed as "xã" does not)?</summary>
    public static bool SameKind(string typed, string place) =>
        typed == place || (typed == "thành phố" && place == "tỉnh") || (typed == "tỉnh" && place == "thành phố");

    private static bool Matches(IReadOnlyList<TextToken> tokens, int at, string[] words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (tokens[at + i].Folded != words[i])
            {
                return false;
            }
        }

        return true;
    }
}
