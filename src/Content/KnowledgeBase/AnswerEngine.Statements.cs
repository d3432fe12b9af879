using System.Runtime.CompilerServices;
using Outreach.Content.ContentPacks;
using Outreach.Content.Text;

namespace Outreach.Content.KnowledgeBase;

/// <summary>
/// A message that tells something and asks nothing (a story, then thanks or wishes; a laugh; a sigh) is small talk however
/// long it is: the small talk entry of the act it performs answers it, not the "ngoài phạm vi" fallback. The acts and their
/// wordings are texts.yaml's <c>statement_acts</c> ("smalltalk-thanks | cảm ơn | cám ơn…", the first act listed that the
/// message says wins); a message with a question of its own (a question mark, a question word ending a clause, "bao nhiêu",
/// "ai biết"…) is not a statement.
/// </summary>
public static partial class AnswerEngine
{
    /// <summary>The texts.yaml list of small talk acts.</summary>
    public const string StatementActsKey = "statement_acts";

    /// <summary>The texts.yaml list of the acts that also win over an entry matched weakly (thanks, wishes: not a greeting
    /// opening a question).</summary>
    public const string StatementActsOverEntriesKey = "statement_acts_over_entries";

    /// <summary>texts.yaml: the acts that still answer a message naming something outside the union's work (a thanks, a
    /// laugh); the others ("giết thời gian") leave it to the "ngoài phạm vi" fallback.</summary>
    public const string StatementActsOffTopicKey = "statement_acts_off_topic";

    // The small talk entry a statement's act names, when the message is a statement and says one.
    private static KnowledgeEntry? StatementSmalltalk(KnowledgeSnapshot snapshot, AnswerRequest request, List<TextToken> tokens)
    {
        // "mấy chị có coi ko" after a story asks the group, not the bot: the story is still a statement.
        if (tokens.Count == 0 || QuestionWords.AsksDirectly(QuestionWords.WithoutGroupTags(request.Text)))
        {
            return null;
        }

        // The words she wrote, and of her emoji only the faces that laugh (Emoji.ActWords): a shop's "😍 inbox em
        // nha" is an advertisement, not a laugh; "trưa nay chưa ăn gì 😂" is told laughing.
        var words = ChatAbbreviations.Expand(VietnameseText.Tokenize(ChatParticles.Mark(request.Text)), keepAcronyms: false);
        foreach (var word in Emoji.ActWords(request.Text))
        {
            words.Add(VietnameseText.MakeToken(word));
        }

        foreach (var (entryId, phrases) in ActsOf(snapshot.Texts))
        {
            if (phrases.Any(phrase => Contains(words, phrase))
                && snapshot.FindEntry(entryId, request) is { Topic: SmalltalkTopic, Action: null } entry)
            {
                return entry;
            }
        }

        return null;
    }

    // Whether the text says one of the small talk acts.
    private static bool SaysAnAct(KnowledgeSnapshot snapshot, string text)
    {
        var words = ChatAbbreviations.Expand(VietnameseText.Tokenize(ChatParticles.Mark(text)), keepAcronyms: false);
        return ActsOf(snapshot.Texts).Any(act => act.Phrases.Any(phrase => Contains(words, phrase)));
    }

    private static bool Contains(List<TextToken> tokens, TextToken[] phrase)
    {
        for (var start = 0; start + phrase.Length <= tokens.Count; start++)
        {
            var matches = true;
            for (var k = 0; k < phrase.Length && matches; k++)
            {
                var typed = tokens[start + k];
                matches = string.Equals(typed.Folded, phrase[k].Folded, StringComparison.Ordinal)
                    && (!typed.IsMarked || string.Equals(typed.Exact, phrase[k].Exact, StringComparison.Ordinal));
            }

            if (matches)
            {
                return true;
            }
        }

        return false;
    }

    // Each act as its entry id and its wordings (tokenized as a message is), read once per texts of a pack version.
    private static List<(string EntryId, List<TextToken[]> Phrases)> ActsOf(PackTexts texts) => Acts.GetValue(texts, ReadActs);

    private static readonly ConditionalWeakTable<PackTexts, List<(string, List<TextToken[]>)>> Acts = [];

    private static List<(string, List<TextToken[]>)> ReadActs(PackTexts texts) =>
        texts.Words(StatementActsKey)
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length >= 2)
            .Select(parts => (parts[0], parts.Skip(1).Select(p => ChatAbbreviations.Expand(VietnameseText.Tokenize(p), keepAcronyms: false).ToArray()).Where(p => p.Length > 0).ToList()))
            .ToList();
}
