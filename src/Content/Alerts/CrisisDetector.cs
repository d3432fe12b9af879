using Outreach.Content.Text;

namespace Outreach.Content.Alerts;

/// <summary>
/// Decides whether a message signals a crisis (violence, abuse, danger, self-harm, poisoning, a medical emergency, fire,
/// a disaster, trafficking), from the concept groups and rules of crisis.yaml. Built once per pack version; thread-safe.
/// <para>
/// Cues are phrases written with their accents. A syllable the member typed with accents must be that word ("giảm" is not
/// "giam", "bổ sung" is not "súng"); one typed without accents may be any word that folds to it, so a cue whose every
/// syllable was typed plain and folds to an everyday word too ("da": đá, đã, dạ; "ban sang": bán sang, bạn sang) counts
/// only inside its frame (crisis.yaml <c>frames</c>): "ck da e" is a kick, "da em dang can vay von" is not.
/// A cue inside a longer exclusion ("đánh giá"), or right after a negation ("không đánh", "phòng chống xâm hại"), does not count.
/// </para>
/// </summary>
public sealed class CrisisDetector
{
    private const string EndOfClause = "end";
    private const string StartOfClause = "start";
    private const string MinorGroup = BuiltInMinor;
    private const int AdultAge = 18;
    private const int ManyPills = 10;
    private const int BeforeWindow = 3;
    private const int AfterWindow = 2;
    private const string Wildcard = "*";
    private const string PastGroup = "past";
    private const int FirstYear = 1900;


    private readonly CrisisRules _rules;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, List<Cue>> _byFirstToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TextToken[]>> _negationsByLastToken = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ambiguous;
    private readonly Dictionary<string, string> _exclusions = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, CrisisFrame> _frames;
    private readonly CrisisClassifier? _secondOpinion;

    /// <summary>When the second opinion counts: its threshold and the pack's gates (crisis-gates.yaml).</summary>
    public CrisisPolicy Policy { get; }

    /// <summary>The built-in group of ages under 18 ("14 tuổi"); rules may name it like any group of crisis.yaml.</summary>
    public const string BuiltInMinor = "minor";

    /// <summary>The built-in group of ten or more pills ("20 viên").</summary>
    public const string BuiltInManyPills = "many_pills";

    /// <summary>The built-in group of a message that is nothing but a plea ("cứu", "help!!", "chị ơi cứu em"): every word of
    /// it is a cue of the group "plea".</summary>
    public const string BuiltInPleaOnly = "plea_only";

    private const string PleaGroup = "plea";

    // The group an age of 18 or more joins (crisis.yaml names it in the `none` of rules about a child).
    private const string AdultGroup = "adult";
    private const string NotNegationsGroup = "not_negations";

    /// <param name="rules">The pack's crisis.yaml.</param>
    /// <param name="time">The clock that tells which years are past ("năm 2023"); the system clock when null.</param>
    /// <param name="secondOpinion">The learned classifier asked when the rules find no crisis (<see cref="CrisisClassifier"/>);
    /// rules alone when null.</param>
    public CrisisDetector(CrisisRules rules, TimeProvider? time = null, CrisisClassifier? secondOpinion = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules;
        _time = time ?? TimeProvider.System;
        _secondOpinion = secondOpinion;
        Policy = CrisisPolicy.Of(rules);
        foreach (var (group, phrases) in rules.Groups)
        {
            foreach (var phrase in phrases.SelectMany(WithDigitOne))
            {
                var tokens = VietnameseText.Tokenize(phrase.Replace(Wildcard, " " + WildcardWord + " ", StringComparison.Ordinal)).ToArray();
                if (tokens.Length > 0 && !IsWildcard(tokens[0]))
                {
                    CuesStartingWith(tokens[0].Folded).Add(new Cue(group, tokens));
                }
            }
        }

        foreach (var negation in rules.Negations.Select(n => VietnameseText.Tokenize(n).ToArray()).Where(t => t.Length > 0))
        {
            if (!_negationsByLastToken.TryGetValue(negation[^1].Folded, out var list))
            {
                list = [];
                _negationsByLastToken[negation[^1].Folded] = list;
            }

            list.Add(negation);
        }

        _ambiguous = new HashSet<string>(rules.Ambiguous ?? [], StringComparer.Ordinal);
        // "not_hit" holds the exclusions of "hit".
        foreach (var group in rules.Groups.Keys.Where(g => g.StartsWith("not_", StringComparison.Ordinal)))
        {
            _exclusions[group["not_".Length..]] = group;
        }

        _frames = rules.Frames ?? new Dictionary<string, CrisisFrame>();
    }

