using Dapper;
using Npgsql;
using Outreach.Content.KnowledgeBase;

namespace Outreach.Content.ContentPacks;

/// <summary>The rows of one pack version (entries, hotlines, trusted addresses, screening days): written and read together.</summary>
internal static class ContentPackRows
{
    public static async Task InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long version, ContentPack pack, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO kb_entries (pack_version, province, id, topic, title, questions, keywords, answer, source, valid_from, valid_until, action, answer_en, quick_replies)
            VALUES (@version, @Province, @Id, @Topic, @Title, @Questions, @Keywords, @Answer, @Source, @ValidFrom, @ValidUntil, @Action, @AnswerEnglish, @QuickReplies::jsonb)
            """,
            pack.Entries.Select(e => new
            {
                version, Province = e.Province ?? "", e.Id, e.Topic, e.Title, Questions = e.Questions.ToArray(),
                Keywords = e.Keywords.ToArray(), e.Answer, e.Source, e.ValidFrom, e.ValidUntil, e.Action, e.AnswerEnglish,
                QuickReplies = e.QuickReplies.Count == 0 ? null : System.Text.Json.JsonSerializer.Serialize(e.QuickReplies),
            }),
            transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO hotlines VALUES (@version, @province, @position, @Number, @Name, @Description, @Hours)",
            pack.Hotlines.Select((h, i) => new { version, province = h.Province ?? "", position = i, h.Number, h.Name, h.Description, h.Hours }),
            transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO community_addresses VALUES (@version, @province, @position, @Name, @Commune, @Address, @Phone, @OrgUnit)",
            pack.Addresses.Select((a, i) => new
            {
                version, province = a.Province ?? "", position = i, a.Name, a.Commune, a.Address, a.Phone, a.OrgUnit,
            }),
            transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO screening_events VALUES (@version, @province, @position, @Date, @EndDate, @Place, @Commune, @OrgUnit, @Who, @Note)",
            pack.Screenings.Select((s, i) => new
            {
                version, province = s.Province ?? "", position = i, s.Date, s.EndDate, s.Place, s.Commune, s.OrgUnit, s.Who, s.Note,
            }),
            transaction, cancellationToken: cancellationToken));
    }

    public static async Task<(List<KnowledgeEntry>, List<Hotline>, List<CommunityAddress>, List<ScreeningEvent>)> LoadAsync(NpgsqlConnection connection, long version, CancellationToken cancellationToken)
    {
        var args = new { version };
        var entries = await connection.QueryAsync<EntryRow>(new CommandDefinition(
            "SELECT * FROM kb_entries WHERE pack_version = @version ORDER BY province, id", args, cancellationToken: cancellationToken));
        var hotlines = await connection.QueryAsync<Hotline>(new CommandDefinition(
            """
            SELECT number, name, description, hours, NULLIF(province, '') AS province
            FROM hotlines WHERE pack_version = @version ORDER BY province, position
            """,
            args, cancellationToken: cancellationToken));
        var addresses = await connection.QueryAsync<CommunityAddress>(new CommandDefinition(
            """
            SELECT name, commune, address, phone, org_unit, NULLIF(province, '') AS province
            FROM community_addresses WHERE pack_version = @version ORDER BY province, position
            """,
            args, cancellationToken: cancellationToken));
        var screenings = await connection.QueryAsync<ScreeningRow>(new CommandDefinition(
            "SELECT * FROM screening_events WHERE pack_version = @version ORDER BY province, position", args, cancellationToken: cancellationToken));
        return (entries.Select(e => e.ToEntry()).ToList(), hotlines.ToList(), addresses.ToList(), screenings.Select(s => s.ToEvent()).ToList());
    }
}

// Rows as Dapper reads them (snake_case columns matched by DapperConfiguration), turned into the pack's records.
#pragma warning disable CA1812 // Instantiated by Dapper and System.Text.Json.
internal sealed record EntryRow(
    long PackVersion, string Province, string Id, string Topic, string Title, string[] Questions, string[] Keywords, string Answer,
    string? Source, DateOnly? ValidFrom, DateOnly? ValidUntil, string? Action, string? AnswerEn, string? QuickReplies)
{
    public KnowledgeEntry ToEntry() => new(
        Id, Province.Length == 0 ? null : Province, Topic, Title, Questions, Keywords, Answer, Source, ValidFrom, ValidUntil, Action)
    {
        AnswerEnglish = AnswerEn,
        QuickReplies = QuickReplies is not null && System.Text.Json.JsonSerializer.Deserialize<List<MenuItem>>(QuickReplies) is { Count: > 0 } replies
            ? replies
            : Array.Empty<MenuItem>(),
    };
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
