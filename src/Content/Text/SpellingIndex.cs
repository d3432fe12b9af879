namespace Outreach.Content.Text;

/// <summary>
/// Finds a known word one edit away from a typo (a letter missing, extra, wrong or two letters swapped), by the
/// symmetric-delete method: every word and its one-letter deletions are keys, so a lookup is a handful of dictionary hits.
/// A long word further off is matched by its character bigrams (most of them shared); two syllables typed without the
/// space between them ("vayvon") are split.
/// </summary>
public sealed class SpellingIndex
{
    private const int NGramMinLength = 7;
    private const double NGramMinSimilarity = 0.7;

    private readonly Dictionary<string, List<string>> _byDeletion = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _byBigram = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _frequency;

    private SpellingIndex(SpellingIndex words, IReadOnlyDictionary<string, int> frequency)
    {
        _byDeletion = words._byDeletion;
        _byBigram = words._byBigram;
        _frequency = new Dictionary<string, int>(frequency, StringComparer.Ordinal);
        MinLength = words.MinLength;
    }

    /// <param name="frequency">Known words (accent-folded) and how many documents use them; the commoner wins a tie.</param>
    public SpellingIndex(IReadOnlyDictionary<string, int> frequency, int minLength = 4)
    {
        ArgumentNullException.ThrowIfNull(frequency);
        _frequency = new Dictionary<string, int>(frequency, StringComparer.Ordinal);
        MinLength = minLength;
        foreach (var word in frequency.Keys.Where(w => w.Length >= minLength - 1))
        {
            foreach (var key in Variants(word))
            {
                if (!_byDeletion.TryGetValue(key, out var words))
                {
                    words = [];
                    _byDeletion[key] = words;
                }

                words.Add(word);
            }
        }

        foreach (var word in frequency.Keys.Where(w => w.Length >= NGramMinLength - 2))
        {
            foreach (var bigram in Bigrams(word).Distinct(StringComparer.Ordinal))
            {
                if (!_byBigram.TryGetValue(bigram, out var words))
                {
                    words = [];
                    _byBigram[bigram] = words;
                }

                words.Add(word);
            }
        }
    }

    /// <summary>
    /// This index with other counts for the same words, in the same order (what a build from <paramref name="frequency"/> would
    /// give): the deletion and bigram tables, which depend only on the words, are shared, never changed.
    /// </summary>
    public SpellingIndex WithFrequencies(IReadOnlyDictionary<string, int> frequency)
    {
        ArgumentNullException.ThrowIfNull(frequency);
        return new SpellingIndex(this, frequency);
    }

    /// <summary>Words shorter than this are never corrected (too many neighbours).</summary>
    public int MinLength { get; }

    public bool Contains(string word) => _frequency.ContainsKey(word);

    /// <summary>The commonest known word within one edit of <paramref name="typed"/>, if any.</summary>
    public string? Correct(string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        if (typed.Length < MinLength || _frequency.ContainsKey(typed))
        {
            return null;
        }

        string? best = null;
        foreach (var key in Variants(typed))
        {
            if (!_byDeletion.TryGetValue(key, out var words))
            {
                continue;
            }

            foreach (var word in words)
            {
                if (IsOneEdit(typed, word) && (best is null || _frequency[word] > _frequency[best]))
                {
                    best = word;
                }
            }
        }

        return best ?? (typed.Length >= NGramMinLength ? ClosestByBigrams(typed) : null);
    }

    /// <summary>Two known words that, written together, make <paramref name="typed"/> ("vayvon" → "vay", "von"), if any.</summary>
    public (string First, string Second)? Split(string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        (string, string)? best = null;
        var bestScore = 0;
        for (var cut = 2; cut <= typed.Length - 2; cut++)
        {
            var first = typed[..cut];
            var second = typed[cut..];
            if (_frequency.TryGetValue(first, out var a) && _frequency.TryGetValue(second, out var b) && Math.Min(a, b) > bestScore)
            {
                best = (first, second);
                bestScore = Math.Min(a, b);
            }
        }

        return best;
    }

    // The known word sharing the most character bigrams (Dice coefficient), when most of them are shared.
    private string? ClosestByBigrams(string typed)
    {
        var typedBigrams = Bigrams(typed).ToList();
        var shared = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var bigram in typedBigrams.Distinct(StringComparer.Ordinal))
        {
            foreach (var word in _byBigram.GetValueOrDefault(bigram) ?? [])
            {
                shared[word] = shared.GetValueOrDefault(word) + 1;
            }
        }

        string? best = null;
        var bestSimilarity = NGramMinSimilarity;
        foreach (var (word, count) in shared)
        {
            var similarity = 2.0 * count / (typedBigrams.Distinct(StringComparer.Ordinal).Count() + Bigrams(word).Distinct(StringComparer.Ordinal).Count());
            if (Math.Abs(word.Length - typed.Length) <= 2 && (similarity > bestSimilarity
                || (similarity == bestSimilarity && best is not null && _frequency[word] > _frequency[best])))
            {
                best = word;
                bestSimilarity = similarity;
            }
        }

        return best;
    }

    private static IEnumerable<string> Bigrams(string word)
    {
        for (var i = 0; i + 1 < word.Length; i++)
        {
            yield return word.Substring(i, 2);
        }
    }

    private static IEnumerable<string> Variants(string word)
    {
        yield return word;
        for (var i = 0; i < word.Length; i++)
        {
            yield return string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
        }
    }

    // Optimal string alignment distance ≤ 1: one insertion, deletion, substitution or adjacent swap.
    private static bool IsOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1 || a == b)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (a.Length == b.Length)
        {
            return a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1))
                || (i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2)));
        }

        return a.Length > b.Length ? a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i)) : a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
    }
}
