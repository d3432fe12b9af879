namespace Outreach.Content.Text;

/// <summary>
/// Tells a short English message ("help my husband is beating me", "what is the hotline number") from Vietnamese typed
/// without accents: it counts words that are common in English and are not Vietnamese syllables ("me" is mẹ, "no" is nó,
/// "an" is ăn, so they do not count).
/// </summary>
public static class EnglishText
{
    private static readonly HashSet<string> Words = new(
        ["help", "my", "the", "husband", "right", "now", "what", "please", "she", "her", "him", "want", "someone", "is", "are", "was",
         "of", "and", "for", "how", "where", "who", "can", "could", "number", "call", "hotline", "police", "wife", "child", "children",
         "daughter", "son", "kill", "going", "there", "you", "your", "it", "this", "that", "with", "has", "have", "not", "fire",
         "flood", "took", "pills", "drank", "swallowed", "am", "i", "we", "our", "they", "does", "did", "any", "about", "women",
         "woman", "union", "violence", "domestic", "abuse", "abused", "beating", "beats", "hits", "hitting", "hurt", "safe",
         "shelter", "emergency", "phone", "line", "free", "get", "need", "would", "like", "know", "if", "from", "be", "been",
         "here", "which", "when", "why", "should", "will", "just", "very", "much", "many", "loan", "insurance", "health",
         "thanks", "thank", "hello", "hi", "yes", "okay", "bye", "vietnam", "vietnamese", "english", "speak"],
        StringComparer.Ordinal);

    /// <summary>True when at least two of the tokens, and at least half of them, are English words.</summary>
    public static bool LooksEnglish(IReadOnlyList<TextToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var words = tokens.Count(t => !t.IsNumber);
        var english = tokens.Count(t => !t.IsMarked && Words.Contains(t.Exact));
        return english >= 2 && english * 2 >= words;
    }

    /// <summary>True when <paramref name="token"/> is one of the English words counted.</summary>
    public static bool IsEnglishWord(TextToken token) => !token.IsMarked && Words.Contains(token.Exact);
}