    // "một" is often typed as the digit ("ngủ 1 giấc không dậy", "ở nhà 1 mình"): a cue with "một" also reads with "1".
    private static IEnumerable<string> WithDigitOne(string phrase)
    {
        yield return phrase;
        var words = phrase.Split(' ');
        if (words.Contains("một", StringComparer.Ordinal))
        {
            yield return string.Join(' ', words.Select(w => w == "một" ? "1" : w));
        }
    }

    // A cue "không cho * ra" skips one syllable where the star is.
    private const string WildcardWord = "qqwildcardqq";

    /// <summary>
    /// The crisis categories a message signals (none for an ordinary question). Clauses are split at punctuation. The rules
    /// come first; only when they find nothing does the learned second opinion, if any, get its say.
    /// </summary>
    public CrisisAssessment Assess(string? text)
    {
        var byRules = AssessByRules(text);
        return byRules.IsCrisis || _secondOpinion is null ? byRules : _secondOpinion.Assess(text, Policy, byRules.Cues) ?? byRules;
    }

    /// <summary>
    /// As <see cref="Assess(string?)"/>, but never waiting for the second opinion's training (the first seconds of a process):
    /// until it is trained, the rules alone. For the ingest path, which must acknowledge at once.
    /// </summary>
    public CrisisAssessment AssessWithoutWaiting(string? text)
    {
        var byRules = AssessByRules(text);
        return byRules.IsCrisis || _secondOpinion is not { IsTrained: true } ? byRules : _secondOpinion.Assess(text, Policy, byRules.Cues) ?? byRules;
    }

    /// <summary>The crisis categories the rules of crisis.yaml alone find in a message.</summary>
    public CrisisAssessment AssessByRules(string? text)
    {
        var starts = new List<int>();
        var sentences = new List<int>();
        var raw = VietnameseText.TokenizeClauses(CrisisSpelling.Normalize(text), starts, sentences);
        // Teencode is Vietnamese: in an English message "a" stays "a", not "anh".
        if (EnglishText.LooksEnglish(raw))
        {
            return Assess(raw, ClausesOf(starts, raw.Count, sentences));
        }

        raw = DecodeTelex(raw);

        var tokens = new List<TextToken>(raw.Count + 8);
        var expandedStarts = new List<int>(starts.Count);
        for (var c = 0; c < starts.Count; c++)
        {
            expandedStarts.Add(tokens.Count);
            var end = c + 1 < starts.Count ? starts[c + 1] : raw.Count;
            tokens.AddRange(CrisisSpelling.Expand(ChatAbbreviations.Expand(raw.GetRange(starts[c], end - starts[c]))));
        }

        return Assess(tokens, ClausesOf(expandedStarts, tokens.Count, sentences));
    }

    /// <summary>The crisis categories of tokens already tokenized and expanded, read as one clause.</summary>
    public CrisisAssessment Assess(IReadOnlyList<TextToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return Assess(tokens, tokens.Count == 0 ? new Clauses([], [], [], []) : new Clauses([0], [tokens.Count - 1], new int[tokens.Count], new int[tokens.Count]));
    }

    private CrisisAssessment Assess(IReadOnlyList<TextToken> tokens, Clauses clauses)
    {
        var matches = FindMatches(tokens);
        matches.AddRange(FindAges(tokens));
        matches.AddRange(FindManyPills(tokens));
        matches.AddRange(FindPastYears(tokens));
        matches.AddRange(FindPleaOnly(tokens, matches));
        var counted = matches
            .Where(m => !m.Group.StartsWith("not_", StringComparison.Ordinal) && !IsExcluded(matches, m) && !IsNegated(tokens, m.Start, matches))
            .ToList();
        var present = new Dictionary<string, List<CueMatch>>(StringComparer.Ordinal);
        foreach (var match in counted)
        {
            if (!match.IsWeak || !_frames.TryGetValue(match.Group, out var frame) || IsFramed(counted, match, frame, clauses))
            {
                if (!present.TryGetValue(match.Group, out var list))
                {
                    list = [];
                    present[match.Group] = list;
                }

                list.Add(match);
            }
        }

        var categories = _rules.Rules
            .Where(rule => Fires(rule, present, clauses))
            .Select(rule => rule.Category)
            .Distinct()
            .Order()
            .ToList();
        ApplyLeads(categories, present);
        return new CrisisAssessment(categories, EnglishText.LooksEnglish(tokens))
        {
            Cues = present.Keys.Order(StringComparer.Ordinal).ToList(),
        };
    }

