namespace Outreach.Content.Unanswered;

/// <summary>How the engine's decision on a typed question ended (member_questions.outcome).</summary>
public static class QuestionOutcomes
{
    public const string Answer = "answer";
    public const string Suggestions = "suggestions";
    public const string Fallback = "fallback";

    /// <summary>A crisis message: recorded without its text, counted only.</summary>
    public const string Crisis = "crisis";
}

/// <summary>Why a question is in the queue (member_questions.missed); null when it was answered.</summary>
public static class MissReasons
{
    public const string Fallback = "fallback";
    public const string LowConfidence = "low_confidence";
    public const string Suggestions = "suggestions";

    /// <summary>She said the answer was wrong ("Chưa đúng", "sai rồi") right after it.</summary>
    public const string Wrong = "wrong";
}

/// <summary>What staff did with a missed question (member_questions.status).</summary>
public static class QuestionStatuses
{
    public const string Open = "open";
    public const string OutOfScope = "out_of_scope";
    public const string HandedOff = "handed_off";
    public const string Variant = "variant";
    public const string Entry = "entry";
}

/// <summary>A member's verdict on an answer (bot_answers.feedback).</summary>
public static class AnswerVerdicts
{
    public const string Useful = "useful";
    public const string Wrong = "wrong";

    public static bool IsKnown(string? verdict) => verdict is Useful or Wrong;
}

/// <summary>A typed question as the turn records it.</summary>
/// <param name="Text">What she wrote; null for a crisis message (never stored).</param>
public sealed record QuestionDraft(
    long ContactId, long? InboxEventId, DateTimeOffset AskedAt, string? Text, string Outcome, string? EntryId, double Confidence,
    IReadOnlyList<string> Suggested, string? Missed);

/// <summary>The latest answer given to a member, for her feedback.</summary>
public sealed record LastAnswer(long Id, long? QuestionId, string EntryId, string[] Choices, DateTimeOffset AnsweredAt, string? Feedback);

/// <summary>The latest question a member asked (to see whether she tapped one of its suggestions).</summary>
public sealed record LastQuestion(long Id, string Outcome, string[] Suggested, string? Missed, DateTimeOffset AskedAt);
