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

    private KnowledgeIndex(
        KnowledgeEntry[] entries, Dictionary<string, Posting[]> exact, Dictionary<string, Posting[]> folded, float[] lengthNorm,
        SpellingIndex spelling, string[][][] questions, MatchingOptions options)
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

        _questions = questions
            .Select(entry => entry.Select(question => question
                .Where(folded.ContainsKey)
                .Select(term => (_termIds[term], Information(folded[term].Length)))
                .ToArray()).ToArray())
            .ToArray();

        _exact = exact;
        _lengthNorm = lengthNorm;
        _spelling = spelling;
    }

    public IReadOnlyList<KnowledgeEntry> Entries => _entries;

    public MatchingOptions Options => _options;

    public static KnowledgeIndex Build(IReadOnlyList<KnowledgeEntry> entries, MatchingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        options ??= MatchingOptions.Default;
        var exact = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        var folded = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        var lengths = new float[entries.Count];
        for (var doc = 0; doc < entries.Count; doc++)
        {
            var entry = entries[doc];
            var fields = entry.Questions.Append(entry.Title).Concat(entry.Keywords).Select(text => (text, 1f))
                .Append((entry.Answer, options.AnswerWeight));
            var exactTf = new Dictionary<string, float>(StringComparer.Ordinal);
            var foldedTf = new Dictionary<string, float>(StringComparer.Ordinal);
            foreach (var (text, weight) in fields)
            {
                foreach (var term in QueryTerm.From(MatchText.Entry(text)))
                {
                    exactTf[term.Exact] = exactTf.GetValueOrDefault(term.Exact) + weight;
                    foldedTf[term.Folded] = foldedTf.GetValueOrDefault(term.Folded) + weight;
                    lengths[doc] += term.IsPair ? 0 : weight;
                }
            }

            AddPostings(exact, exactTf, doc);
            AddPostings(folded, foldedTf, doc);
        }

        var average = lengths.Length == 0 ? 1 : Math.Max(1, lengths.Average());
        var lengthNorm = lengths.Select(l => options.K1 * (1 - options.B + options.B * l / average)).ToArray();
        // Known words: what the entries say (before synonyms fold "heo" into "lợn") and every listed synonym, so a word the
        // matcher understands is never "corrected" into another.
        var vocabulary = folded.Where(kv => !kv.Key.Contains(' ', StringComparison.Ordinal) && !char.IsAsciiDigit(kv.Key[0]))
            .ToDictionary(kv => kv.Key, kv => kv.Value.Count, StringComparer.Ordinal);
        foreach (var word in entries.SelectMany(e => e.Questions.Append(e.Title).Concat(e.Keywords).Append(e.Answer))
                     .Distinct(StringComparer.Ordinal).SelectMany(MatchText.Vocabulary).Concat(Synonyms.Vocabulary))
        {
            if (word.Length > 0 && !char.IsAsciiDigit(word[0]))
            {
                vocabulary.TryAdd(word, 1);
            }
        }
        // Each entry's questions (and title) as sets of folded terms, for the question coverage of the best candidates
        // (province overrides repeat the national questions: each text is read once).
        var seen = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var questions = entries
            .Select(e => e.Questions.Append(e.Title)
                .Select(q => seen.TryGetValue(q, out var terms)
                    ? terms
                    : seen[q] = QueryTerm.From(MatchText.Entry(q)).Select(t => t.Folded).Distinct(StringComparer.Ordinal).ToArray())
                .Where(q => q.Length > 0)
                .ToArray())
            .ToArray();
        return new KnowledgeIndex(
            [.. entries], Freeze(exact), Freeze(folded), lengthNorm, new SpellingIndex(vocabulary), questions, options);
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
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.IsNumber && i + 1 < tokens.Count && IsQuantityUnit(tokens[i + 1]))
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

    private static void AddPostings(Dictionary<string, List<Posting>> index, Dictionary<string, float> tf, int doc)
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
