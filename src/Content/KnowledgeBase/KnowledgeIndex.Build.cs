using Outreach.Content.Text;

namespace Outreach.Content.KnowledgeBase;

/// <summary>
/// How an index is put together: each entry read once (<see cref="EntryTerms"/>, shared by every later index that keeps the
/// entry), then the posting lists, the statistics and the spelling index. From a previous index with only a few positions
/// changed, the posting lists are patched: a term none of the changed entries uses keeps its list (the same array).
/// </summary>
public sealed partial class KnowledgeIndex
{
    // More changed positions than this (a withdrawal in the middle shifts every later entry) and the lists are assembled anew.
    private const int MaxPatchedPositions = 64;

    // One entry read for the index (immutable): its exact and folded terms with their weighted frequencies (in first-seen
    // order), its length in syllables, its questions and title as folded term sets (for question coverage) and the words it
    // uses before synonyms (for the spelling index).
    private sealed record EntryTerms(
        (string Term, float Tf)[] Exact, (string Term, float Tf)[] Folded, float Length, string[][] Questions, (string Term, float Tf)[] Words)
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
                .Where(w => w.Length > 0 && !char.IsAsciiDigit(w[0]))
                .Distinct(StringComparer.Ordinal)
                .Select(w => (w, 0f))
                .ToArray();
            return new EntryTerms(
                exactTf.Select(kv => (kv.Key, kv.Value)).ToArray(), foldedTf.Select(kv => (kv.Key, kv.Value)).ToArray(), length, questions, words);
        }
    }

    private sealed record Built(
        KnowledgeEntry[] Entries, EntryTerms[] Read, Dictionary<string, Posting[]> Exact, Dictionary<string, Posting[]> Folded,
        Dictionary<string, Posting[]> Words, float[] LengthNorm, Dictionary<string, int> Vocabulary, SpellingIndex Spelling,
        Dictionary<string, int> TermIds, int[][][] Questions);

    private static class Builder
    {
        public static (Built Built, int Reused, int? Patched) Build(KnowledgeEntry[] entries, MatchingOptions options, KnowledgeIndex? previous)
        {
            var read = new EntryTerms[entries.Length];
            var before = new int[entries.Length]; // the entry's position in previous, or -1
            var reused = 0;
            for (var doc = 0; doc < entries.Length; doc++)
            {
                before[doc] = previous is not null && previous._docOf.TryGetValue(entries[doc], out var at) ? at : -1;
                read[doc] = before[doc] >= 0 ? previous!._read[before[doc]] : EntryTerms.Of(entries[doc], options);
                reused += before[doc] >= 0 ? 1 : 0;
            }

            Dictionary<string, Posting[]> exact, folded, words;
            var changed = previous is null ? null : ChangedPositions(previous._entries, entries);
            if (changed is not null)
            {
                exact = Patch(previous!._exact, changed, previous._read, read, r => r.Exact);
                folded = Patch(previous._folded, changed, previous._read, read, r => r.Folded);
                words = Patch(previous._words, changed, previous._read, read, r => r.Words);
            }
            else
            {
                exact = Assemble(read, r => r.Exact);
                folded = Assemble(read, r => r.Folded);
                words = Assemble(read, r => r.Words);
            }

            var lengths = read.Select(r => r.Length).ToArray();
            var average = lengths.Length == 0 ? 1 : Math.Max(1, lengths.Average());
            var lengthNorm = lengths.Select(l => options.K1 * (1 - options.B + options.B * l / average)).ToArray();
            var vocabulary = Vocabulary(read, folded, words);
            var spelling = previous is not null && SameWords(previous._vocabulary, vocabulary)
                ? previous._spelling.WithFrequencies(vocabulary)
                : new SpellingIndex(vocabulary);

            // Term numbers: the previous index's, with new terms after them, so unchanged entries keep their question numbers.
            var termIds = previous is null
                ? new Dictionary<string, int>(folded.Count, StringComparer.Ordinal)
                : new Dictionary<string, int>(previous._termIds, StringComparer.Ordinal);
            foreach (var term in folded.Keys)
            {
                termIds.TryAdd(term, termIds.Count);
            }

            var questions = new int[entries.Length][][];
            for (var doc = 0; doc < entries.Length; doc++)
            {
                questions[doc] = before[doc] >= 0
                    ? previous!._questions[before[doc]]
                    : read[doc].Questions.Select(q => q.Select(term => termIds[term]).ToArray()).ToArray();
            }

            return (new Built(entries, read, exact, folded, words, lengthNorm, vocabulary, spelling, termIds, questions),
                reused, changed?.Count);
        }

        // Positions whose entry is not the one previous had there (or that only one of them has); null when there are too many.
        private static List<int>? ChangedPositions(KnowledgeEntry[] previous, KnowledgeEntry[] entries)
        {
            var changed = new List<int>();
            for (var doc = 0; doc < Math.Max(previous.Length, entries.Length); doc++)
            {
                if (doc >= previous.Length || doc >= entries.Length || !ReferenceEquals(previous[doc], entries[doc]))
                {
                    changed.Add(doc);
                    if (changed.Count > MaxPatchedPositions)
                    {
                        return null;
                    }
                }
            }

            return changed;
        }

        // Every posting list from the entries, in order: a term's postings by document.
        private static Dictionary<string, Posting[]> Assemble(EntryTerms[] read, Func<EntryTerms, (string Term, float Tf)[]> terms)
        {
            var index = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
            for (var doc = 0; doc < read.Length; doc++)
            {
                foreach (var (term, tf) in terms(read[doc]))
                {
                    if (!index.TryGetValue(term, out var postings))
                    {
                        postings = [];
                        index[term] = postings;
                    }

                    postings.Add(new Posting(doc, tf));
                }
            }

            return index.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        }

        // The previous lists with the changed positions' postings taken out and the new entries' put in; other lists shared.
        private static Dictionary<string, Posting[]> Patch(
            Dictionary<string, Posting[]> previous, List<int> changed, EntryTerms[] previousRead, EntryTerms[] read,
            Func<EntryTerms, (string Term, float Tf)[]> terms)
        {
            var isChanged = new HashSet<int>(changed);
            var added = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
            var touched = new HashSet<string>(StringComparer.Ordinal);
            foreach (var doc in changed)
            {
                if (doc < previousRead.Length)
                {
                    touched.UnionWith(terms(previousRead[doc]).Select(t => t.Term));
                }

                if (doc < read.Length)
                {
                    foreach (var (term, tf) in terms(read[doc]))
                    {
                        touched.Add(term);
                        (added.TryGetValue(term, out var list) ? list : added[term] = []).Add(new Posting(doc, tf));
                    }
                }
            }

            var index = new Dictionary<string, Posting[]>(previous, StringComparer.Ordinal);
            foreach (var term in touched)
            {
                var kept = previous.GetValueOrDefault(term) ?? [];
                var postings = kept.Where(p => !isChanged.Contains(p.Doc)).Concat(added.GetValueOrDefault(term) ?? []).OrderBy(p => p.Doc).ToArray();
                if (postings.Length == 0)
                {
                    index.Remove(term);
                }
                else
                {
                    index[term] = postings;
                }
            }

            return index;
        }

        // The spelling index's known words with how many entries use them, in the order a scan of the entries meets them:
        // what the entries say after synonyms (single words), then the words they use before synonyms, then every listed synonym.
        // A word's place is its first entry (its first posting) and its place in that entry, so patched lists give the same order.
        private static Dictionary<string, int> Vocabulary(EntryTerms[] read, Dictionary<string, Posting[]> folded, Dictionary<string, Posting[]> words)
        {
            var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
            var singles = folded.Where(kv => !kv.Key.Contains(' ', StringComparison.Ordinal) && !char.IsAsciiDigit(kv.Key[0]));
            foreach (var word in InScanOrder(read, singles.ToDictionary(kv => kv.Key, kv => kv.Value[0].Doc, StringComparer.Ordinal), r => r.Folded))
            {
                vocabulary[word] = folded[word].Length;
            }

            var unseen = words.Where(kv => !vocabulary.ContainsKey(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value[0].Doc, StringComparer.Ordinal);
            foreach (var word in InScanOrder(read, unseen, r => r.Words))
            {
                vocabulary[word] = 1;
            }

            foreach (var word in Synonyms.Vocabulary)
            {
                if (word.Length > 0 && !char.IsAsciiDigit(word[0]))
                {
                    vocabulary.TryAdd(word, 1);
                }
            }

            return vocabulary;
        }

        // The words, each at its first entry, in entry order and then in the order that entry lists them.
        private static IEnumerable<string> InScanOrder(EntryTerms[] read, Dictionary<string, int> firstDoc, Func<EntryTerms, (string Term, float Tf)[]> terms)
        {
            foreach (var doc in firstDoc.Values.Distinct().Order())
            {
                foreach (var (term, _) in terms(read[doc]))
                {
                    if (firstDoc.TryGetValue(term, out var first) && first == doc)
                    {
                        yield return term;
                    }
                }
            }
        }

        // The same known words in the same order: the spelling index would list them the same way (only the counts may differ).
        private static bool SameWords(Dictionary<string, int> before, Dictionary<string, int> now) =>
            before.Count == now.Count && before.Keys.SequenceEqual(now.Keys, StringComparer.Ordinal);
    }
}
