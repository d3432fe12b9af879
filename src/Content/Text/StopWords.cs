namespace Outreach.Content.Text;

/// <summary>
/// The few particles that carry no intent (DOMAIN.md §5.4), southern and central ones too ("nè", "nghen", "rứa", "hỉ"). Deliberately short: negation, pronouns ("con tôi", "em"),
/// "bị", "gì", "bao nhiêu", "thế" (thế chấp) and the like stay, because they mark who is at risk and what is asked.
/// </summary>
public static class StopWords
{
    private static readonly HashSet<string> Marked = new(
        new[] { "ạ", "ơi", "nhé", "à", "hả", "hở", "nhỉ", "ư", "vậy", "chứ", "nhá", "dạ", "vâng", "ơ", "ạh", "nhen", "nè", "nghen", "hỉ", "rứa", "hen" }
            .Select(w => VietnameseText.MakeToken(w).Exact),
        StringComparer.Ordinal);

    // Unaccented particles that are not also common words ("vay" is vay vốn, "co" is có, "da" is da/đã).
    private static readonly HashSet<string> Unmarked = new(["oi", "nhe", "nha", "ha", "nhi", "admin", "ak", "nhen", "ne", "nghen", "hen"], StringComparer.Ordinal);

    // Pronouns and forms of address: kept (they mark who is at risk, DOMAIN.md §5.4) but weighed lightly when matching.
    // Typed with accents they are unambiguous; typed plain only those that fold to nothing else count ("co" is also "có").
    private static readonly HashSet<string> Address = new(
        new[] { "em", "chị", "anh", "tôi", "mình", "bà", "ông", "cô", "chú", "bác", "cháu", "các", "bạn", "tao", "tớ", "tui", "bả", "ổng", "má", "mạ", "tía" }
            .Select(w => VietnameseText.MakeToken(w).Exact),
        StringComparer.Ordinal);

    private static readonly HashSet<string> PlainAddress = new(["em", "anh", "toi", "minh", "chau", "cac", "tao", "ad", "tui"], StringComparer.Ordinal);

    /// <summary>True for a pronoun or form of address ("bà", "các cháu", "cô").</summary>
    public static bool IsFormOfAddress(TextToken token) =>
        token.IsMarked ? Address.Contains(token.Exact) : PlainAddress.Contains(token.Folded);

    /// <summary>True for a particle to ignore.</summary>
    public static bool IsStopWord(TextToken token) =>
        token.IsMarked ? Marked.Contains(token.Exact) : Unmarked.Contains(token.Folded) || Marked.Contains(token.Exact);
}
