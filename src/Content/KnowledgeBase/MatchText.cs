using Outreach.Content.Text;

namespace Outreach.Content.KnowledgeBase;

/// <summary>
/// Text as the matcher reads it, the same way for a member's message and for an entry: emoji read as words, an English
/// message translated to the pack's Vietnamese words (and English phrases inside a Vietnamese one: "health insurance cho con"), hotline numbers grouped, teencode and acronyms expanded (acronyms kept beside their words),
/// and every listed wording folded into the pack's (<see cref="Synonyms"/>). Spelling repair sits between the expansion and
/// the synonyms, on the member's side only (<see cref="KnowledgeIndex.Resolve"/>).
/// </summary>
public static class MatchText
{
    /// <summary>The member's message before spelling repair; <paramref name="english"/> tells whether it was English.</summary>
    public static List<TextToken> Message(string? text, out bool english)
    {
        var raw = PhoneNumbers.Split(VietnameseText.Tokenize(Emoji.ToWords(ChatParticles.Mark(text))));
        english = EnglishText.LooksEnglish(raw);
        return english ? EnglishText.Translate(raw) : ChatAbbreviations.Expand(EnglishText.TranslatePhrases(raw), keepAcronyms: true);
    }

    /// <summary>An entry's question, title, keyword or answer, ready to index.</summary>
    public static List<TextToken> Entry(string text) =>
        Synonyms.Normalize(ChatAbbreviations.Expand(PhoneNumbers.Split(VietnameseText.Tokenize(text)), keepAcronyms: true)).Tokens;

    /// <summary>The syllables an entry's text uses before synonyms are applied (for the spelling index).</summary>
    public static IEnumerable<string> Vocabulary(string text) =>
        ChatAbbreviations.Expand(VietnameseText.Tokenize(text), keepAcronyms: true).Select(t => t.Folded);
}
