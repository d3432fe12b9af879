using Outreach.Content.KnowledgeBase;

namespace Outreach.Content.ContentPacks;

// Rows as Dapper reads them (snake_case columns matched by DapperConfiguration), turned into the pack's records.
#pragma warning disable CA1812 // Instantiated by Dapper and System.Text.Json.
internal sealed record EntryRow(
    long PackVersion, string Province, string Id, string Topic, string Title, string[] Questions, string[] Keywords, string Answer,
    string? Source, DateOnly? ValidFrom, DateOnly? ValidUntil, string? Action)
{
    public KnowledgeEntry ToEntry() => new(
        Id, Province.Length == 0 ? null : Province, Topic, Title, Questions, Keywords, Answer, Source, ValidFrom, ValidUntil, Action);
}

internal sealed record ScreeningRow(
    long PackVersion, string Province, int Position, DateOnly StartsOn, DateOnly? EndsOn, string Place, string Commune, string? OrgUnit,
    string? Who, string? Note)
{
    public ScreeningEvent ToEvent() => new(StartsOn, EndsOn, Place, Commune, OrgUnit, Who, Note, Province.Length == 0 ? null : Province);
}

internal sealed record TextsRow(
    Dictionary<string, string> Lines, List<MenuItem> Menu, Dictionary<string, List<string>> WordLists)
{
    public static TextsRow From(PackTexts texts) => new(
        texts.Lines.ToDictionary(), texts.Menu.ToList(), texts.WordLists.ToDictionary(kv => kv.Key, kv => kv.Value.ToList()));

    public PackTexts ToTexts() => new(Lines, Menu, WordLists.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value));
}
#pragma warning restore CA1812
