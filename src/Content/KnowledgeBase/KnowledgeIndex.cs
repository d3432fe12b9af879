using Outreach.Content.Text;

namespace Outreach.Content.KnowledgeBase;

/// <summary>
/// A ranked index of the entries (BM25 over syllables and syllable pairs), built once per pack version and read by any
/// number of turns at once. Each term is indexed twice: exact (with accents, tone kept apart) and folded (plain ASCII), so a
/// member's accents count when she types them ("chồng" outranks "chống") and unaccented text still finds its entry.
/// </summary>
public sealed partial class KnowledgeIndex
{
    private readonly KnowledgeEntry[] _entries;
    private readonly Dictionary<string, Posting[]> _exact;
    private readonly Dictionary<string, Posting[]> _folded;
    private readonly float[] _lengthNorm;
    private readonly SpellingIndex _spelling;
    private readonly (int Term, float Information)[][][] _questions;
    private readonly Dictionary<string, int> _termIds;
    private readonly Dictionary<KnowledgeEntry, int> _docOf;
    private readonly MatchingOptions _options;
    private readonly float _maxInformation;
    private readonly Dictionary<string, int> _vocabulary;
    private readonly EntryTerms[] _read;

    private KnowledgeIndex(
        KnowledgeEntry[] entries, Dictionary<string, Posting[]> exact, Dictionary<string, Posting[]> folded, float[] lengthNorm,
        SpellingIndex spelling, Dictionary<string, int> vocabulary, EntryTerms[] read, MatchingOptions options)
    {
        _entries = entries;
        _folded = folded;
        _options = options;
        _maxInformation = Information(1);
        // Each question's terms (as numbers: the folded index's keys in order) with their information, fixed for this pack version.
        _termIds = new Dictionary<string, int>(folded.Count, StringComparer.Ordinal);
        foreach (var term in folded.Keys)
        {
            _termIds[term] = _termIds.Count;
        }

        _docOf = new Dictionary<KnowledgeEntry, int>(entries.Length, ReferenceEqualityComparer.Instance);
        for (var doc = 0; doc < entries.Length; doc++)
        {
            _docOf[entries[doc]] = doc;
        }

        _questions = read
            .Select(entry => entry.Questions.Select(question => question
                .Where(folded.ContainsKey)
                .Select(term => (_termIds[term], Information(folded[term].Length)))
                .ToArray()).ToArray())
            .ToArray();

        _exact = exact;
        _lengthNorm = lengthNorm;
        _spelling = spelling;
        _vocabulary = vocabulary;
        _read = read;
    }

    public IReadOnlyList<KnowledgeEntry> Entries => _entries;

    public MatchingOptions Options => _options;

    public static KnowledgeIndex Build(IReadOnlyList<KnowledgeEntry> entries, MatchingOptions? options = null) =>
        Build(entries, options, previous: null);

    /// <summary>
    /// As <see cref="Build(IReadOnlyList{KnowledgeEntry}, MatchingOptions?)"/>, reusing what <paramref name="previous"/> already read
    /// of the entries it shares with <paramref name="entries"/> (the same <see cref="KnowledgeEntry"/> objects): their terms,
    /// lengths, questions and words are not tokenized again, only the pooled statistics (document frequencies, average length,
    /// the spelling index) are recomputed. The result is the index a build from nothing gives.
    /// </summary>
    public static KnowledgeIndex Build(IReadOnlyList<KnowledgeEntry> entries, MatchingOptions? options, KnowledgeIndex? previous)
    {
        ArgumentNullException.ThrowIfNull(entries);
        options ??= MatchingOptions.Default;
        var reusable = previous is not null && previous._options == options ? previous : null;
        var read = new EntryTerms[entries.Count];
        var reused = 0;
        for (var doc = 0; doc < entries.Count; doc++)
        {
            if (reusable is not null && reusable._docOf.TryGetValue(entries[doc], out var before))
            {
                read[doc] = reusable._read[before];
                reused++;
            }
            else
            {
                read[doc] = EntryTerms.Of(entries[doc], options);
            }
        }

        var exact = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        var folded = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        var lengths = new float[entries.Count];
        for (var doc = 0; doc < entries.Count; doc++)
        {
            AddPostings(exact, read[doc].Exact, doc);
            AddPostings(folded, read[doc].Folded, doc);
            lengths[doc] = read[doc].Length;
        }

        var average = lengths.Length == 0 ? 1 : Math.Max(1, lengths.Average());
        var lengthNorm = lengths.Select(l => options.K1 * (1 - options.B + options.B * l / average)).ToArray();
        // Known words: what the entries say (before synonyms fold "heo" into "lợn") and every listed synonym, so a word the
        // matcher understands is never "corrected" into another.
        var vocabulary = folded.Where(kv => !kv.Key.Contains(' ', StringComparison.Ordinal) && !char.IsAsciiDigit(kv.Key[0]))
            .ToDictionary(kv => kv.Key, kv => kv.Value.Count, StringComparer.Ordinal);
        foreach (var word in read.SelectMany(r => r.Words).Concat(Synonyms.Vocabulary))
        {
            if (word.Length > 0 && !char.IsAsciiDigit(word[0]))
            {
                vocabulary.TryAdd(word, 1);
            }
        }

        var spelling = reusable is not null && reusable._vocabulary.Count == vocabulary.Count && SameWords(reusable._vocabulary, vocabulary)
            ? reusable._spelling.WithFrequencies(vocabulary)
            : new SpellingIndex(vocabulary);
        return new KnowledgeIndex(
            [.. entries], Freeze(exact), Freeze(folded), lengthNorm, spelling, vocabulary, read, options) { ReusedEntries = reused };
    }