    // crisis.yaml's leads: a category put ahead of others it fired with ("child" before "trafficking": a child trafficked
    // gets 111 first), unless a group of the lead's `none` has a cue (a child hurt "now" keeps 113 first).
    private void ApplyLeads(List<CrisisCategory> categories, Dictionary<string, List<CueMatch>> present)
    {
        foreach (var lead in _rules.Leads ?? [])
        {
            var at = categories.IndexOf(lead.First);
            var before = categories.FindIndex(c => lead.Over.Contains(c));
            if (at < 0 || before < 0 || before > at || (lead.None?.Any(present.ContainsKey) ?? false))
            {
                continue;
            }

            categories.RemoveAt(at);
            categories.Insert(before, lead.First);
        }
    }

    // A rule fires when each group of `all` has a cue of its own and no group of `none` has one, except "past": a time gone
    // by ("năm ngoái", "năm 2023") speaks for its own sentence only, so there the rule reads only the other sentences: a flood
    // last year asked about in one sentence does not cancel "đêm nay nước dâng nhanh quá" in the next.
    private static bool Fires(CrisisRule rule, Dictionary<string, List<CueMatch>> present, Clauses clauses)
    {
        if (rule.None is null)
        {
            return HasCuesTogether(rule, present, clauses);
        }

        if (rule.None.Any(g => g != PastGroup && present.ContainsKey(g)))
        {
            return false;
        }

        if (!rule.None.Contains(PastGroup) || !present.TryGetValue(PastGroup, out var past))
        {
            return HasCuesTogether(rule, present, clauses);
        }

        var pastSentences = past.Select(m => clauses.SentenceOf[m.Start]).ToHashSet();
        var now = present.ToDictionary(
            p => p.Key,
            p => p.Value.Where(m => !pastSentences.Contains(clauses.SentenceOf[m.Start])).ToList(),
            StringComparer.Ordinal);
        foreach (var empty in now.Where(p => p.Value.Count == 0).Select(p => p.Key).ToList())
        {
            now.Remove(empty);
        }

        return HasCuesTogether(rule, now, clauses);
    }

    // A rule's groups each with a cue of its own, and, when the rule says `within`, all in one clause or one sentence.
    private static bool HasCuesTogether(CrisisRule rule, Dictionary<string, List<CueMatch>> present, Clauses clauses)
    {
        if (!HasSeparateCues(rule.All, present))
        {
            return false;
        }

        if (rule.Within is null)
        {
            return true;
        }

        var unitOf = rule.Within == "clause" ? clauses.ClauseOf : clauses.SentenceOf;
        var units = present[rule.All[0]].Select(m => unitOf[m.Start]).Distinct();
        return units.Any(unit =>
        {
            var inUnit = new Dictionary<string, List<CueMatch>>(StringComparer.Ordinal);
            foreach (var group in rule.All)
            {
                inUnit[group] = present[group].Where(m => unitOf[m.Start] == unit).ToList();
            }

            return inUnit.Values.All(l => l.Count > 0) && HasSeparateCues(rule.All, inUnit);
        });
    }

    // Each group of a rule needs a cue of its own: the words of one cue do not stand for two groups ("ngập hết" is a flood
    // word and an urgency word, but "ngập hết đường" alone is not a flood with people in danger).
    private static bool HasSeparateCues(IReadOnlyList<string> groups, Dictionary<string, List<CueMatch>> present)
    {
        if (!groups.All(present.ContainsKey))
        {
            return false;
        }

        return groups.Count <= 1 || Assign(groups, 0, present, []);
    }

