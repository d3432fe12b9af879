namespace Outreach.Content.Text;

/// <summary>
/// Finds a known word one edit away from a typo (a letter missing, extra, wrong or two letters swapped), by the
/// symmetric-delete method: every word and its one-letter deletions are keys, so a lookup is a handful of dictionary hits.
/// </summary>
public sealed class SpellingIndex
{
    private readonly Dictionary<string, List<string>> _byDeletion = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _frequency;

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

        return best;
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