    /// <summary>How many entries' terms this index took from the one it was built from (0 for a build from nothing).</summary>
    public int ReusedEntries { get; private init; }

    // The same known words in the same order: the spelling index would list them the same way (only the counts may differ).
    private static bool SameWords(Dictionary<string, int> before, Dictionary<string, int> now)
    {
        using var a = before.Keys.GetEnumerator();
        using var b = now.Keys.GetEnumerator();
        while (a.MoveNext() && b.MoveNext())
        {
            if (!string.Equals(a.Current, b.Current, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Repairs what the index does not know: Telex leftovers ("chaof" → "chào"), one-letter typos ("khoeng" → "khoeng"'s
    /// nearest known word), long words by their character bigrams, two syllables typed as one ("vayvon"). Returns the tokens
    /// and a weight per token (lower for a guessed correction).
    /// </summary>
    public (List<TextToken> Tokens, List<float> Weights) Resolve(IReadOnlyList<TextToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var resolved = new List<TextToken>(tokens.Count);
        var weights = new List<float>(tokens.Count);
        foreach (var token in tokens)
        {
            if (token.IsNumber || _spelling.Contains(token.Folded) || ChatAbbreviations.IsAbbreviation(token.Folded))
            {
                resolved.Add(token);
                weights.Add(1f);
            }
            else if (!token.IsMarked && TelexDecoder.TryDecode(token.Folded, out var decoded) && _spelling.Contains(decoded.Folded))
            {
                resolved.Add(decoded);
                weights.Add(1f);
            }
            else if (Collapse(token) is { } collapsed && (_spelling.Contains(collapsed.Folded) || ChatAbbreviations.IsAbbreviation(collapsed.Folded)))
            {
                // A drawn-out word ("hiii", "nhiềuuu", "okkk") is the word.
                resolved.AddRange(ChatAbbreviations.Expand([collapsed]));
                while (weights.Count < resolved.Count)
                {
                    weights.Add(1f);
                }
            }
            else if (_spelling.Correct(token.Folded) is { } corrected)
            {
                resolved.Add(new TextToken(corrected, corrected));
                weights.Add(_options.TypoCredit);
            }
            else if (!token.IsMarked && _spelling.Split(token.Folded) is var (first, second))
            {
                resolved.Add(new TextToken(first, first));
                resolved.Add(new TextToken(second, second));
                weights.Add(_options.TypoCredit);
                weights.Add(_options.TypoCredit);
            }
            else
            {
                resolved.Add(token);
                weights.Add(1f);
            }
        }

        return (resolved, weights);
    }

    // The token with letters typed several times in a row written once, when it had such a run.
    private static TextToken? Collapse(TextToken token)
    {
        var exact = new System.Text.StringBuilder(token.Exact.Length);
        foreach (var c in token.Exact)
        {
            if (exact.Length == 0 || exact[^1] != c || char.IsAsciiDigit(c))
            {
                exact.Append(c);
            }
        }

        return exact.Length == token.Exact.Length ? null : VietnameseText.MakeToken(UntonedWithTone(exact.ToString()));
    }

    // TextToken.Exact keeps the tone as a trailing digit; MakeToken wants letters, so the tone goes back on the first vowel.
    private static string UntonedWithTone(string exact) =>
        exact.Length > 0 && char.IsAsciiDigit(exact[^1]) ? TelexDecoder.WithTone(exact[..^1], exact[^1] - '0') : exact;

    // A term's weight: its inverse document frequency, raised to IdfExponent so rare (telling) words outweigh common ones.
    private float Information(int documentFrequency)
    {
        var idf = MathF.Log(1 + (_entries.Length - documentFrequency + 0.5f) / (documentFrequency + 0.5f));
        return _options.IdfExponent == 1f ? idf : MathF.Pow(idf, _options.IdfExponent);
    }

    private static void AddPostings(Dictionary<string, List<Posting>> index, (string Term, float Tf)[] tf, int doc)
    {
        foreach (var (term, count) in tf)
        {
            if (!index.TryGetValue(term, out var postings))
            {
                postings = [];
                index[term] = postings;
            }

            postings.Add(new Posting(doc, count));
        }
    }

    private static Dictionary<string, Posting[]> Freeze(Dictionary<string, List<Posting>> index) =>
        index.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);

    private readonly record struct Posting(int Doc, float Tf);
}
