using Outreach.Content.Alerts;
using Outreach.Content.ContentPacks;
using Outreach.Content.Text;

namespace Outreach.Content.KnowledgeBase;

/// <summary>
/// The decision for one message, as a pure function of the pack version and the request: crisis first (hotlines, whatever
/// else matched), then the best entry when confident, else up to three suggestions, else the fallback menu.
/// The bot, the CLI and the eval all call this, so the eval measures what members get.
/// </summary>
public static class AnswerEngine
{
    public static AnswerDecision Decide(KnowledgeSnapshot snapshot, AnswerRequest request)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(request);
        var tokens = ChatAbbreviations.Expand(VietnameseText.Tokenize(request.Text));
        return DecideCrisis(snapshot, request, tokens) ?? DecideQuestion(snapshot, request, tokens);
    }

    /// <summary>
    /// The crisis reply when the message signals one, else null. The hotline reply comes first; when the danger is not acute
    /// (abuse, a child, trafficking, sexual violence: not "happening now", nobody injured, no fire or flood) and an entry answers the question
    /// confidently, its answer follows as a second message ("bị bạo hành thì báo cho ai" gets hotlines, then where to report).
    /// </summary>
    public static AnswerDecision? DecideCrisis(KnowledgeSnapshot snapshot, AnswerRequest request)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(request);
        return DecideCrisis(snapshot, request, ChatAbbreviations.Expand(VietnameseText.Tokenize(request.Text)));
    }

    private static AnswerDecision? DecideCrisis(KnowledgeSnapshot snapshot, AnswerRequest request, List<TextToken> tokens)
    {
        var crisis = snapshot.Crisis.Assess(request.Text);
        if (!crisis.IsCrisis)
        {
            return null;
        }

        var isAcute = crisis.Categories.Any(IsAcute);
        var question = isAcute ? null : DecideQuestion(snapshot, request, tokens);
        var followUp = question is { Kind: AnswerKind.Answer, Action: null } ? question.Text : null;
        var reply = CrisisReply.Compose(snapshot.Pack.Crisis, crisis, NearbyAddresses(snapshot, request));
        return new AnswerDecision(AnswerKind.Crisis, reply, "crisis", followUp is null ? null : question!.EntryId, 1, [], crisis, null)
        {
            FollowUp = followUp,
        };
    }

    // Someone needs help right now: nothing but the crisis reply.
    private static bool IsAcute(CrisisCategory category) =>
        category is not (CrisisCategory.Abuse or CrisisCategory.Child or CrisisCategory.Trafficking or CrisisCategory.Sexual);

    // The trusted community addresses of her commune or chi hội (addresses.yaml lists them by org-unit code).
    private static List<CommunityAddress> NearbyAddresses(KnowledgeSnapshot snapshot, AnswerRequest request) =>
        request.OrgUnits.Count == 0
            ? []
            : snapshot.Pack.Addresses
                .Where(a => a.OrgUnit is not null && request.OrgUnits.Contains(a.OrgUnit) && (a.Province is null || a.Province == request.Province))
                .ToList();

    private static AnswerDecision DecideQuestion(KnowledgeSnapshot snapshot, AnswerRequest request, List<TextToken> tokens)
    {
        var options = snapshot.Index.Options;
        bool IsEligible(KnowledgeEntry e) => snapshot.IsEligible(e, request.Province, request.Today);
        var ranked = Rank(snapshot, tokens, IsEligible, options.MaxSuggestions);
        var top = ranked.Count > 0 ? ranked[0] : null;
        var confidence = top is null ? 0 : tokens.Count >= options.LongMessageTokens
            ? Math.Max(top.Confidence, BestClauseConfidence(snapshot, request.Text ?? "", top.Entry))
            : top.Confidence;
        if (top is not null && confidence >= options.AnswerThreshold)
        {
            return Answer(snapshot, top.Entry, confidence);
        }

        var suggestions = ranked.Where(r => r.Confidence >= options.SuggestThreshold).ToList();
        if (suggestions.Count > 0)
        {
            return new AnswerDecision(
                AnswerKind.Suggestions, snapshot.Texts.Get("suggestions"), suggestions[0].Entry.Topic, null, suggestions[0].Confidence,
                suggestions.Select(s => new MenuItem(s.Entry.Title, AnswerPayloads.Entry(s.Entry.Id))).ToList(), CrisisAssessment.None, null);
        }

        return Fallback(snapshot, top?.Confidence ?? 0);
    }

    /// <summary>The answer of one entry (a tapped suggestion or menu item); the fallback when it no longer exists.</summary>
    public static AnswerDecision AnswerEntry(KnowledgeSnapshot snapshot, string entryId, string? province, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var entry = snapshot.FindEntry(entryId, province, today);
        return entry is null ? Fallback(snapshot, 0) with { Text = snapshot.Texts.Get("entry_not_found") } : Answer(snapshot, entry, 1);
    }

    private static IReadOnlyList<ScoredEntry> Rank(
        KnowledgeSnapshot snapshot, IReadOnlyList<TextToken> tokens, Func<KnowledgeEntry, bool> isEligible, int take)
    {
        var (resolved, weights) = snapshot.Index.Resolve(tokens);
        return snapshot.Index.Search(QueryTerm.From(resolved, weights), isEligible, take);
    }

    // A long message is judged by its clearest clause too: "…, chị chưa vào hội, vậy có được vay vốn ưu đãi không, …".
    private static double BestClauseConfidence(KnowledgeSnapshot snapshot, string text, KnowledgeEntry entry) =>
        text.Split(ClauseSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(clause => ChatAbbreviations.Expand(VietnameseText.Tokenize(clause)))
            .Where(clause => clause.Count >= MinClauseTokens)
            .Select(clause => Rank(snapshot, clause, e => ReferenceEquals(e, entry), 1))
            .Select(scored => scored.Count > 0 ? scored[0].Confidence : 0)
            .DefaultIfEmpty(0)
            .Max();

    private const int MinClauseTokens = 4;

    private static readonly char[] ClauseSeparators = ['.', ',', ';', '!', '?', '\n', '…'];

    private static AnswerDecision Answer(KnowledgeSnapshot snapshot, KnowledgeEntry entry, double confidence)
    {
        IReadOnlyList<MenuItem> choices = entry.Action == EntryActions.Screening
            ? [new MenuItem(snapshot.Texts.Get("screening_offer"), ScreeningPayload)]
            : [];
        // An entry that starts a dialog answers with the dialog's opening line, which is what the bot sends.
        var text = entry.Action switch
        {
            EntryActions.Handoff => snapshot.Texts.Get("handoff_requested"),
            EntryActions.Subscribe => snapshot.Texts.Get("subscribe_menu"),
            _ => entry.Answer,
        };
        return new AnswerDecision(AnswerKind.Answer, text, entry.Topic, entry.Id, confidence, choices, CrisisAssessment.None, entry.Action);
    }

    private static AnswerDecision Fallback(KnowledgeSnapshot snapshot, double confidence) =>
        new(AnswerKind.Fallback, snapshot.Texts.Get("fallback"), null, null, confidence, snapshot.Texts.Menu, CrisisAssessment.None, null);

    /// <summary>The payload of the "find a screening day near me" quick reply.</summary>
    public const string ScreeningPayload = "SCREENING";
}
