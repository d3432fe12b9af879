namespace Outreach.Content.KnowledgeBase;

/// <summary>What the index reads of one entry, once: kept with the index and shared by the next one built from it.</summary>
public sealed partial class KnowledgeIndex
{
    // One entry read for the index (immutable): its exact and folded terms with their weighted frequencies (in first-seen
    // order, so postings and the spelling index's words come out in the order a build from nothing gives), its length in
    // syllables, its questions and title as folded term sets (for question coverage) and the words it uses before synonyms.
    private sealed record EntryTerms(
        (string Term, float Tf)[] Exact, (string Term, float Tf)[] Folded, float Length, string[][] Questions, string[] Words)
    {
        public static EntryTerms Of(KnowledgeEntry entry, MatchingOptions options)
        {
            var fields = entry.Questions.Append(entry.Title).Concat(entry.Keywords).Select(text => (text, 1f))
                .Append((entry.Answer, options.AnswerWeight));
            var exactTf = new Dictionary<string, float>(StringComparer.Ordinal);
            var foldedTf = new Dictionary<string, float>(StringComparer.Ordinal);
            var length = 0f;
            foreach (var (text, weight) in fields)
            {
                foreach (var term in QueryTerm.From(MatchText.Entry(text)))
                {
                    exactTf[term.Exact] = exactTf.GetValueOrDefault(term.Exact) + weight;
                    foldedTf[term.Folded] = foldedTf.GetValueOrDefault(term.Folded) + weight;
                    length += term.IsPair ? 0 : weight;
                }
            }

            var questions = entry.Questions.Append(entry.Title)
                .Select(q => QueryTerm.From(MatchText.Entry(q)).Select(t => t.Folded).Distinct(StringComparer.Ordinal).ToArray())
                .Where(q => q.Length > 0)
                .ToArray();
            var words = entry.Questions.Append(entry.Title).Concat(entry.Keywords).Append(entry.Answer)
                .Distinct(StringComparer.Ordinal)
                .SelectMany(MatchText.Vocabulary)
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            return new EntryTerms(
                exactTf.Select(kv => (kv.Key, kv.Value)).ToArray(), foldedTf.Select(kv => (kv.Key, kv.Value)).ToArray(), length, questions, words);
        }
    }
}
