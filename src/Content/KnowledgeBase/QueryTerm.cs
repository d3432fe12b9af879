using Outreach.Content.Text;

namespace Outreach.Content.KnowledgeBase;

/// <summary>
/// A feature of a query or an entry: a syllable or a pair of adjacent syllables, exact and folded. <see cref="IsMarked"/>:
/// the member typed accents on all of it, so an exact match is worth more than a folded one. <see cref="Weight"/> is lowered
/// for corrected typos and for forms of address ("bà", "các cháu", "cô ơi"), which say who is talking, not what about.
/// </summary>
public readonly record struct QueryTerm(string Exact, string Folded, bool IsMarked, bool IsPair, float Weight)
{
    /// <summary>The weight of a form of address ("bà", "cháu", "cô") in a query, against 1 for other syllables.</summary>
    public const float AddressWeight = 0.3f;

    /// <summary>
    /// The weight of a phrase about something outside the union's work (<see cref="Synonyms.OffTopicWord"/>: football,
    /// lottery, the weather). No entry uses it, so it only counts against confidence: as much as this many unknown syllables.
    /// </summary>
    public const float OffTopicWeight = 3f;

    /// <summary>How many of the tokens are not particles (ạ, ơi, nhé…).</summary>
    public static int ContentCount(IReadOnlyList<TextToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return tokens.Count(t => !StopWords.IsStopWord(t));
    }

    /// <summary>The syllables and adjacent pairs of a token list, skipping particles (ạ, ơi, nhé…).</summary>
    public static List<QueryTerm> From(IReadOnlyList<TextToken> tokens, IReadOnlyList<float>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var terms = new List<QueryTerm>(tokens.Count * 2);
        TextToken? previous = null;
        var previousWeight = 1f;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (StopWords.IsStopWord(token))
            {
                continue;
            }

            var weight = (weights?[i] ?? 1f) * (StopWords.IsFormOfAddress(token) ? AddressWeight : 1f)
                * (token.Folded == Synonyms.OffTopicWord ? OffTopicWeight : 1f);
            terms.Add(new QueryTerm(token.Exact, token.Folded, token.IsMarked, false, weight));
            if (previous is { } p)
            {
                terms.Add(new QueryTerm(
                    p.Exact + " " + token.Exact, p.Folded + " " + token.Folded, p.IsMarked && token.IsMarked, true, Math.Min(weight, previousWeight)));
            }

            previous = token;
            previousWeight = weight;
        }

        return terms;
    }
}
