namespace Outreach.Content.KnowledgeBase;

/// <summary>
/// One answer the bot can give, with the ways members ask for it. <see cref="Province"/> is null for the national pack;
/// a province's entry with the same <see cref="Id"/> replaces the national one for that province's members.
/// </summary>
public sealed record KnowledgeEntry(
    string Id,
    string? Province,
    string Topic,
    string Title,
    IReadOnlyList<string> Questions,
    IReadOnlyList<string> Keywords,
    string Answer,
    string? Source,
    DateOnly? ValidFrom,
    DateOnly? ValidUntil,
    string? Action)
{
    /// <summary>The answer for a message written in English (hotlines), or null: then the Vietnamese answer is given.</summary>
    public string? AnswerEnglish { get; init; }

    /// <summary>The unit whose staff wrote this entry for their subtree (null: the pack's). See KnowledgeSnapshot.Units.cs.</summary>
    public long? OrgUnitId { get; init; }

    /// <summary>Quick replies under the answer (each answers another entry).</summary>
    public IReadOnlyList<ContentPacks.MenuItem> QuickReplies { get; init; } = [];

    /// <summary>True when the entry may be given on <paramref name="day"/>.</summary>
    public bool IsValidOn(DateOnly day) => (ValidFrom is null || ValidFrom <= day) && (ValidUntil is null || day <= ValidUntil);
}

/// <summary>What an entry can start besides its answer.</summary>
public static class EntryActions
{
    public const string Subscribe = "subscribe";
    public const string Screening = "screening";
    public const string Handoff = "handoff";

    public static bool IsKnown(string? action) => action is null or Subscribe or Screening or Handoff;
}
