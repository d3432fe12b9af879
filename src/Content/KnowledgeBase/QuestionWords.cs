using Outreach.Content.Text;

namespace Outreach.Content.KnowledgeBase;

/// <summary>
/// Whether a clause asks something: it has a question word ("gì", "sao", "đâu", "nào", "bao nhiêu", "ai", "mấy", "chưa",
/// "không" as in "có … không"). In a long message the story ("chồng mất 3 năm rồi") is context; the question decides.
/// </summary>
public static class QuestionWords
{
    private static readonly string[] Phrases =
        ["gì", "sao", "đâu", "nào", "bao nhiêu", "bao giờ", "ai", "mấy", "chưa", "không", "hả", "hở", "à", "hông", "thế nào", "làm sao"];

    private static readonly HashSet<string> Words = new(
        Phrases.SelectMany(w => VietnameseText.Tokenize(w)).Select(t => t.Folded), StringComparer.Ordinal);

    // Words that ask when they end a clause ("… được không", "… chưa", "… sao", "… ở đâu"); inside one they are often not a
    // question ("không sao", "ko đánh ai", "với mấy đứa bạn").
    private static readonly HashSet<string> Endings = new(
        VietnameseText.Tokenize("không ko k hông hok khum chưa sao gì nào hả hở nhỉ chăng ai mấy").Select(t => t.Folded), StringComparer.Ordinal);

    // The same words as typed: "hà" is not "hả", "ải" not "ai" (an accent typed must be theirs).
    private static readonly HashSet<string> EndingsExact = new(
        VietnameseText.Tokenize("không ko k hông hok khum chưa sao gì nào hả hở nhỉ chăng ai mấy").Select(t => t.Exact), StringComparer.Ordinal);

    private static readonly HashSet<string> Addressees = new(
        VietnameseText.Tokenize("mn mng mọi người cả nhà ad admin bot mấy chị các chị chị em mấy bà").Select(t => t.Folded), StringComparer.Ordinal);

    /// <summary>True for a word that names whom she writes to ("ad", "mn", "bot", "mấy chị").</summary>
    public static bool IsAddressee(TextToken token) => Addressees.Contains(token.Folded);

    // A laugh after a question still leaves it a question ("đề án có cứu được cái tiệm của em ko haha").
    private static readonly HashSet<string> Laughs = new(
        ["haha", "hahaha", "hihi", "hihihi", "hehe", "hehehe", "hoho", "hjhj", "hihj", "kk", "kkk", "kkkk", "keke", "kaka", "lol", "huhu"],
        StringComparer.Ordinal);

    /// <summary>
    /// The text without the laugh that closes it when what comes before asks ("đề án có giúp được quán cơm của e ko hehe"):
    /// the laugh says how she asks, not what, and would count against the entry she asks about. Else the text as it is.
    /// </summary>
    public static string WithoutClosingLaugh(string? text)
    {
        var rest = text ?? "";
        var laughed = false;
        while (true)
        {
            rest = rest.TrimEnd().TrimEnd(ClosingMarks).TrimEnd();
            var space = rest.LastIndexOf(' ');
            var last = VietnameseText.Tokenize(rest[(space + 1)..]);
            if (space < 0 || last.Count != 1 || !Laughs.Contains(last[0].Folded))
            {
                break;
            }

            rest = rest[..space];
            laughed = true;
        }

        return laughed && AsksDirectly(rest) ? rest : text ?? "";
    }

    private static readonly char[] ClosingMarks = ['.', '!', '~', ':', ')', '(', '=', '>', '<', '^', '_'];

    // Phrases that ask wherever they stand.
    private static readonly TextToken[][] Asking = new[]
        {
         "bao nhiêu", "bao giờ", "thế nào", "làm sao", "ra sao", "là gì", "cái gì", "ở đâu", "có ai", "ai biết", "ai có", "ai chỉ",
         "đi đâu", "chỗ đâu", "gặp ai", "hỏi ai", "tìm ai", "được không", "có được không", "chỉ giúp", "chỉ giùm", "giúp em với",
         "giúp tôi với", "giúp mình với", "spoil", "cho xin", "xin link",
         "gì", "cách nào", "có cách", "chỗ nào", "nơi nào", "nên làm", "có nên", "mấy giờ",
        }
        .Select(p => VietnameseText.Tokenize(p).ToArray()).ToArray();

    private static readonly char[] ClauseEnds = ['.', ',', ';', '!', '\n', '…', ':'];

