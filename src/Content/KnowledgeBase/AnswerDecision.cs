using Outreach.Content.Alerts;
using Outreach.Content.ContentPacks;

namespace Outreach.Content.KnowledgeBase;

/// <summary>What the bot says to one message, and why: the same value for the bot, the CLI and the eval.</summary>
public sealed record AnswerDecision(
    AnswerKind Kind,
    string Text,
    string? Topic,
    string? EntryId,
    double Confidence,
    IReadOnlyList<MenuItem> Choices,
    CrisisAssessment Crisis,
    string? Action)
{
    /// <summary>A second message after a crisis reply: the answer to the question she also asked (null when none, or acute).</summary>
    public string? FollowUp { get; init; }

    /// <summary>Everything the member reads, in order.</summary>
    public string FullText => FollowUp is null ? Text : Text + "\n" + FollowUp;

    /// <summary>True when the reply gives no answer of its own (the fallback menu).</summary>
    public bool IsFallback => Kind == AnswerKind.Fallback;
}

/// <summary>The kinds of reply.</summary>
public enum AnswerKind
{
    /// <summary>The message signals danger or abuse: hotline numbers first.</summary>
    Crisis = 0,

    /// <summary>An entry matched with enough confidence.</summary>
    Answer = 1,

    /// <summary>Some entries matched a little: up to three offered as quick replies.</summary>
    Suggestions = 2,

    /// <summary>Nothing matched: the polite fallback menu.</summary>
    Fallback = 3,
}

/// <summary>The question: the member's text, her province (org-unit code, or null) and the day (Asia/Ho_Chi_Minh).</summary>
public sealed record AnswerRequest(string? Text, string? Province, DateOnly Today)
{
    /// <summary>The codes of her own org unit and the units above it (commune, chi hội…), to find trusted addresses near her.</summary>
    public IReadOnlyList<string> OrgUnits { get; init; } = [];

    /// <summary>The ids of her org unit and the units above it, her own first: units' own entries and addresses apply along it.</summary>
    public IReadOnlyList<long> UnitPath { get; init; } = [];
}

/// <summary>Quick-reply payloads the engine produces and the bot understands.</summary>
public static class AnswerPayloads
{
    /// <summary>"ENTRY:&lt;id&gt;": answer that entry.</summary>
    public const string EntryPrefix = "ENTRY:";

    public static string Entry(string id) => EntryPrefix + id;
}
