using Outreach.Content.Alerts;
using Outreach.Content.KnowledgeBase;

namespace Outreach.Content.ContentPacks;

/// <summary>Everything the bot knows, as read from the pack files (or from the database): one immutable version.</summary>
public sealed record ContentPack(
    string Hash,
    IReadOnlyList<KnowledgeEntry> Entries,
    IReadOnlyList<Hotline> Hotlines,
    IReadOnlyList<CommunityAddress> Addresses,
    IReadOnlyList<ScreeningEvent> Screenings,
    PackTexts Texts,
    CrisisRules Crisis);

/// <summary>A hotline number (never muted). <see cref="Province"/> is null for national numbers.</summary>
public sealed record Hotline(string Number, string Name, string? Description, string? Hours, string? Province)
{
    /// <summary>The unit whose staff added it for their subtree (null: the pack's).</summary>
    public long? OrgUnitId { get; init; }
}

/// <summary>A trusted community address (Địa chỉ tin cậy) of one commune.</summary>
public sealed record CommunityAddress(string Name, string Commune, string? Address, string? Phone, string? OrgUnit, string? Province)
{
    /// <summary>The unit whose staff added it for their subtree (null: the pack's, placed by <see cref="OrgUnit"/> code).</summary>
    public long? OrgUnitId { get; init; }
}

/// <summary>A screening day: when, where, for whom.</summary>
public sealed record ScreeningEvent(
    DateOnly Date, DateOnly? EndDate, string Place, string Commune, string? OrgUnit, string? Who, string? Note, string? Province)
{
    /// <summary>The unit whose staff added it for their subtree (null: the pack's).</summary>
    public long? OrgUnitId { get; init; }
}

/// <summary>A choice of the fallback menu: what the member sees and the payload it sends back.</summary>
public sealed record MenuItem(string Title, string Payload);
