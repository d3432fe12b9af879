using System.Runtime.CompilerServices;
using Outreach.Content.Alerts;
using Outreach.Content.ContentPacks;
using Outreach.Content.Text;

namespace Outreach.Content.KnowledgeBase;

/// <summary>
/// The decision for one message, as a pure function of the pack version and the request: crisis first (hotlines, whatever
/// else matched), then the best entry when confident, else up to three suggestions, else the fallback menu.
/// The bot, the CLI and the eval all call this, so the eval measures what members get.
/// </summary>
public static partial class AnswerEngine
{
    /// <summary>Small talk ("chào", "cảm ơn", "ok") answers a short message; a longer one must be about something else.</summary>
    private const string SmalltalkTopic = "smalltalk";

    public static AnswerDecision Decide(KnowledgeSnapshot snapshot, AnswerRequest request)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(request);
        request = WithNamedProvince(snapshot, request);
        var tokens = MatchText.Message(request.Text, out var english);
        if (DecideCrisis(snapshot, request, tokens, english) is { } crisis)
        {
            return crisis;
        }

        var asked = QuestionWords.WithoutClosingLaugh(request.Text);
        if (!string.Equals(asked, request.Text, StringComparison.Ordinal))
        {
            request = request with { Text = asked };
            tokens = MatchText.Message(asked, out english);
        }

