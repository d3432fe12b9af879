using Outreach.Content.Text;

namespace Outreach.Content.UnitMatching;

public sealed partial class PlaceIndex
{
    /// <summary>What she typed, as syllables, with the joined spellings of its windows (runs of up to six syllables) cached.</summary>
    private sealed class Query
    {
        private readonly Dictionary<int, string> _windows = [];

        public Query(List<TextToken> tokens)
        {
            Tokens = tokens;
            Bigrams = [];
            for (var i = 0; i < tokens.Count; i++)
            {
                Bigrams.UnionWith(PlaceIndex.Bigrams(tokens[i].Folded));
                if (i + 1 < tokens.Count)
                {
                    Bigrams.Add((tokens[i].Folded[^1] << 16) | tokens[i + 1].Folded[0]);
                }
            }
        }

        public List<TextToken> Tokens { get; }

        /// <summary>Every letter pair of every window, word edges marked ('^', '$'): what the shortlist is chosen by.</summary>
        public HashSet<int> Bigrams { get; }

        /// <summary>
        /// The run of syllables within [from, to) that spells <paramref name="folded"/> best (one syllable more or less than it
        /// has). A run never starts with a kind word ("phường", "xã", "P") unless the name itself starts with that word
        /// (<paramref name="first"/>): the kind is read around the name, and spelling it into the name let "phường Ba Đình"
        /// pass for "Phong Bình" (3 letters dropped from "phuongbadinh").
        /// </summary>
        public (double Similarity, int Start, int Length) BestWindow(string folded, int syllables, int from, int to, string? first = null)
        {
            var best = (Similarity: -1.0, Start: from, Length: 0);
            for (var start = Math.Max(0, from); start < to; start++)
            {
                if (first is not null && Tokens[start].Folded != first && PlaceWords.KindAt(Tokens, start))
                {
                    continue;
                }

                for (var length = Math.Max(1, syllables - 1); length <= syllables + 1 && start + length <= to && length <= 6; length++)
                {
                    var window = Window(start, length);

                    // A length gap alone beyond 40 % of the longer spelling already puts it under the minimum similarity.
                    if (Math.Abs(window.Length - folded.Length) > (1 - MinimumSimilarity) * Math.Max(window.Length, folded.Length))
                    {
                        continue;
                    }

                    var similarity = EditDistance.Similarity(window, folded);
                    if (similarity > best.Similarity || (similarity == best.Similarity && length == syllables))
                    {
                        best = (similarity, start, length);
                    }
                }
            }

            return best;
        }

        /// <summary>The best spelling of <paramref name="folded"/> by syllables outside [excludeFrom, excludeTo), and its letters.</summary>
        public (double Similarity, int Letters) BestOutside(string folded, int syllables, int excludeFrom, int excludeTo)
        {
            var before = BestWindow(folded, syllables, 0, Math.Max(0, excludeFrom));
            var after = BestWindow(folded, syllables, excludeTo, Tokens.Count);
            var best = before.Similarity >= after.Similarity ? before : after;
            return (best.Similarity, best.Length == 0 ? 0 : Letters(best.Start, best.Length));
        }

        /// <summary>The letters of the syllables [start, start + length).</summary>
        public int Letters(int start, int length)
        {
            var letters = 0;
            for (var i = start; i < start + length; i++)
            {
                letters += Tokens[i].Folded.Length;
            }

            return letters;
        }

        private string Window(int start, int length)
        {
            var key = (start << 3) | length;
            if (!_windows.TryGetValue(key, out var text))
            {
                text = string.Concat(Tokens.Skip(start).Take(length).Select(t => t.Folded));
                _windows[key] = text;
            }

            return text;
        }
    }
}
