using Outreach.Content.Text;

namespace Outreach.Content.KnowledgeBase;

/// <summary>
/// Whether a clause asks something: it has a question word ("gì", "sao", "đâu", "nào", "bao nhiêu", "ai", "mấy", "chưa",
/// "không" as in "có … không"). In a long message the story ("chồng mất 3 năm rồi") is context; the question decides.
/// </summary>
public static class QuestionWords
{
    private static readonly string[] Phrases =
        ["gì", "sao", "đâu", "nào", "bao nhiêu", "bao giờ", "ai", "mấy", "chưa", "không", "hả", "hở", "à", "hông", "thế nào", "làm sao"];

    private static readonly HashSet<string> Words = new(
        Phrases.SelectMany(w => VietnameseText.Tokenize(w)).Select(t => t.Folded), StringComparer.Ordinal);

    /// <summary>True when the clause has a question word (accent-folded, so "khong" and "không" both count).</summary>
    public static bool Asks(IReadOnlyList<TextToken> clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        return clause.Any(t => Words.Contains(t.Folded));
    }
}