        return DecideQuestion(snapshot, request, tokens, english);
    }

    // A member whose province is not known who names a province with entries of its own ("Bình Phước giúp bao nhiêu hộ thoát
    // nghèo", folded "binh phuoc" for the code "binh-phuoc") is asking about that province.
    private static AnswerRequest WithNamedProvince(KnowledgeSnapshot snapshot, AnswerRequest request)
    {
        if (request.Province is not null || snapshot.Provinces.Count == 0)
        {
            return request;
        }

        var folded = " " + VietnameseText.Fold(request.Text) + " ";
        var named = snapshot.Provinces.FirstOrDefault(code =>
            folded.Contains(" " + VietnameseText.Fold(code.Replace('-', ' ')) + " ", StringComparison.Ordinal));
        return named is null ? request : request with { Province = named };
    }

    /// <summary>
    /// The crisis reply when the message signals one, else null. The hotline reply comes first; when the danger is not acute
    /// (abuse, a child, trafficking, sexual violence: not "happening now", nobody injured, no fire or flood) and an entry
    /// answers the question confidently, its answer follows as a second message ("bị bạo hành thì báo cho ai" gets
    /// hotlines, then where to report).
    /// </summary>
    public static AnswerDecision? DecideCrisis(KnowledgeSnapshot snapshot, AnswerRequest request)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(request);
        var tokens = MatchText.Message(request.Text, out var english);
        return DecideCrisis(snapshot, request, tokens, english);
    }

    private static AnswerDecision? DecideCrisis(KnowledgeSnapshot snapshot, AnswerRequest request, List<TextToken> tokens, bool english)
    {
        var crisis = snapshot.Crisis.Assess(request.Text);
        if (!crisis.IsCrisis)
        {
            return null;
        }

        var isAcute = crisis.Categories.Any(IsAcute);
        var question = isAcute ? null : DecideQuestion(snapshot, request, tokens, english);
        var followUp = question is { Kind: AnswerKind.Answer, Action: null, Topic: not SmalltalkTopic } ? question.Text : null;
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
            ? snapshot.LocalAddresses(request)
            : snapshot.Pack.Addresses
                .Where(a => a.OrgUnit is not null && request.OrgUnits.Contains(a.OrgUnit) && (a.Province is null || a.Province == request.Province))
                .Concat(snapshot.LocalAddresses(request))
                .ToList();

    private static AnswerDecision DecideQuestion(KnowledgeSnapshot snapshot, AnswerRequest request, List<TextToken> tokens, bool english)
    {
        var options = snapshot.Index.Options;
        if (tokens.Count > 0 && QueryTerm.ContentCount(tokens) == 0)
        {
            return Particles(snapshot, tokens, e => snapshot.IsEligible(e, request.Province, request.Today), english);
        }

        var offTopicCount = OffTopicCount(snapshot, tokens);
        var top = Best(snapshot, request.Text, tokens, english, snapshot.EligibleMask(request), offTopicCount > 0, out var ranked, out var askedApart);
        // A question that names something outside the union's work (football, lottery, the weather, a phone to repair) gets
        // an entry only when it is very confident; three unrelated suggestions would serve her worse than the "ngoài phạm
        // vi" fallback. Not when the entry answers a question she asked apart from it ("…động đất vui ghê. Mà tối nay chi
        // hội họp mấy giờ"): that question is the union's.
        var offTopic = offTopicCount > 0 && !askedApart;
        // Small talk about something outside the union's work: only the acts that still answer it (a thanks, a laugh), not
        // "ad kể chuyện cười nghe đi" read as chit-chat with the bot; and a story that is about that thing (two phrases of it
        // or more: a match told goal by goal) only with a thanks, a wish or a good night, not a laugh.
        // A request that does not itself name the thing ("coi phim mà sợ chết khiếp, bot nói chuyện với tui xíu đi") is still
        // small talk; a story about her own people ("thằng cu nhà em đá banh sút thủng lưới… 🤣") is told to share, not a match report.
        var about = offTopicCount >= AboutOffTopicPhrases && !NamesHerPeople(snapshot, tokens);
        var asksOffTopic = offTopic && LastClauseNamesOffTopic(snapshot, request.Text);
        // A sigh or a laugh beside a request for that thing or a question about it ("kể chuyện cười đi ad, buồn ngủ quá", "…tức
        // muốn chết luôn, phim này ai đạo diễn vậy") is not shared to be heard: she wants the joke, the film's director, and
        // the "ngoài phạm vi" fallback says the bot cannot give them. A thanks, a wish, a good night still answer.
        var requestsOffTopic = offTopic && RequestsOffTopic(snapshot, request.Text);
        bool AnswersOffTopic(KnowledgeEntry entry) =>
            entry.Topic != SmalltalkTopic
            || (snapshot.Texts.Words(StatementActsOffTopicKey).Contains(entry.Id, StringComparer.Ordinal)
                ? snapshot.Texts.Words(StatementActsOverEntriesKey).Contains(entry.Id, StringComparer.Ordinal) || (!about && !requestsOffTopic)
                : !asksOffTopic);
        // A story that thanks or wishes and asks nothing is that small talk, unless an entry answers it clearly ("cảm ơn hội
        // đã đến thăm mẹ em… giờ mẹ khỏe rồi" shares a word or two with an entry by chance).
        if (top is not null && top.Entry.Topic != SmalltalkTopic && top.Confidence < options.SmalltalkLeadConfidence
            && StatementSmalltalk(snapshot, request, tokens) is { } statement
            && snapshot.Texts.Words(StatementActsOverEntriesKey).Contains(statement.Id, StringComparer.Ordinal))
        {
            return Answer(snapshot, statement, top.Confidence, english);
        }

        if (top is not null && top.Confidence >= (offTopic ? options.OffTopicAnswerThreshold : options.AnswerThreshold)
            && (!offTopic || AnswersOffTopic(top.Entry)))
        {
            var entry = offTopic ? top.Entry : TopicGeneral(snapshot, request, tokens, top.Entry) ?? top.Entry;
            return Answer(snapshot, entry, top.Confidence, english);
        }

        // A story that asks nothing and thanks, wishes, greets, laughs or sighs gets that small talk's reply (AnswerEngine.Statements);
        // about something outside the union's work, only the acts that still answer it (a thanks, a laugh, not "kể chuyện cười đi").
        if (StatementSmalltalk(snapshot, request, tokens) is { } act && (!offTopic || AnswersOffTopic(act)))
        {
            return Answer(snapshot, act, top?.Confidence ?? 0, english);
        }

        var suggestions = offTopic
            ? []
            : ranked.Where(r => r.Confidence >= options.SuggestThreshold).ToList();
        if (suggestions.Count > 0)
        {
            return new AnswerDecision(
                AnswerKind.Suggestions, snapshot.Texts.Get("suggestions"), suggestions[0].Entry.Topic, null, suggestions[0].Confidence,
                suggestions.Select(s => new MenuItem(s.Entry.Title, AnswerPayloads.Entry(s.Entry.Id))).ToList(), CrisisAssessment.None, null);
        }

        // A message that opens with small talk and asks nothing the pack answers ("Chào cháu, bà mới dùng cái zalo này…",
        // "hôm nay mệt chết đi được, bán hàng từ sáng…") gets the small talk's warm reply rather than "ngoài phạm vi".
        // Not when what she asks is the thing outside the union's work ("mệt muốn chết, có bài tập nào bóp chân cho đỡ mỏi không").
        if (OpeningSmalltalk(snapshot, request.Text, snapshot.EligibleMask(request.Province, request.Today)) is { } opening
            && (!offTopic || (AnswersOffTopic(opening.Entry) && !QuestionWords.AsksDirectly(request.Text) && !requestsOffTopic)))
        {
            return Answer(snapshot, opening.Entry, opening.Confidence, english);
        }

        return Fallback(snapshot, top?.Confidence ?? 0, english);
    }

    /// <summary>texts.yaml: the general entry of each topic ("loan-how-to-borrow"), which a bare topic word gets.</summary>
    public const string TopicGeneralEntriesKey = "topic_general_entries";

    // A bare topic word ("cho em hỏi vay vốn", "chính sách") gets the topic's general entry, not one narrow entry that happens
    // to be short (the housing loan): a message of a few syllables, every one of them named by a general entry's questions.
    // Of several such general entries, the one that scores best.
    private static KnowledgeEntry? TopicGeneral(KnowledgeSnapshot snapshot, AnswerRequest request, List<TextToken> tokens, KnowledgeEntry top)
    {
        var generals = snapshot.Texts.Words(TopicGeneralEntriesKey);
        if (generals.Count == 0 || top.Topic == SmalltalkTopic || top.Action is not null)
        {
            return null;
        }

        var (resolved, weights) = snapshot.Index.Resolve(tokens);
        var (normalized, normalizedWeights) = Synonyms.Normalize(resolved, weights);
        var content = normalized.Where((t, i) => !StopWords.IsStopWord(t) && !StopWords.IsFormOfAddress(t) && normalizedWeights[i] >= 1f).Count();
        if (content == 0 || content > snapshot.Index.Options.TopicWordMaxTokens)
        {
            return null;
        }

        // A number the best entry's questions name says which entry she means ("đề án 939 con ko", where "939 con" reads as a
        // count and weighs little): it is no bare topic word.
        var numbers = normalized.Where(t => t.IsNumber).Select(t => new QueryTerm(t.Exact, t.Folded, t.IsMarked, false, 1f)).ToList();
        if (numbers.Count > 0 && snapshot.Index.QuestionsName(numbers, top))
        {
            return null;
        }

        var terms = QueryTerm.From(normalized, normalizedWeights);
        var named = generals
            .Select(id => snapshot.FindEntry(id, request))
            .Where(e => e is not null && snapshot.Index.QuestionsName(terms, e))
            .Select(e => snapshot.Index.ScoreOf(terms, e!))
            .Where(s => s is not null)
            .OrderByDescending(s => s!.Confidence)
            .FirstOrDefault();
        return named is null || named.Entry.Id == top.Id ? null : named.Entry;
    }

    // The small talk entry the first or the last clause of a longer message says, when the message asks nothing the pack
    // answers: a greeting before a story ("Chào cháu, bà mới dùng cái zalo này…") or a sigh after one ("deadline báo cáo
    // dồn dập, mệt xỉu luôn").
    private static ScoredEntry? OpeningSmalltalk(KnowledgeSnapshot snapshot, string? text, bool[] eligible)
    {
        var clauses = (text ?? "").Split(ClauseSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (clauses.Length < 2)
        {
            return null;
        }

        // When the message asks something the pack does not answer, only a clause that greets, thanks, wishes… (texts.yaml
        // statement_acts) is its small talk: "Chào hội, … mai chi hội vẫn họp chứ?" is, "nhà em nhiều chuột quá, dùng thuốc
        // gì diệt" is not.
        var asks = QuestionWords.AsksDirectly(text);
        return Opening(clauses[0]) ?? Opening(clauses[^1]);

        ScoredEntry? Opening(string clause) =>
            asks && !SaysAnAct(snapshot, clause) ? null : SmalltalkOf(snapshot, clause, eligible);
    }

    private static ScoredEntry? SmalltalkOf(KnowledgeSnapshot snapshot, string clause, bool[] eligible)
    {
        var tokens = MatchText.Message(clause, out _);
        if (tokens.Count == 0 || QueryTerm.ContentCount(tokens) > snapshot.Index.Options.SmalltalkMaxTokens)
        {
            return null;
        }

        var ranked = Rank(snapshot, tokens, doc => eligible[doc], 1, eligible);
        return ranked.Count > 0 && ranked[0].Entry.Topic == SmalltalkTopic && ranked[0].Entry.Action is null
            && ranked[0].Confidence >= snapshot.Index.Options.AnswerThreshold
            ? ranked[0]
            : null;
    }

    // The best entry for the message. A long message is also read clause by clause: a clause can confirm the best entry
    // ("…, chị chưa vào hội, vậy có được vay vốn ưu đãi không, …"), and when the whole message is unclear, the clearest
    // clause that asks something decides (the story around a question does not). Small talk only answers a short message,
    // or a long one that asks nothing and nothing else answers ("cảm ơn em nhiều lắm, em giúp chị nhiều quá"; not "mệt muốn
    // chết, có bài tập nào bóp chân cho đỡ không", which asks about something else).
    private static ScoredEntry? Best(
        KnowledgeSnapshot snapshot, string? text, List<TextToken> tokens, bool english, bool[] eligible, bool namesOffTopic,
        out IReadOnlyList<ScoredEntry> ranked, out bool askedApart)
    {
        askedApart = false;
        var options = snapshot.Index.Options;
        var entries = snapshot.Index.Entries;
        var isShort = QueryTerm.ContentCount(tokens) <= options.SmalltalkMaxTokens;
        bool IsEligible(int doc) => eligible[doc];
        bool NotSmalltalk(int doc) => eligible[doc] && entries[doc].Topic != SmalltalkTopic;
        ranked = Rank(snapshot, tokens, isShort ? IsEligible : NotSmalltalk, options.MaxSuggestions, eligible);
        var top = ranked.Count > 0 ? ranked[0] : null;
        var unclear = top is null || top.Confidence < options.AnswerThreshold;
        // A message about something outside the union's work ("trường diễn tập động đất, có cần chuẩn bị gì không") is not
        // answered by a clause alone: what the clause asks about is the off-topic thing.
        if ((top is null || top.Confidence < options.OffTopicAnswerThreshold) && !english && namesOffTopic)
        {
            // …unless she turns to a question of her own: a new sentence, or a clause opening with "mà", "còn", "ngoài đời"…,
            // that asks and names nothing outside the union's work, and that an entry answers on its own ("Trường con em
            // diễn tập động đất, vui ghê. Mà tối nay chi hội họp mấy giờ"; "coi phim chồng đánh vợ ghê quá, ngoài đời mà
            // gặp vậy thì báo ai").
            foreach (var (clause, inside) in TurnClauses(snapshot, text))
            {
                var clauseTokens = MatchText.Message(clause, out _);
                if (clauseTokens.Count < MinClauseTokens || !QuestionWords.AsksDirectly(clause) || NamesOffTopic(snapshot, clauseTokens))
                {
                    continue;
                }

                var other = Rank(snapshot, clauseTokens, NotSmalltalk, 1, eligible);
                // A turn typed without a comma before it may still be the story's ("chơi game mà con em nghiện thì sao"):
                // its entry must be surer.
                var threshold = inside ? options.TurnInsideClauseThreshold : options.AnswerThreshold;
                if (other.Count > 0 && other[0].Confidence >= threshold && (top is null || other[0].Confidence > top.Confidence))
                {
                    top = other[0];
                    askedApart = true;
                }
            }

            // …or the thing is only why violence came to her home: "con em nghiện game, chồng đánh nó, em phải làm sao". Read
            // without the clauses that name it, she tells of her own people and asks: when that is violence, it is hers to ask.
            // A film's scene stays in its clause ("coi phim thấy cảnh ông chồng đánh vợ…"), and goes with it.
            if (!askedApart && WithoutOffTopicClauses(snapshot, text) is { } rest && QuestionWords.AsksDirectly(QuestionWords.WithoutGroupTags(rest)))
            {
                var restTokens = MatchText.Message(rest, out _);
                var other = NamesHerPeople(snapshot, restTokens) ? Rank(snapshot, restTokens, NotSmalltalk, 1, eligible) : [];
                if (other.Count > 0 && other[0].Entry.Topic == ViolenceTopic && other[0].Confidence >= options.AnswerThreshold
                    && (top is null || other[0].Confidence > top.Confidence))
                {
                    top = other[0];
                    askedApart = true;
                }
            }
        }

        if (unclear && tokens.Count >= options.LongMessageTokens && !english && !namesOffTopic)
        {
            var clauses = Clauses(text).ToList();
            foreach (var clause in clauses)
            {
                if (top is not null && ScoreOf(snapshot, clause, top.Entry) is { } same && same.Confidence > top.Confidence)
                {
                    top = same;
                }
            }

            if (top is null || top.Confidence < options.AnswerThreshold)
            {
                foreach (var clause in clauses.Where(QuestionWords.Asks))
                {
                    var other = Rank(snapshot, clause, NotSmalltalk, 1, eligible);
                    if (other.Count > 0 && (top is null || other[0].Confidence > top.Confidence))
                    {
                        top = other[0];
                    }
                }
            }
        }

        if (!isShort)
        {
            // A long message nothing else answers, that asks nothing; or one that small talk answers clearly better than any
            // entry ("Chào các cháu, bà mới tập dùng Zalo, nhắn thế này các cháu có đọc được không": not the entry on phones).
            // A small talk that acts (asking for a staff member) is itself what she asks: "cho mình nói chuyện với cán bộ hội
            // được không" asks directly and is still the handoff.
            var smalltalk = Rank(snapshot, tokens, IsEligible, options.MaxSuggestions, eligible);
            // …but not one that asks for something outside the union's work ("rảnh quá, ad kể chuyện cười nghe đi").
            var offTopic = namesOffTopic && !askedApart;
            var unanswered = (top is null || top.Confidence < options.AnswerThreshold)
                && ((!QuestionWords.AsksDirectly(text) && !offTopic) || smalltalk is [{ Entry.Action: not null }, ..]);
            if (smalltalk.Count > 0 && smalltalk[0].Entry.Topic == SmalltalkTopic && smalltalk[0].Confidence >= options.AnswerThreshold
                && (unanswered || (smalltalk[0].Entry.Action is null && smalltalk[0].Confidence >= options.SmalltalkLeadConfidence
                    && smalltalk[0].Confidence >= (top?.Confidence ?? 0) + options.SmalltalkLead && !offTopic)))
            {
                top = smalltalk[0];
            }
        }

        return top;
    }

    private const string ViolenceTopic = "violence";

    // The message without its clauses that name something outside the union's work; null when none does, or all do.
    private static string? WithoutOffTopicClauses(KnowledgeSnapshot snapshot, string? text)
    {
        var clauses = (text ?? "").Split(ClauseSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var kept = clauses.Where(c => !NamesOffTopic(snapshot, MatchText.Message(c, out _))).ToList();
        return kept.Count == clauses.Length || kept.Count == 0 ? null : string.Join(", ", kept);
    }

    // Only particles and forms of address ("vâng ạ", "ad ơi", "dạ"): the small talk whose question says no more than she
    // did ("vâng" for "vâng ạ"), else the greeting. The matcher ignores particles, so this is a set comparison.
    private static AnswerDecision Particles(
        KnowledgeSnapshot snapshot, List<TextToken> tokens, Func<KnowledgeEntry, bool> isEligible, bool english)
    {
        var said = tokens.Select(t => t.Folded).ToHashSet(StringComparer.Ordinal);
        var best = snapshot.Index.Entries
            .Where(e => e.Topic == SmalltalkTopic && e.Action is null && isEligible(e))
            .SelectMany(e => e.Questions.Select(q => (Entry: e, Words: MatchText.Message(q, out _).Select(t => t.Folded).ToHashSet(StringComparer.Ordinal))))
            .Where(q => q.Words.Count > 0 && q.Words.IsSubsetOf(said))
            .OrderByDescending(q => q.Words.Count)
            .Select(q => q.Entry)
            .FirstOrDefault();
        return best is not null
            ? Answer(snapshot, best, 1, english)
            : new AnswerDecision(AnswerKind.Answer, snapshot.Texts.Get("greeting"), SmalltalkTopic, null, 1, snapshot.Texts.Menu, CrisisAssessment.None, null);
    }

    // The clauses of a long message worth reading alone (four syllables or more).
    private static IEnumerable<List<TextToken>> Clauses(string? text) =>
        (text ?? "").Split(ClauseSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(clause => MatchText.Message(clause, out _))
            .Where(clause => clause.Count >= MinClauseTokens);

    /// <summary>The answer of one entry (a tapped suggestion or menu item); the fallback when it no longer exists.</summary>
    public static AnswerDecision AnswerEntry(KnowledgeSnapshot snapshot, string entryId, string? province, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var entry = snapshot.FindEntry(entryId, province, today);
        return entry is null
            ? Fallback(snapshot, 0, english: false) with { Text = snapshot.Texts.Get("entry_not_found") }
            : Answer(snapshot, entry, 1, english: false);
    }

    // isEligible is false wherever eligible is: only her entries are scored.
    private static IReadOnlyList<ScoredEntry> Rank(
        KnowledgeSnapshot snapshot, IReadOnlyList<TextToken> tokens, Func<int, bool> isEligible, int take, bool[] eligible)
    {
        return snapshot.Index.SearchWhere(Query(snapshot, tokens), isEligible, take, eligible);
    }

    private static ScoredEntry? ScoreOf(KnowledgeSnapshot snapshot, IReadOnlyList<TextToken> tokens, KnowledgeEntry entry) =>
        snapshot.Index.ScoreOf(Query(snapshot, tokens), entry);

    // The message as the index reads it: typos repaired, synonyms folded; an off-topic frame (an animal and a treatment) weighs
    // against every entry as an off-topic phrase does.
    private static List<QueryTerm> Query(KnowledgeSnapshot snapshot, IReadOnlyList<TextToken> tokens)
    {
        var (resolved, weights) = snapshot.Index.Resolve(tokens);
        var (normalized, normalizedWeights) = Synonyms.Normalize(resolved, weights);
        if (OffTopicFrames.Matches(resolved) || OffTopicFrames.Matches(tokens))
        {
            normalized.Add(OffTopicToken);
            normalizedWeights.Add(1f);
        }

        return QueryTerm.From(normalized, normalizedWeights);
    }

    private static readonly TextToken OffTopicToken = VietnameseText.MakeToken(Synonyms.OffTopicWord);

    private static bool NamesOffTopic(KnowledgeSnapshot snapshot, IReadOnlyList<TextToken> tokens) => OffTopicCount(snapshot, tokens) > 0;

    // How many phrases about things outside the union's work the message names (Synonyms.OffTopicWord), a frame of two words
    // apart (OffTopicFrames: an animal and a treatment) counting as one.
    private static int OffTopicCount(KnowledgeSnapshot snapshot, IReadOnlyList<TextToken> tokens)
    {
        var resolved = snapshot.Index.Resolve(tokens).Tokens;
        return Synonyms.Normalize(resolved).Tokens.Count(t => t.Folded == Synonyms.OffTopicWord)
            + (OffTopicFrames.Matches(resolved) || OffTopicFrames.Matches(tokens) ? 1 : 0);
    }

    // A story is about the thing outside the union's work when it names it this many times ("sút tung lưới… thủ môn…").
    private const int AboutOffTopicPhrases = 2;

    // Whether a clause that names the thing outside the union's work asks about it or asks for it: a question of its own, "ai"
    // asking who ("phim này ai đạo diễn"), or a request closing it ("kể chuyện cười đi", "chỉ em game nào chơi đi", "… nghe với").
    // A clause that asks the group whether they watched it ("mấy chị có coi ko") is a tag, not a question (QuestionWords.WithoutGroupTags).
    private static bool RequestsOffTopic(KnowledgeSnapshot snapshot, string? text)
    {
        foreach (var clause in QuestionWords.WithoutGroupTags(text).Split(ClauseSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!NamesOffTopic(snapshot, MatchText.Message(clause, out _)))
            {
                continue;
            }

            var words = ChatAbbreviations.Expand(VietnameseText.Tokenize(ChatParticles.Mark(clause)), keepAcronyms: false)
                .Where(t => !StopWords.IsStopWord(t) && !StopWords.IsFormOfAddress(t) && !QuestionWords.IsAddressee(t))
                .ToList();
            if (QuestionWords.AsksDirectly(clause) || AsksWho(words) || (words.Count > 1 && IsRequestWord(words[^1])))
            {
                return true;
            }
        }

        return false;

        static bool AsksWho(List<TextToken> words) =>
            words.Select((t, i) => t.Folded == "ai" && (!t.IsMarked || t.Exact == Who.Exact)
                && (i + 1 >= words.Count || !NotAsking.Contains(words[i + 1].Folded))).Any(asks => asks);
    }

    private static readonly TextToken Who = VietnameseText.MakeToken("ai");

    // "ai cũng khóc", "ai nấy đều thích": everyone, not who.
    private static readonly HashSet<string> NotAsking = new(["cung", "nay"], StringComparer.Ordinal);

    // The words that close a request ("kể đi", "chỉ em với", "kể nghe", "tìm giùm"), typed with their accents or plain.
    private static readonly HashSet<string> RequestWords = new(
        VietnameseText.Tokenize("đi với nghe giùm dùm giúp").Select(t => t.Exact), StringComparer.Ordinal);

    private static bool IsRequestWord(TextToken token) =>
        token.IsMarked ? RequestWords.Contains(token.Exact) : RequestWords.Any(w => VietnameseText.Fold(w) == token.Folded);

    private static bool LastClauseNamesOffTopic(KnowledgeSnapshot snapshot, string? text)
    {
        var clauses = (text ?? "").Split(ClauseSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return clauses.Length > 0 && NamesOffTopic(snapshot, MatchText.Message(clauses[^1], out _));
    }

    /// <summary>texts.yaml: her family and her chi hội, as a story about them names them ("thằng cu nhà em", "ck tui",
    /// "mấy chị trong chi hội"): such a story about something outside the union's work is told to share, not a match report.</summary>
    public const string HerPeopleKey = "her_people";

    // Read after the synonyms, so "vo dich" (vô địch, off topic) is no "vợ".
    private static bool NamesHerPeople(KnowledgeSnapshot snapshot, IReadOnlyList<TextToken> message)
    {
        var tokens = Synonyms.Normalize(snapshot.Index.Resolve(message).Tokens).Tokens;
        for (var start = 0; start < tokens.Count; start++)
        {
            if (PhrasesOf(snapshot.Texts, HerPeopleKey).Any(p => start + p.Length <= tokens.Count
                && p.Select((t, k) => tokens[start + k].Folded == t.Folded && (!tokens[start + k].IsMarked || tokens[start + k].Exact == t.Exact)).All(same => same)))
            {
                return true;
            }
        }

        return false;
    }

    // The clauses where she may turn to a question of her own: each sentence's first clause after the first sentence, and any
    // clause that opens with a turn ("mà", "còn", "nhân tiện", "ngoài đời"); a turn too short to ask ("Mà chị ơi,") passes it
    // to the clause after it.
    private static IEnumerable<(string Clause, bool Inside)> TurnClauses(KnowledgeSnapshot snapshot, string? text)
    {
        var sentences = (text ?? "").Split(SentenceEnds, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var s = 0; s < sentences.Length; s++)
        {
            var clauses = sentences[s].Split(ClauseSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var passed = false;
            for (var c = 0; c < clauses.Length; c++)
            {
                if (passed || (c == 0 && s > 0) || OpensWithTurn(snapshot, clauses[c]))
                {
                    yield return (clauses[c], false);
                    passed = VietnameseText.Tokenize(clauses[c]).Count < MinClauseTokens;
                }

                // A turn inside a clause, typed without a comma before it ("xem đá banh vui quá mà tối nay chi hội họp
                // mấy giờ"): what follows it, from the turn on.
                foreach (var rest in TurnsInside(snapshot, clauses[c]))
                {
                    yield return (rest, true);
                }
            }
        }
    }

    // The rest of a clause from each turn word that follows a few words of its own (a turn opening the clause is the
    // clause itself). Inside a clause a one-syllable turn typed plain counts only when it is "mà": plain "con" is a child
    // more often than "còn" ("xổ số hôm nay ra con gì"), plain "nhung" is "những".
    private static IEnumerable<string> TurnsInside(KnowledgeSnapshot snapshot, string clause)
    {
        var words = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var w = MinWordsBeforeTurn; w < words.Length; w++)
        {
            var rest = string.Join(' ', words[w..]);
            if (OpensWithTurn(snapshot, rest, inside: true))
            {
                yield return rest;
            }
        }
    }

    // "vui quá mà…": the story before a turn inside a clause.
    private const int MinWordsBeforeTurn = 2;

    private static readonly TextToken PlainTurnInside = VietnameseText.MakeToken("mà");

    private static bool OpensWithTurn(KnowledgeSnapshot snapshot, string clause, bool inside = false)
    {
        var tokens = VietnameseText.Tokenize(clause);
        return PhrasesOf(snapshot.Texts, TurnWordsKey).Any(turn => turn.Length <= tokens.Count
            && turn.Select((t, k) => tokens[k].Folded == t.Folded && (!tokens[k].IsMarked || tokens[k].Exact == t.Exact)).All(same => same)
            && (!inside || turn.Length > 1 || tokens[0].IsMarked || turn[0].Exact == PlainTurnInside.Exact));
    }

    /// <summary>texts.yaml: the words that turn from a story to a question of her own ("mà", "còn", "nhân tiện", "ngoài
    /// đời", "cho em hỏi"…), opening a clause or inside one.</summary>
    public const string TurnWordsKey = "turn_words";

    // A texts.yaml list of phrases, tokenized as a message is, once per texts of a pack version.
    private static TextToken[][] PhrasesOf(PackTexts texts, string key) =>
        PhraseLists.GetValue(texts, _ => new System.Collections.Concurrent.ConcurrentDictionary<string, TextToken[][]>(StringComparer.Ordinal))
            .GetOrAdd(key, k => texts.Words(k).Select(w => VietnameseText.Tokenize(w).ToArray()).Where(p => p.Length > 0).ToArray());

    private static readonly ConditionalWeakTable<PackTexts, System.Collections.Concurrent.ConcurrentDictionary<string, TextToken[][]>> PhraseLists = [];

    private static readonly char[] SentenceEnds = ['.', '!', '?', '\n', '…'];

    private const int MinClauseTokens = 4;

    private static readonly char[] ClauseSeparators = ['.', ',', ';', '!', '?', '\n', '…'];

    // An English message gets the entry's English answer when it has one (hotlines), else the Vietnamese answer.
    private static AnswerDecision Answer(KnowledgeSnapshot snapshot, KnowledgeEntry entry, double confidence, bool english)
    {
        IReadOnlyList<MenuItem> choices = entry.Action == EntryActions.Screening
            ? [new MenuItem(snapshot.Texts.Get("screening_offer"), ScreeningPayload)]
            : entry.QuickReplies;
        // An entry that starts a dialog answers with the dialog's opening line, which is what the bot sends.
        var text = entry.Action switch
        {
            EntryActions.Handoff => snapshot.Texts.Get("handoff_requested"),
            EntryActions.Subscribe => snapshot.Texts.Get("subscribe_menu"),
            _ => english && entry.AnswerEnglish is { Length: > 0 } inEnglish ? inEnglish : entry.Answer,
        };
        return new AnswerDecision(AnswerKind.Answer, text, entry.Topic, entry.Id, confidence, choices, CrisisAssessment.None, entry.Action);
    }

    private static AnswerDecision Fallback(KnowledgeSnapshot snapshot, double confidence, bool english)
    {
        var text = snapshot.Texts.Get("fallback");
        if (english && snapshot.Texts.Lines.TryGetValue("fallback_en", out var inEnglish))
        {
            text = inEnglish + "\n" + text;
        }

        return new(AnswerKind.Fallback, text, null, null, confidence, snapshot.Texts.Menu, CrisisAssessment.None, null);
    }

    /// <summary>The payload of the "find a screening day near me" quick reply.</summary>
    public const string ScreeningPayload = "SCREENING";
}
