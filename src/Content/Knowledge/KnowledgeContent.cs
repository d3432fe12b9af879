namespace Outreach.Content.Knowledge;

/// <summary>
/// The content of one version of an item, flat: each kind fills its own fields (an entry: <see cref="EntryId"/> to
/// <see cref="QuickReplies"/>; a hotline: <see cref="Number"/>, <see cref="Name"/>, <see cref="Description"/>,
/// <see cref="Hours"/>; an address: <see cref="Name"/>, <see cref="Commune"/>, <see cref="Address"/>, <see cref="Phone"/>;
/// a screening day: <see cref="Date"/> to <see cref="Note"/>; crisis cues: <see cref="Group"/> and <see cref="Cues"/>).
/// Stored as JSON; compared field by field for the history's differences.
/// </summary>
public sealed record KnowledgeContent
{
    public string? EntryId { get; init; }
    public string? Topic { get; init; }
    public string? Title { get; init; }
    public IReadOnlyList<string> Questions { get; init; } = [];
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public string? Answer { get; init; }
    public string? AnswerEnglish { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidUntil { get; init; }
    public IReadOnlyList<QuickReplyContent> QuickReplies { get; init; } = [];

    /// <summary>False: the item is withdrawn (a unit's entry no longer overrides the national one; a national one is hidden).</summary>
    public bool Active { get; init; } = true;

    public string? Number { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Hours { get; init; }
    public string? Commune { get; init; }
    public string? Address { get; init; }
    public string? Phone { get; init; }
    public DateOnly? Date { get; init; }
    public DateOnly? EndDate { get; init; }
    public string? Place { get; init; }
    public string? Who { get; init; }
    public string? Note { get; init; }
    public string? Group { get; init; }
    public IReadOnlyList<string> Cues { get; init; } = [];

    /// <summary>
    /// The item's key within its unit and kind (entry id, hotline number, crisis group, an address's name and commune, a
    /// screening day's date and place): two items of a unit never share one, and an import finds the item it updates by it.
    /// </summary>
    public string? KeyFor(string kind) => kind switch
    {
        KnowledgeKinds.Entry => EntryId?.Trim(),
        KnowledgeKinds.Hotline => Number?.Trim(),
        KnowledgeKinds.Crisis => Group?.Trim(),
        KnowledgeKinds.Address => Text.VietnameseText.Fold(Name) + "|" + Text.VietnameseText.Fold(Commune),
        KnowledgeKinds.Screening => Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "|" + Text.VietnameseText.Fold(Place),
        _ => null,
    };

    /// <summary>What staff read as the item's name in lists.</summary>
    public string Label(string kind) => kind switch
    {
        KnowledgeKinds.Entry => Title ?? EntryId ?? "",
        KnowledgeKinds.Hotline => $"{Number} – {Name}",
        KnowledgeKinds.Address => $"{Name} ({Commune})",
        KnowledgeKinds.Screening => $"{Date:dd/MM/yyyy} – {Place}",
        KnowledgeKinds.Crisis => Group ?? "",
        _ => "",
    };
}

/// <summary>A quick reply under an answer: the member taps <see cref="Title"/> and gets entry <see cref="Entry"/>.</summary>
public sealed record QuickReplyContent(string Title, string Entry);
