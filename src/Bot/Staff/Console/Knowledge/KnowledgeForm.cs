using System.Globalization;
using Outreach.Content.Knowledge;

namespace Outreach.Bot.Staff.Console.Knowledge;

/// <summary>
/// What the knowledge form posts; it becomes the same <see cref="KnowledgeContent"/> the JSON API takes. Lists are one item a
/// line; a quick reply is "Tiêu đề | mã-mục".
/// </summary>
public sealed class KnowledgeForm
{
    public const string PreviewIntent = "preview";

    public string? Kind { get; set; }
    public long? OrgUnitId { get; set; }
    public bool National { get; set; }
    public int Revision { get; set; }
    public string? EntryId { get; set; }
    public string? Topic { get; set; }
    public string? Title { get; set; }
    public string? Questions { get; set; }
    public string? Keywords { get; set; }
    public string? Answer { get; set; }
    public string? AnswerEnglish { get; set; }
    public string? ValidFrom { get; set; }
    public string? ValidUntil { get; set; }
    public string? QuickReplies { get; set; }
    public bool Withdrawn { get; set; }
    public string? Number { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Hours { get; set; }
    public string? Commune { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Date { get; set; }
    public string? EndDate { get; set; }
    public string? Place { get; set; }
    public string? Who { get; set; }
    public string? Note { get; set; }
    public string? Group { get; set; }
    public string? Cues { get; set; }

    /// <summary>The test box's sample question.</summary>
    public string? TestQuestion { get; set; }

    /// <summary>"preview" shows the answer and the test without saving; anything else saves.</summary>
    public string? Intent { get; set; }

    public bool IsPreview => Intent == PreviewIntent;

    public string KindOrEntry => KnowledgeKinds.IsKnown(Kind) ? Kind! : KnowledgeKinds.Entry;

    public KnowledgeContent ToContent() => new()
    {
        EntryId = EntryId, Topic = Topic, Title = Title, Questions = Lines(Questions), Keywords = Lines(Keywords), Answer = Answer,
        AnswerEnglish = AnswerEnglish, ValidFrom = Day(ValidFrom), ValidUntil = Day(ValidUntil),
        QuickReplies = Lines(QuickReplies).Select(line => line.Split('|', 2)).Select(p => new QuickReplyContent(p[0].Trim(), p.Length > 1 ? p[1].Trim() : "")).ToList(),
        Active = !Withdrawn, Number = Number, Name = Name, Description = Description, Hours = Hours, Commune = Commune, Address = Address,
        Phone = Phone, Date = Day(Date), EndDate = Day(EndDate), Place = Place, Who = Who, Note = Note, Group = Group, Cues = Lines(Cues),
    };

    public static KnowledgeForm From(string kind, KnowledgeContent c, long? unitId, int revision)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new KnowledgeForm
        {
            Kind = kind, OrgUnitId = unitId, National = unitId is null, Revision = revision, EntryId = c.EntryId, Topic = c.Topic, Title = c.Title,
            Questions = string.Join("\n", c.Questions), Keywords = string.Join("\n", c.Keywords), Answer = c.Answer, AnswerEnglish = c.AnswerEnglish,
            ValidFrom = Input(c.ValidFrom), ValidUntil = Input(c.ValidUntil),
            QuickReplies = string.Join("\n", c.QuickReplies.Select(q => $"{q.Title} | {q.Entry}")), Withdrawn = !c.Active, Number = c.Number,
            Name = c.Name, Description = c.Description, Hours = c.Hours, Commune = c.Commune, Address = c.Address, Phone = c.Phone,
            Date = Input(c.Date), EndDate = Input(c.EndDate), Place = c.Place, Who = c.Who, Note = c.Note, Group = c.Group,
            Cues = string.Join("\n", c.Cues),
        };
    }

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string? Input(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
