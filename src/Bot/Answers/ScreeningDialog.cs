using System.Globalization;
using Outreach.Bot.Core;
using Outreach.Content.ContentPacks;
using Outreach.Content.Dialogs;
using Outreach.Content.Text;

namespace Outreach.Bot.Answers;

/// <summary>
/// Screening lookup: asks for her commune (and optionally a month: "Tân Hưng tháng 6"), then lists the screening days of the
/// pack that match, from today on. The waiting step is dialog state written in the turn's transaction.
/// </summary>
public sealed class ScreeningDialog(DialogStateStore dialogs, TimeProvider time)
{
    public const string Name = "screening";
    private const string AskPlace = "ask_place";
    private const int MaxListed = 5;

    public async Task StartAsync(ITurnContext turnContext, MemberContext member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (member.Session is { } session && member.ContactId is { } contactId)
        {
            await dialogs.SetAsync(session.Transaction, contactId, new DialogState(Name, AskPlace, "{}"), time.GetUtcNow(), cancellationToken);
        }

        await turnContext.SendActivityAsync(member.Knowledge.Texts.Get("screening_ask_place"), cancellationToken: cancellationToken);
    }

    /// <summary>A commune, maybe with a month ("Tân Hưng tháng 6"), is a few syllables; a longer message is a new question.</summary>
    public static bool LooksLikePlace(string? text) => VietnameseText.Tokenize(text).Count is > 0 and <= MaxPlaceTokens;

    private const int MaxPlaceTokens = 7;

    /// <summary>Handles her answer to "which commune?" and ends the dialog.</summary>
    public async Task ContinueAsync(ITurnContext turnContext, MemberContext member, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(member);
        if (member.Session is { } session && member.ContactId is { } contactId)
        {
            await dialogs.ClearAsync(session.Transaction, contactId, cancellationToken);
        }

        var texts = member.Knowledge.Texts;
        if (Replies.IsOneOf(text, texts.Words("dialog_cancel_words")))
        {
            await turnContext.SendActivityAsync(texts.Get("screening_cancelled"), cancellationToken: cancellationToken);
            return;
        }

        var place = (text ?? "").Trim();
        var path = member.Ask(null).UnitPath;
        var events = member.Knowledge.Pack.Screenings.Where(e => e.OrgUnitId is not { } unit || path.Contains(unit));
        var found = Find(events, member.Province, member.Today, place).Take(MaxListed).ToList();
        var reply = found.Count == 0
            ? texts.Get("screening_none", ("place", place))
            : texts.Get("screening_found", ("place", place)) + "\n" + string.Join("\n", found.Select(Describe));
        await turnContext.SendActivityAsync(reply, cancellationToken: cancellationToken);
    }

    /// <summary>Screening days from <paramref name="today"/> on whose commune or place contains every word she gave (a month filters by month).</summary>
    public static IEnumerable<ScreeningEvent> Find(IEnumerable<ScreeningEvent> events, string? province, DateOnly today, string query)
    {
        ArgumentNullException.ThrowIfNull(events);
        var tokens = VietnameseText.Tokenize(query);
        var month = MonthOf(tokens);
        var words = tokens.Where(t => !t.IsNumber && t.Folded is not ("thang" or "xa" or "phuong" or "o" or "tai")).Select(t => t.Folded).ToList();
        return events
            .Where(e => e.Province is null || e.Province == province)
            .Where(e => (e.EndDate ?? e.Date) >= today && (month is null || e.Date.Month == month))
            .Where(e => words.Count > 0 && words.All(w => Folded(e.Commune + " " + e.Place).Contains(w)))
            .OrderBy(e => e.Date);
    }

    private static int? MonthOf(List<TextToken> tokens)
    {
        var index = tokens.FindIndex(t => t.Folded == "thang");
        return index >= 0 && index + 1 < tokens.Count && int.TryParse(tokens[index + 1].Folded, CultureInfo.InvariantCulture, out var month)
            && month is >= 1 and <= 12 ? month : null;
    }

    private static HashSet<string> Folded(string text) => VietnameseText.Tokenize(text).Select(t => t.Folded).ToHashSet(StringComparer.Ordinal);

    private static string Describe(ScreeningEvent e) =>
        $"• {e.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}" +
        (e.EndDate is { } end ? $"–{end.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}" : "") +
        $": {e.Place}" + (e.Who is { Length: > 0 } who ? $" ({who})" : "") + (e.Note is { Length: > 0 } note ? $". {note}" : "");
}