    /// <summary>
    /// True when the message asks something of its own: a question mark, a question word ending one of its clauses (particles,
    /// whom she addresses and a laugh aside: "… được không ạ", "… ko haha"), or an asking phrase anywhere ("bao nhiêu", "ai biết", "cho em hỏi"). Stricter than
    /// <see cref="Asks"/>, which also counts "không" in "không sao": a story that only tells (and thanks, wishes, laughs) asks nothing.
    /// </summary>
    public static bool AsksDirectly(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (text.Contains('?', StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var clause in text.Split(ClauseEnds, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var tokens = ChatAbbreviations.Expand(VietnameseText.Tokenize(ChatParticles.Mark(clause)), keepAcronyms: false);
            // Particles and whom she addresses end a question without being it ("… được không mọi người", "… ko mn").
            var content = tokens.Where(t => !StopWords.IsStopWord(t)).ToList();
            while (content.Count > 1 && (StopWords.IsFormOfAddress(content[^1]) || Addressees.Contains(content[^1].Folded) || Laughs.Contains(content[^1].Folded)))
            {
                content.RemoveAt(content.Count - 1);
            }

            if (content.Count > 0 && Endings.Contains(content[^1].Folded) && (!content[^1].IsMarked || EndingsExact.Contains(content[^1].Exact))
                && !NothingAt(content, content.Count - 1))
            {
                return true;
            }

            if (Asking.Any(phrase => Has(tokens, phrase, phrase is [{ Folded: "gi" }])))
            {
                return true;
            }
        }

        return false;
    }

    // A question to the others in the group about a show or a piece of news ("mấy chị có coi ko", "mn xem chưa", "có ai
    // nghe chưa"): it invites them to chat and asks nothing of the bot. Its words, the addressee aside: "có", a verb of
    // watching or hearing, and "không" or "chưa".
    private static readonly HashSet<string> TagVerbs = new(
        VietnameseText.Tokenize("coi xem nghe thấy").Select(t => t.Exact), StringComparer.Ordinal);

    private static readonly HashSet<string> TagWords = new(
        VietnameseText.Tokenize("có không chưa").Select(t => t.Exact), StringComparer.Ordinal);

    private static readonly char[] TagClauseEnds = [.. ClauseEnds, '?'];

    /// <summary>The text without its clauses that ask the group whether they watched or heard something; the other clauses
    /// keep their question marks ("How do you say thank you in Korean?" still asks).</summary>
    public static string WithoutGroupTags(string? text)
    {
        var kept = new List<string>();
        var rest = text ?? "";
        while (rest.Length > 0)
        {
            var end = rest.IndexOfAny(TagClauseEnds);
            var clause = (end < 0 ? rest : rest[..end]).Trim();
            var mark = end < 0 ? "." : rest[end] == '?' ? "?" : ".";
            if (clause.Length > 0 && !IsGroupTag(clause))
            {
                kept.Add(clause + mark);
            }

            rest = end < 0 ? "" : rest[(end + 1)..];
        }

        return string.Join(" ", kept);
    }

    private static bool IsGroupTag(string clause)
    {
        var tokens = ChatAbbreviations.Expand(VietnameseText.Tokenize(ChatParticles.Mark(clause)), keepAcronyms: false)
            .Where(t => !StopWords.IsStopWord(t)).ToList();
        var addressed = tokens.Count(t => Addressees.Contains(t.Folded) || StopWords.IsFormOfAddress(t) || t.Folded == "ai");
        var rest = tokens.Where(t => !Addressees.Contains(t.Folded) && !StopWords.IsFormOfAddress(t) && t.Folded != "ai").ToList();
        return addressed > 0 && rest.Count(t => TagVerbs.Contains(Plain(t))) == 1
            && rest.All(t => TagVerbs.Contains(Plain(t)) || TagWords.Contains(Plain(t)));

        // Typed plain, a word counts as the one it folds to here ("co" as "có", "coi" as "coi").
        static string Plain(TextToken t) => t.IsMarked ? t.Exact : VietnameseText.MakeToken(Restore(t.Folded)).Exact;
    }

    private static string Restore(string folded) => folded switch
    {
        "co" => "có", "khong" => "không", "chua" => "chưa", "thay" => "thấy", _ => folded,
    };

    // Negations that make a following "gì" mean "nothing" ("chưa ăn gì", "không có gì", "chẳng nói gì"), not "what".
    private static readonly HashSet<string> Negations = new(
        VietnameseText.Tokenize("chưa không chẳng chả hông hổng").Select(t => t.Exact), StringComparer.Ordinal);

    private static readonly TextToken What = VietnameseText.MakeToken("gì");

    private static readonly TextToken Fine = VietnameseText.MakeToken("sao");

    // Is tokens[index] a "gì" that means "nothing": a negation up to three words before it, and not "không biết … gì" (she
    // does not know what to do: that asks). Or the "sao" of "không sao" ("đi khám rồi không sao": it is fine).
    private static bool NothingAt(List<TextToken> tokens, int index)
    {
        if (tokens[index].Folded == "sao" && (!tokens[index].IsMarked || tokens[index].Exact == Fine.Exact))
        {
            return index > 0 && tokens[index - 1].IsMarked && Negations.Contains(tokens[index - 1].Exact);
        }

        if (tokens[index].Folded != "gi" || (tokens[index].IsMarked && tokens[index].Exact != What.Exact))
        {
            return false;
        }

        for (var k = index - 1; k >= Math.Max(0, index - 3); k--)
        {
            if (tokens[k].Folded == "biet")
            {
                return false;
            }

            if (tokens[k].IsMarked && Negations.Contains(tokens[k].Exact))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Has(List<TextToken> tokens, TextToken[] phrase, bool skipNothing = false)
    {
        for (var start = 0; start + phrase.Length <= tokens.Count; start++)
        {
            if (skipNothing && NothingAt(tokens, start))
            {
                continue;
            }

            var k = 0;
            while (k < phrase.Length && tokens[start + k].Folded == phrase[k].Folded
                && (!tokens[start + k].IsMarked || tokens[start + k].Exact == phrase[k].Exact))
            {
                k++;
            }

            if (k == phrase.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the clause has a question word (accent-folded, so "khong" and "không" both count).</summary>
    public static bool Asks(IReadOnlyList<TextToken> clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        return clause.Any(t => Words.Contains(t.Folded));
    }
}
