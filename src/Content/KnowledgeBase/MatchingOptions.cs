namespace Outreach.Content.KnowledgeBase;

/// <summary>
/// The ranking's constants (BM25 over syllables and syllable pairs, in exact and accent-folded forms) and the confidence
/// thresholds. Chosen before evaluation from the usual BM25 ranges; see bench/README.md for what they give.
/// </summary>
public sealed record MatchingOptions
{
    public static readonly MatchingOptions Default = new();

    /// <summary>BM25 term-frequency saturation.</summary>
    public float K1 { get; init; } = 1.2f;

    /// <summary>BM25 length normalisation (low: entries with many question variants are not penalised much).</summary>
    public float B { get; init; } = 0.3f;

    /// <summary>Credit for a folded-only match of a syllable the member typed with accents ("chống" for "chồng").</summary>
    public float FoldedCredit { get; init; } = 0.6f;

    /// <summary>Credit for a syllable corrected from a typo.</summary>
    public float TypoCredit { get; init; } = 0.7f;

    /// <summary>Weight of the answer text against the questions, title and keywords.</summary>
    public float AnswerWeight { get; init; } = 0.3f;

    /// <summary>How much a syllable the pack never uses counts against confidence (1 = as much as the rarest known one).</summary>
    public float UnknownWeight { get; init; } = 1f;

    /// <summary>How much a syllable pair the pack never uses counts against confidence (pairs carry word order and compounds).</summary>
    public float UnknownPairWeight { get; init; } = 0.5f;

    /// <summary>
    /// From this many syllables a message counts as long (several sentences, several intents): the best entry's confidence
    /// is then also measured on each clause, so one clear question inside a long story is not drowned by the rest.
    /// </summary>
    public int LongMessageTokens { get; init; } = 20;

    /// <summary>At or above this confidence the best entry is the answer.</summary>
    public double AnswerThreshold { get; init; } = 0.45;

    /// <summary>At or above this confidence (and below the answer threshold) the best entries are offered as suggestions.</summary>
    public double SuggestThreshold { get; init; } = 0.25;

    /// <summary>At most this many suggestions (quick replies).</summary>
    public int MaxSuggestions { get; init; } = 3;
}
