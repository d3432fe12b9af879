using Outreach.Content.Text;

namespace Outreach.Content.Alerts;

/// <summary>
/// Decides whether a message signals violence, abuse, danger or self-harm, from the cue groups and rules of crisis.yaml.
/// Cues are matched on accent-folded, abbreviation-expanded tokens ("ck dang danh e" = "chồng đang đánh em"); a syllable the
/// member typed with accents must match exactly ("bổ sung" is not "súng"). Built once per pack version; thread-safe.
/// </summary>
public sealed class CrisisDetector
{
    private static readonly HashSet<string> EnglishWords = new(
        ["help", "my", "me", "is", "the", "husband", "i", "right", "now", "what", "do", "please", "she", "he", "her", "him", "am",
         "want", "to", "someone"],
        StringComparer.Ordinal);

    private readonly CrisisRules _rules;
    private readonly Dictionary<string, List<(string Group, TextToken[] Phrase)>> _byFirstToken = new(StringComparer.Ordinal);
    private readonly List<TextToken[]> _negations;

    public CrisisDetector(CrisisRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules;
        foreach (var (group, phrases) in rules.Groups)
        {
            foreach (var phrase in phrases)
            {
                var tokens = VietnameseText.Tokenize(phrase).ToArray();
                if (tokens.Length > 0)
                {
                    PhrasesStartingWith(tokens[0].Folded).Add((group, tokens));
                }
            }
        }

        _negations = rules.Negations.Select(n => VietnameseText.Tokenize(n).ToArray()).Where(t => t.Length > 0).ToList();
    }

    /// <summary>The crisis categories the message signals (none for an ordinary question).</summary>
    public CrisisAssessment Assess(IReadOnlyList<TextToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var matches = FindMatches(tokens);
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (group, start, length) in matches)
        {
            if (group.StartsWith("not_", StringComparison.Ordinal) || IsExcluded(matches, group, start, length) || IsNegated(tokens, start))
            {
                continue;
            }

            present.Add(group);
        }

        var categories = _rules.Rules
            .Where(rule => rule.All.All(present.Contains))
            .Select(rule => rule.Category)
            .Distinct()
            .Order()
            .ToList();
        var english = tokens.Count(t => EnglishWords.Contains(t.Exact)) >= 2;
        return new CrisisAssessment(categories, english);
    }

    private List<(string Group, int Start, int Length)> FindMatches(IReadOnlyList<TextToken> tokens)
    {
        var matches = new List<(string, int, int)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!_byFirstToken.TryGetValue(tokens[i].Folded, out var candidates))
            {
                continue;
            }

            foreach (var (group, phrase) in candidates)
            {
                if (MatchesAt(tokens, i, phrase))
                {
                    matches.Add((group, i, phrase.Length));
                }
            }
        }

        return matches;
    }

    // A cue inside a longer exclusion ("cứu" inside "cấp cứu", "đánh" inside "đánh giá") does not count.
    private static bool IsExcluded(List<(string Group, int Start, int Length)> matches, string group, int start, int length)
    {
        var exclusion = "not_" + group;
        return matches.Any(m => m.Group == exclusion && m.Start < start + length && start < m.Start + m.Length);
    }

    // "không đánh", "chưa bị đánh": a negation in the two syllables before the cue cancels it.
    private bool IsNegated(IReadOnlyList<TextToken> tokens, int start)
    {
        for (var back = 1; back <= 2 && start - back >= 0; back++)
        {
            if (_negations.Any(n => n.Length == 1 && Same(tokens[start - back], n[0])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchesAt(IReadOnlyList<TextToken> tokens, int start, TextToken[] phrase)
    {
        if (start + phrase.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < phrase.Length; k++)
        {
            if (!Same(tokens[start + k], phrase[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Same(TextToken typed, TextToken cue) =>
        string.Equals(typed.Folded, cue.Folded, StringComparison.Ordinal)
        && (!typed.IsMarked || !cue.IsMarked || string.Equals(typed.Exact, cue.Exact, StringComparison.Ordinal));

    private List<(string, TextToken[])> PhrasesStartingWith(string key)
    {
        if (!_byFirstToken.TryGetValue(key, out var list))
        {
            list = [];
            _byFirstToken[key] = list;
        }

        return list;
    }
}

/// <summary>The categories a message signals, most urgent first, and whether it looks English.</summary>
public sealed record CrisisAssessment(IReadOnlyList<CrisisCategory> Categories, bool LooksEnglish)
{
    public static readonly CrisisAssessment None = new([], false);

    public bool IsCrisis => Categories.Count > 0;

    /// <summary>The most urgent category (only meaningful when <see cref="IsCrisis"/>).</summary>
    public CrisisCategory Primary => Categories[0];
}
