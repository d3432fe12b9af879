namespace Outreach.Content.KnowledgeBase;

/// <summary>
/// The ranking's constants (BM25 over syllables and syllable pairs, in exact and accent-folded forms) and the confidence
/// thresholds. The BM25 constants come from the usual ranges; the thresholds and the question-coverage weight were
/// calibrated on the shared dev set, the project's held-out set and questions written apart from the pack (README, "Asking
/// the bot"); see bench/README.md for their cost.
/// </summary>
public sealed record MatchingOptions
{
    public static readonly MatchingOptions Default = new();

    /// <summary>BM25 term-frequency saturation.</summary>
    public float K1 { get; init; } = 1.2f;

    /// <summary>BM25 length normalisation (low: entries with many question variants are not penalised much).</summary>
    public float B { get; init; } = 0.3f;

    /// <summary>
    /// A term weighs its inverse document frequency to this power in the score and in the confidence: above 1, the rare
    /// words of a question (what it is about) decide, and common ones ("hội", "có", "không") barely count.
    /// </summary>
    public float IdfExponent { get; init; } = 1f;

    /// <summary>
    /// How much the confidence also depends on covering the entry's closest question (0: not at all; 1: confidence is
    /// multiplied by that coverage). Query coverage alone rewards a question that shares one rare phrase with an entry.
    /// </summary>
    public double QuestionCoverageWeight { get; init; } = 0.3;

    /// <summary>How many of the best entries by score are re-ranked by question coverage.</summary>
    public int RerankCandidates { get; init; } = 8;

    /// <summary>Credit for a folded-only match of a syllable the member typed with accents ("chống" for "chồng").</summary>
    public float FoldedCredit { get; init; } = 0.6f;

    /// <summary>Credit for a syllable corrected from a typo.</summary>
    public float TypoCredit { get; init; } = 0.7f;

    /// <summary>Weight of the answer text against the questions, title and keywords.</summary>
    public float AnswerWeight { get; init; } = 0.3f;

    /// <summary>How much a syllable the pack never uses counts against confidence (1 = as much as the rarest known one).</summary>
    public float UnknownWeight { get; init; } = 1f;

    /// <summary>Weight of a number that is a quantity (before "triệu", "tuổi", "tháng"…: "vay 30 triệu", "bà 80 tuổi").</summary>
    public float QuantityWeight { get; init; } = 0.25f;

    /// <summary>How much a syllable pair the pack never uses counts against confidence (pairs carry word order and compounds).</summary>
    public float UnknownPairWeight { get; init; } = 0.5f;

    /// <summary>
    /// From this many syllables a message counts as long (several sentences, several intents): the best entry's confidence
    /// is then also measured on each clause, so one clear question inside a long story is not drowned by the rest.
    /// </summary>
    public int LongMessageTokens { get; init; } = 14;

    /// <summary>At or above this confidence the best entry is the answer.</summary>
    public double AnswerThreshold { get; init; } = 0.4;

    /// <summary>
    /// At or above this confidence (and below the answer threshold) the best entries are offered as suggestions. Kept close
    /// to the answer threshold: below it a question is about something else (football, lottery), and the polite fallback
    /// with the menu serves better than three unrelated entries.
    /// </summary>
    public double SuggestThreshold { get; init; } = 0.35;

    /// <summary>
    /// The confidence an entry needs when the question names something outside the union's work (a phone to repair, a
    /// film, homework, football): a word shared by chance ("sửa", "bao lâu") must not answer it; else "ngoài phạm vi".
    /// </summary>
    public double OffTopicAnswerThreshold { get; init; } = 0.6;

    /// <summary>
    /// After a story about something outside the union's work, a question of her own that turns without a comma ("xem đá
    /// banh vui quá mà tối nay chi hội họp mấy giờ") needs an entry this sure: such a turn may still be the story's own
    /// ("chơi game mà con em nghiện thì sao"). One after a comma or a new sentence needs the answer threshold.
    /// </summary>
    public double TurnInsideClauseThreshold { get; init; } = 0.5;

    /// <summary>
    /// Small talk (greetings, thanks, "ok") answers a message of at most this many syllables (particles aside); a longer
    /// message gets small talk only when no other entry answers it.
    /// </summary>
    public int SmalltalkMaxTokens { get; init; } = 8;

    /// <summary>
    /// A longer message gets small talk over an entry when the small talk matches it at least this much better ("bà mới tập
    /// dùng Zalo, nhắn thế này có đọc được không" is about reaching the bot, not about phones).
    /// </summary>
    public double SmalltalkLead { get; init; } = 0.15;

    /// <summary>…and only when the small talk itself matches at least this well (and the message names nothing off topic).</summary>
    public double SmalltalkLeadConfidence { get; init; } = 0.5;

    /// <summary>
    /// A message of at most this many syllables (particles, openers and forms of address aside) that a topic's general entry
    /// names in full is a bare topic word ("vay vốn", "chính sách"): it gets that general entry (texts.yaml
    /// <c>topic_general_entries</c>), not the narrow entry that matched it best.
    /// </summary>
    public int TopicWordMaxTokens { get; init; } = 4;

    /// <summary>At most this many suggestions (quick replies).</summary>
    public int MaxSuggestions { get; init; } = 3;
}
