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
    private readonly MatchingOptions _options;
    private readonly float _maxInformation;

    // Each entry's questions (and title) as folded term numbers, and each number's information (inverse document frequency),
    // fixed for this index. Numbers only grow from one index to the next built from it, so unchanged entries keep theirs.
    private readonly int[][][] _questions;
    private readonly Dictionary<string, int> _termIds;
    private readonly float[] _information;

    private readonly Dictionary<KnowledgeEntry, int> _docOf;
    private readonly EntryTerms[] _read;

    // For the next index built from this one: the words each entry uses before synonyms (as postings without frequency),
    // and the spelling index's known words with their counts.
    private readonly Dictionary<string, Posting[]> _words;

    // The entries' syllables that carry a tone, by their letters without it ("tôc" → "tộc"), the commonest when several.
    private readonly Dictionary<string, string> _toned;
    private readonly Dictionary<string, int> _vocabulary;

    private KnowledgeIndex(Built built, MatchingOptions options)
    {
        _entries = built.Entries;
        _exact = built.Exact;
        _folded = built.Folded;
        _words = built.Words;
        _read = built.Read;
        _options = options;
        _maxInformation = Information(1);
        _lengthNorm = built.LengthNorm;
        _spelling = built.Spelling;
        _vocabulary = built.Vocabulary;
        _termIds = built.TermIds;
        _questions = built.Questions;
        _docOf = new Dictionary<KnowledgeEntry, int>(_entries.Length, ReferenceEqualityComparer.Instance);
        for (var doc = 0; doc < _entries.Length; doc++)
        {
            _docOf[_entries[doc]] = doc;
        }

        _toned = _exact
            .Where(kv => !kv.Key.Contains(' ', StringComparison.Ordinal) && char.IsAsciiDigit(kv.Key[^1]))
            .GroupBy(kv => kv.Key[..^1], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(kv => kv.Value.Length).Key, StringComparer.Ordinal);

        _information = new float[_termIds.Count];
        foreach (var (term, postings) in _folded)
        {
            _information[_termIds[term]] = Information(postings.Length);
        }
    }

    public IReadOnlyList<KnowledgeEntry> Entries => _entries;

    public MatchingOptions Options => _options;

    /// <summary>How many entries' terms this index took from the one it was built from (0 for a build from nothing).</summary>
    public int ReusedEntries { get; private init; }

    /// <summary>How many entries were added to or removed from the one it was built from (null: every posting list was assembled anew).</summary>
    public int? PatchedEntries { get; private init; }

    public static KnowledgeIndex Build(IReadOnlyList<KnowledgeEntry> entries, MatchingOptions? options = null) =>
        Build(entries, options, previous: null);

    /// <summary>
    /// As <see cref="Build(IReadOnlyList{KnowledgeEntry}, MatchingOptions?)"/>, reusing what <paramref name="previous"/> already read
    /// of the entries it shares with <paramref name="entries"/> (the same <see cref="KnowledgeEntry"/> objects): their terms,
    /// lengths, questions and words are not tokenized again. When the entries it keeps stay in order (as the merge keeps them),
    /// only the posting lists of the terms the added or removed entries use are rebuilt, the others shared or moved, and the
    /// pooled statistics (document frequencies, average length, the spelling index's counts) recomputed.
    /// The result answers exactly as the index a build from nothing gives (IncrementalKnowledgeTests).
    /// </summary>
    public static KnowledgeIndex Build(IReadOnlyList<KnowledgeEntry> entries, MatchingOptions? options, KnowledgeIndex? previous)
    {
        ArgumentNullException.ThrowIfNull(entries);
        options ??= MatchingOptions.Default;
        var reusable = previous is not null && previous._options == options ? previous : null;
        var (built, reused, patched) = Builder.Build([.. entries], options, reusable);
        return new KnowledgeIndex(built, options) { ReusedEntries = reused, PatchedEntries = patched };
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
        var tonesLeftOff = tokens.Count(t => ToneLeftOff(t) is not null) >= MinTonesLeftOff;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (tonesLeftOff && ToneLeftOff(token) is { } toned)
            {
                // She types the letters' marks but leaves the tones off ("tôi ngươi dân tôc, the bao hiêm"): the word the
                // entries use with those letters and a tone.
                resolved.Add(toned);
                weights.Add(1f);
            }
            else if (token.IsNumber && i + 1 < tokens.Count && IsQuantityUnit(tokens[i + 1]))
            {
                // An amount, an age, a duration ("vay 30 triệu", "bà 80 tuổi", "có bầu 3 tháng") tells her situation, not her
                // question: the number counts little for or against an entry (its unit still counts).
                resolved.Add(token);
                weights.Add(_options.QuantityWeight);
            }
            else if (token.IsNumber || _spelling.Contains(token.Folded) || ChatAbbreviations.IsAbbreviation(token.Folded))
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

    // A member who types â, ê, ô, ơ, ư, đ but no tones leaves several such words unknown; one alone may be a typo.
    private const int MinTonesLeftOff = 2;

    // The entries' word for a syllable typed with its letters' marks and no tone that no entry uses as typed ("hêt" → "hết").
    // Particles and forms of address ("ơi", "ư") are no content word left toneless.
    private TextToken? ToneLeftOff(TextToken token) =>
        token.IsMarked && !token.IsNumber && !char.IsAsciiDigit(token.Exact[^1]) && !_exact.ContainsKey(token.Exact)
        && !StopWords.IsStopWord(token) && !StopWords.IsFormOfAddress(token)
        && _toned.TryGetValue(token.Exact, out var toned)
            ? VietnameseText.MakeToken(UntonedWithTone(toned))
            : null;

    // Words after a number that make it a quantity (money, age, time, a count of people or things). Typed with accents they
    // must be these words ("939 còn" is not "939 con"); typed plain, any word that folds to them.
    private static readonly Dictionary<string, TextToken> QuantityUnits = VietnameseText
        .Tokenize("triệu tr nghìn ngàn k đồng đ tỷ tuổi t tháng năm ngày tuần lần người con ký kg m sào công ha")
        .GroupBy(t => t.Folded, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private static bool IsQuantityUnit(TextToken token) =>
        QuantityUnits.TryGetValue(token.Folded, out var unit) && (!token.IsMarked || string.Equals(token.Exact, unit.Exact, StringComparison.Ordinal));

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

    private readonly record struct Posting(int Doc, float Tf);
}