    private static bool Assign(IReadOnlyList<string> groups, int index, Dictionary<string, List<CueMatch>> present, List<CueMatch> taken)
    {
        if (index == groups.Count)
        {
            return true;
        }

        foreach (var match in present[groups[index]])
        {
            if (taken.Any(t => t.Start < match.Start + match.Length && match.Start < t.Start + t.Length))
            {
                continue;
            }

            taken.Add(match);
            var found = Assign(groups, index + 1, present, taken);
            taken.RemoveAt(taken.Count - 1);
            if (found)
            {
                return true;
            }
        }

        return false;
    }

    // Every cue occurrence, with whether it was typed plain on ambiguous syllables only.
    private List<CueMatch> FindMatches(IReadOnlyList<TextToken> tokens)
    {
        var matches = new List<CueMatch>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!_byFirstToken.TryGetValue(tokens[i].Folded, out var candidates))
            {
                continue;
            }

            foreach (var cue in candidates)
            {
                if (MatchesAt(tokens, i, cue.Tokens, out var allFoldedAndAmbiguous))
                {
                    matches.Add(new CueMatch(cue.Group, i, cue.Tokens.Length, allFoldedAndAmbiguous));
                }
            }
        }

        return matches;
    }

    // Telex keystrokes left when the input method was off ("cuwus em, chongf em ddang ddanhs em") are the accented words she
    // meant: a plain Vietnamese syllable never ends in s, f, r, x, j nor holds "dd", "aa", "ee" or "w". Read so only when two
    // syllables or more of the message decode to Vietnamese syllables ("chat sex" and "axit" stay as typed).
    // A message with three English words or more ("I took the whole box of paracetamol… just wanted someone to know"),
    // even if not English enough to be read as English, is not telex: "box" stays "box", not "bõ".
    private const int EnglishWordsAgainstTelex = 3;

    private static List<TextToken> DecodeTelex(List<TextToken> tokens)
    {
        if (tokens.Count(EnglishText.IsEnglishWord) >= EnglishWordsAgainstTelex)
        {
            return tokens;
        }

        var decoded = new List<TextToken>(tokens.Count);
        var count = 0;
        foreach (var token in tokens)
        {
            if (!token.IsMarked && !token.IsNumber && !ChatAbbreviations.IsAbbreviation(token.Folded)
                && TelexDecoder.TryDecode(token.Folded, out var word) && VietnameseSyllable.IsPossible(word.Folded))
            {
                decoded.Add(word);
                count++;
            }
            else
            {
                decoded.Add(token);
            }
        }

        return count >= 2 ? decoded : tokens;
    }

    // The built-in group "minor": an age under 18 ("14 tuổi", "con bé 9t"), so "ép em gái 14 tuổi lấy chồng" is about a child.
    // An age of 18 or more joins the group "adult" ("con gái em 20 tuổi" is a grown woman, not a child at risk), but only
    // when no age under 18 is in the message ("con bé 16 tuổi, mẹ nó 40 tuổi" is about the girl).
    private static List<CueMatch> FindAges(IReadOnlyList<TextToken> tokens)
    {
        var minors = new List<CueMatch>();
        var adults = new List<CueMatch>();
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var length = AgeLength(tokens, i);
            if (length > 0
                && int.TryParse(tokens[i].Folded, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var age))
            {
                (age < AdultAge ? minors : adults).Add(new CueMatch(age < AdultAge ? MinorGroup : AdultGroup, i, length, false));
            }
        }

        return minors.Count > 0 ? minors : adults;
    }

    // An age after a number: "14 tuổi", and in English "12 years old", "a 12-year-old girl" (the tokens "year", "old").
    private static int AgeLength(IReadOnlyList<TextToken> tokens, int i)
    {
        if (!tokens[i].IsNumber)
        {
            return 0;
        }

        if (tokens[i + 1].Folded == "tuoi")
        {
            return 2;
        }

        return tokens[i + 1].Folded is "year" or "years" or "yr" or "yrs" && i + 2 < tokens.Count && tokens[i + 2].Folded == "old" ? 3 : 0;
    }

    // The built-in group "many_pills": ten or more pills ("uống 20 viên thuốc hạ sốt").
    private static IEnumerable<CueMatch> FindManyPills(IReadOnlyList<TextToken> tokens)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].IsNumber && tokens[i + 1].Folded == "vien"
                && int.TryParse(tokens[i].Folded, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
                && count >= ManyPills)
            {
                yield return new CueMatch(BuiltInManyPills, i, 2, false);
            }
        }
    }

    // The built-in group "plea_only": the whole message is a plea ("cứu", "sos", "chị ơi cứu"), with nothing said about
    // what happened. Alone, the same word is everyday ("cứu vãn", "nghiên cứu"); as the whole message it is a cry for help.
    private static IEnumerable<CueMatch> FindPleaOnly(IReadOnlyList<TextToken> tokens, List<CueMatch> matches)
    {
        if (tokens.Count == 0)
        {
            return [];
        }

        var covered = new bool[tokens.Count];
        foreach (var match in matches.Where(m => m.Group == PleaGroup))
        {
            for (var i = match.Start; i < match.Start + match.Length && i < covered.Length; i++)
            {
                covered[i] = true;
            }
        }

        return covered.All(c => c) ? [new CueMatch(BuiltInPleaOnly, 0, tokens.Count, false)] : [];
    }

    // A year before this one ("vụ cháy năm 2023") joins the group "past": the message asks about then, not about now.
    private IEnumerable<CueMatch> FindPastYears(IReadOnlyList<TextToken> tokens)
    {
        var thisYear = KnowledgeBase.VietnamClock.Today(_time).Year;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].IsNumber && tokens[i].Folded.Length == 4
                && int.TryParse(tokens[i].Folded, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
                && year >= FirstYear && year < thisYear)
            {
                yield return new CueMatch(PastGroup, i, 1, false);
            }
        }
    }

    // A weak cue needs a cue of a "before" group ending within three syllables before it, and, when the frame lists "after"
    // groups, one starting within two syllables after it or the end of its clause.
    private static bool IsFramed(List<CueMatch> matches, CueMatch match, CrisisFrame frame, Clauses clauses)
    {
        var end = match.Start + match.Length - 1;
        var before = frame.Before.Count == 0
            || (frame.Before.Contains(StartOfClause) && clauses.Starts.Contains(match.Start))
            || matches.Any(m =>
            !ReferenceEquals(m, match) && frame.Before.Contains(m.Group)
            && m.Start < match.Start && m.Start + m.Length - 1 >= match.Start - BeforeWindow);
        var after = frame.After.Count == 0
            || (frame.After.Contains(EndOfClause) && clauses.Ends.Contains(end))
            || matches.Any(m => !ReferenceEquals(m, match) && frame.After.Contains(m.Group) && m.Start > end && m.Start <= end + AfterWindow);
        return before && after;
    }

    // A cue inside a longer exclusion ("cứu" inside "cấp cứu", "đánh" inside "đánh giá") does not count.
    private bool IsExcluded(List<CueMatch> matches, CueMatch match)
    {
        if (!_exclusions.TryGetValue(match.Group, out var exclusion))
        {
            return false;
        }

        foreach (var m in matches)
        {
            if (string.Equals(m.Group, exclusion, StringComparison.Ordinal) && m.Start < match.Start + match.Length && match.Start < m.Start + m.Length)
            {
                return true;
            }
        }

        return false;
    }

    // "không đánh", "chưa bị đánh", "phòng chống xâm hại": a negation ending at most one syllable before the cue cancels it.
    // A negation typed plain on ambiguous syllables only ("dung": đừng or dùng) does not, nor one inside a cue of the group
    // "not_negations" ("thằng chả cột em": "chả" is the southern "him" there, not "not").
    private bool IsNegated(IReadOnlyList<TextToken> tokens, int start, List<CueMatch> matches)
    {
        for (var gap = 0; gap <= 1; gap++)
        {
            var last = start - gap - 1;
            if (last < 0 || !_negationsByLastToken.TryGetValue(tokens[last].Folded, out var negations))
            {
                continue;
            }

            foreach (var negation in negations)
            {
                var at = last - negation.Length + 1;
                if (at >= 0 && MatchesAt(tokens, at, negation, out var weak) && !weak
                    && !matches.Any(m => string.Equals(m.Group, NotNegationsGroup, StringComparison.Ordinal) && m.Start <= last && at < m.Start + m.Length))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool MatchesAt(IReadOnlyList<TextToken> tokens, int start, TextToken[] phrase, out bool allFoldedAndAmbiguous)
    {
        allFoldedAndAmbiguous = true;
        if (start + phrase.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < phrase.Length; k++)
        {
            if (IsWildcard(phrase[k]))
            {
                continue;
            }

            var match = Compare(tokens[start + k], phrase[k]);
            if (match == Match.None)
            {
                return false;
            }

            allFoldedAndAmbiguous &= match == Match.Folded && _ambiguous.Contains(phrase[k].Folded);
        }

        return true;
    }

    // Typed with its accents: the same word, or the same letters typed without the tone ("đanh" for "đánh"). Typed plain:
    // any word with the same letters.
    private static Match Compare(TextToken typed, TextToken cue)
    {
        if (!string.Equals(typed.Folded, cue.Folded, StringComparison.Ordinal))
        {
            return Match.None;
        }

        if (!typed.IsMarked)
        {
            return Match.Folded;
        }

        if (string.Equals(typed.Exact, cue.Exact, StringComparison.Ordinal))
        {
            return Match.Exact;
        }

        var typedHasTone = char.IsAsciiDigit(typed.Exact[^1]);
        return !typedHasTone && cue.Exact.StartsWith(typed.Exact, StringComparison.Ordinal) && cue.Exact.Length == typed.Exact.Length + 1
            ? Match.Folded
            : Match.None;
    }

    private static bool IsWildcard(TextToken token) => token.Folded == WildcardWord;

    private List<Cue> CuesStartingWith(string key)
    {
        if (!_byFirstToken.TryGetValue(key, out var list))
        {
            list = [];
            _byFirstToken[key] = list;
        }

        return list;
    }

    private enum Match
    {
        None,
        Folded,
        Exact,
    }

    private sealed record Cue(string Group, TextToken[] Tokens);

    private sealed record CueMatch(string Group, int Start, int Length, bool IsWeak);

    // Where the message's clauses (split at punctuation) start and end, as token positions.
    // SentenceOf: each token's sentence (split at '.', '!', '?', '…', a new line).
    // ClauseOf: each token's clause.
    private sealed record Clauses(HashSet<int> Starts, HashSet<int> Ends, int[] SentenceOf, int[] ClauseOf);

    // sentenceClauses: the indexes (in starts) of the clauses that open a sentence.
    private static Clauses ClausesOf(List<int> starts, int count, List<int> sentenceClauses)
    {
        var sentenceOf = new int[count];
        var clauseOf = new int[count];
        var opening = new HashSet<int>(sentenceClauses);
        var sentence = -1;
        for (var c = 0; c < starts.Count; c++)
        {
            if (opening.Contains(c) || sentence < 0)
            {
                sentence++;
            }

            var end = c + 1 < starts.Count ? starts[c + 1] : count;
            for (var i = starts[c]; i < end && i < count; i++)
            {
                sentenceOf[i] = Math.Max(sentence, 0);
                clauseOf[i] = c;
            }
        }

        return new([.. starts], [.. starts.Skip(1).Select(s => s - 1).Where(e => e >= 0), .. count > 0 ? [count - 1] : Array.Empty<int>()], sentenceOf, clauseOf);
    }
}

/// <summary>The categories a message signals, most urgent first, and whether it looks English.</summary>
public sealed record CrisisAssessment(IReadOnlyList<CrisisCategory> Categories, bool LooksEnglish)
{
    public static readonly CrisisAssessment None = new([], false);

    /// <summary>The crisis.yaml groups whose cues counted in the message (why it is or is not a crisis; <c>ask --json</c>).</summary>
    public IReadOnlyList<string> Cues { get; init; } = [];

    /// <summary>The learned classifier's opinion when it, not the rules, found the crisis (<see cref="CrisisClassifier"/>).</summary>
    public CrisisOpinion? Learned { get; init; }

    public bool IsCrisis => Categories.Count > 0;

    /// <summary>The most urgent category (only meaningful when <see cref="IsCrisis"/>).</summary>
    public CrisisCategory Primary => Categories[0];
}
