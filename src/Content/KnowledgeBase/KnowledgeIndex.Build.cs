using Outreach.Content.Text;

namespace Outreach.Content.KnowledgeBase;

/// <summary>
/// How an index is put together: each entry read once (<see cref="EntryTerms"/>, shared by every later index that keeps the
/// entry), then the posting lists, the statistics and the spelling index. From a previous index whose kept entries stay in
/// order, the posting lists are patched: only the lists of the terms the added or removed entries use are rebuilt; the others
/// are shared as they are (no kept entry moved) or moved to the new positions.
/// </summary>
public sealed partial class KnowledgeIndex
{
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
            var moves = previous is null ? null : Moves.Of(previous._entries.Length, before);
            if (moves is not null)
            {
                exact = Patch(previous!._exact, moves, previous._read, read, r => r.Exact);
                folded = Patch(previous._folded, moves, previous._read, read, r => r.Folded);
                words = Patch(previous._words, moves, previous._read, read, r => r.Words);
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
                reused, moves?.Changed);
        }

        // Where each entry of the previous index went (its new position, or -1 when it left), when the entries it keeps
        // stay in the same order (as the merge keeps them); null otherwise, and then every list is assembled anew.
        private sealed record Moves(int[] NewOf, int[] Added, int[] Removed, bool InPlace)
        {
            public int Changed => Added.Length + Removed.Length;

            public static Moves? Of(int previousCount, int[] before)
            {
                var newOf = new int[previousCount];
                Array.Fill(newOf, -1);
                var added = new List<int>();
                var last = -1;
                var inPlace = true;
                for (var doc = 0; doc < before.Length; doc++)
                {
                    if (before[doc] < 0)
                    {
                        added.Add(doc);
                        continue;
                    }

                    if (before[doc] <= last)
                    {
                        return null;
                    }

                    last = before[doc];
                    newOf[before[doc]] = doc;
                    inPlace &= before[doc] == doc;
                }

                var removed = Enumerable.Range(0, previousCount).Where(doc => newOf[doc] < 0).ToArray();
                return new Moves(newOf, [.. added], removed, inPlace);
            }
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

        // The previous lists with the removed entries' postings taken out, the added entries' put in and every other posting
        // moved to its entry's new position. When no kept entry moved, a list the changed entries do not use is shared as is.
        private static Dictionary<string, Posting[]> Patch(
            Dictionary<string, Posting[]> previous, Moves moves, EntryTerms[] previousRead, EntryTerms[] read,
            Func<EntryTerms, (string Term, float Tf)[]> terms)
        {
            var added = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
            var touched = new HashSet<string>(StringComparer.Ordinal);
            foreach (var doc in moves.Removed)
            {
                touched.UnionWith(terms(previousRead[doc]).Select(t => t.Term));
            }

            foreach (var doc in moves.Added)
            {
                foreach (var (term, tf) in terms(read[doc]))
                {
                    touched.Add(term);
                    (added.TryGetValue(term, out var list) ? list : added[term] = []).Add(new Posting(doc, tf));
                }
            }

            var index = new Dictionary<string, Posting[]>(previous.Count + added.Count, StringComparer.Ordinal);
            foreach (var (term, postings) in previous)
            {
                if (!touched.Contains(term))
                {
                    index[term] = moves.InPlace ? postings : Moved(postings, moves.NewOf);
                }
            }

            foreach (var term in touched)
            {
                var kept = previous.TryGetValue(term, out var postings) ? Moved(postings, moves.NewOf) : [];
                var merged = kept.Concat(added.GetValueOrDefault(term) ?? []).OrderBy(p => p.Doc).ToArray();
                if (merged.Length > 0)
                {
                    index[term] = merged;
                }
            }

            return index;
        }

        // The postings of entries still there, at their new positions (still in order: kept entries keep their order).
        private static Posting[] Moved(Posting[] postings, int[] newOf)
        {
            var moved = new List<Posting>(postings.Length);
            foreach (var posting in postings)
            {
                if (newOf[posting.Doc] >= 0)
                {
                    moved.Add(posting with { Doc = newOf[posting.Doc] });
                }
            }

            return [.. moved];
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
