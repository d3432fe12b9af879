namespace Outreach.Content.Text;

/// <summary>
/// Tells a short English message ("help my husband is beating me", "what is the hotline number") from Vietnamese typed
/// without accents: it counts words that are common in English and are not Vietnamese syllables ("me" is mẹ, "no" is nó,
/// "an" is ăn, so they do not count).
/// </summary>
public static class EnglishText
{
    private static readonly HashSet<string> Words = new(
        ["help", "my", "the", "husband", "right", "now", "what", "please", "she", "her", "him", "want", "someone", "is", "are", "was",
         "of", "and", "for", "how", "where", "who", "can", "could", "number", "call", "hotline", "police", "wife", "child", "children",
         "daughter", "son", "kill", "going", "there", "you", "your", "it", "this", "that", "with", "has", "have", "not", "fire",
         "flood", "took", "pills", "drank", "swallowed", "am", "i", "we", "our", "they", "does", "did", "any", "about", "women",
         "woman", "union", "violence", "domestic", "abuse", "abused", "beating", "beats", "hits", "hitting", "hurt", "safe",
         "shelter", "emergency", "phone", "line", "free", "get", "need", "would", "like", "know", "if", "from", "be", "been",
         "here", "which", "when", "why", "should", "will", "just", "very", "much", "many", "loan", "insurance", "health",
         "thanks", "thank", "hello", "hi", "yes", "okay", "bye", "vietnam", "vietnamese", "english", "speak", "lot", "good", "morning", "night", "sorry", "welcome",
         // Words of a crisis told in English that no Vietnamese syllable spells, so the message is not read as telex.
         "door", "handle", "keeps", "trying", "outside", "inside", "wrote", "letter", "letters", "last", "anyone", "kids",
         "things", "gave", "away", "mom", "dad", "key", "kept", "tonight", "today", "bother", "he's",
         "she's", "it's", "i'm", "i'll", "ex", "following", "breathe", "breathing", "bleeding", "pregnant", "weeks", "smoke", "sometimes", "family", "work", "ngo", "abroad"],
        StringComparer.Ordinal);

    /// <summary>
    /// True when at least two of the tokens are English words, and at least half of them are English or foreign words: a word
    /// no Vietnamese syllable spells that is neither chat shorthand nor Telex ("survivors", "villages", "organisation"), so a
    /// long English question from an NGO is English, while "dang ky vneid tren zalo" (no English word listed) is not.
    /// </summary>
    public static bool LooksEnglish(IReadOnlyList<TextToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var words = tokens.Count(t => !t.IsNumber);
        var english = tokens.Where((t, i) => IsEnglish(t) && !IsGiggle(tokens, i)).Count();
        var foreign = tokens.Count(t => !IsEnglish(t) && IsForeign(t));
        return english >= 2 && (english + foreign) * 2 >= words;
    }

    // A plain word of three letters or more that no Vietnamese syllable spells, that is no chat shorthand ("ntn", "dc") and no
    // Telex leftover ("chaof").
    private static bool IsForeign(TextToken t) =>
        !t.IsMarked && t.Exact.Length >= 3 && t.Exact.All(char.IsAsciiLetterLower) && !VietnameseSyllable.IsPossible(t.Exact)
        && !ChatAbbreviations.IsAbbreviation(t.Exact) && !TelexDecoder.TryDecode(t.Exact, out _);

    // "hi hi", "hi hi hi": a Vietnamese giggle, not two English greetings.
    private static bool IsGiggle(IReadOnlyList<TextToken> tokens, int i) =>
        tokens[i].Exact == "hi" && ((i > 0 && tokens[i - 1].Exact == "hi") || (i + 1 < tokens.Count && tokens[i + 1].Exact == "hi"));

    // A listed word, or a word of the lexicon that no Vietnamese syllable spells ("loans", "tests"; not "hit", which is "hít").
    private static bool IsEnglish(TextToken t) =>
        !t.IsMarked && (Words.Contains(t.Exact) || (LexiconWords.Contains(t.Exact) && !VietnameseSyllable.IsPossible(t.Exact)));

    /// <summary>True when <paramref name="token"/> is one of the English words counted.</summary>
    public static bool IsEnglishWord(TextToken token) => !token.IsMarked && Words.Contains(token.Exact);

    // What a short English question is about, in the pack's Vietnamese words; the longest phrase wins. Words not listed
    // (the, is, my, please…) carry no topic and are dropped.
    private static readonly Dictionary<string, string> Lexicon = new(StringComparer.Ordinal)
    {
        ["domestic violence"] = "bạo lực gia đình", ["violence"] = "bạo lực", ["abuse"] = "bạo hành", ["abused"] = "bạo hành",
        ["beat"] = "đánh", ["beats"] = "đánh", ["beating"] = "đánh", ["hits"] = "đánh", ["hit"] = "đánh",
        ["hotline"] = "đường dây nóng", ["helpline"] = "đường dây nóng", ["help line"] = "đường dây nóng",
        ["phone number"] = "số điện thoại", ["number"] = "số điện thoại", ["call"] = "gọi", ["emergency"] = "khẩn cấp",
        ["emergency numbers"] = "các số điện thoại khẩn cấp", ["police"] = "công an", ["ambulance"] = "cấp cứu",
        ["fire"] = "cứu hỏa", ["flood"] = "lũ lụt", ["landslide"] = "sạt lở",
        ["child protection"] = "bảo vệ trẻ em", ["child"] = "trẻ em", ["children"] = "trẻ em", ["kid"] = "trẻ em",
        ["shelter"] = "nơi tạm lánh", ["safe place"] = "nơi tạm lánh", ["safe house"] = "nhà an toàn", ["stay"] = "chỗ ở",
        ["peace house"] = "ngôi nhà bình yên", ["women"] = "phụ nữ", ["woman"] = "phụ nữ", ["wife"] = "vợ", ["husband"] = "chồng",
        ["women's union"] = "hội phụ nữ", ["womens union"] = "hội phụ nữ", ["women union"] = "hội phụ nữ", ["union"] = "hội phụ nữ",
        ["join"] = "vào hội", ["member"] = "hội viên", ["membership"] = "hội viên",
        ["loan"] = "vay vốn", ["loans"] = "vay vốn", ["lend"] = "vay vốn", ["lends"] = "vay vốn", ["lending"] = "vay vốn", ["borrow"] = "vay vốn", ["credit"] = "vay vốn", ["microfinance"] = "tài chính vi mô",
        ["interest rate"] = "lãi suất", ["interest"] = "lãi suất", ["collateral"] = "thế chấp",
        ["health insurance"] = "bảo hiểm y tế", ["social insurance"] = "bảo hiểm xã hội", ["insurance"] = "bảo hiểm",
        ["insurance card"] = "thẻ bảo hiểm y tế", ["pension"] = "lương hưu", ["maternity"] = "thai sản",
        ["screening"] = "khám sàng lọc", ["cancer"] = "ung thư", ["breast cancer"] = "ung thư vú", ["cervical cancer"] = "ung thư cổ tử cung",
        ["check up"] = "khám sàng lọc", ["checkup"] = "khám sàng lọc", ["pregnant"] = "mang thai", ["pregnancy"] = "mang thai",
        ["contraception"] = "tránh thai", ["vaccine"] = "vắc xin",
        ["legal aid"] = "trợ giúp pháp lý", ["lawyer"] = "luật sư", ["divorce"] = "ly hôn", ["custody"] = "nuôi con",
        ["trafficking"] = "mua bán người", ["trafficked"] = "mua bán người", ["harassment"] = "quấy rối",
        ["scam"] = "lừa đảo", ["fraud"] = "lừa đảo", ["job"] = "việc làm", ["jobs"] = "việc làm", ["training"] = "học nghề",
        ["free"] = "miễn phí", ["cost"] = "mất tiền", ["where"] = "ở đâu", ["who"] = "ai", ["how much"] = "bao nhiêu",
        ["how"] = "thế nào", ["how do i"] = "làm thế nào", ["how can i"] = "làm thế nào",
        ["help"] = "hỗ trợ", ["support"] = "hỗ trợ", ["report"] = "báo tin",
        ["bye"] = "tạm biệt", ["goodbye"] = "tạm biệt", ["see you"] = "tạm biệt", ["hello"] = "xin chào", ["hi"] = "xin chào", ["good morning"] = "xin chào", ["thanks"] = "cảm ơn", ["thank"] = "cảm ơn",
        ["hpv test"] = "xét nghiệm hpv", ["pap test"] = "xét nghiệm hpv", ["pap smear"] = "xét nghiệm hpv",
        ["family"] = "gia đình", ["relatives"] = "người nhà", ["abroad"] = "nước ngoài", ["overseas"] = "nước ngoài",
        ["job abroad"] = "xuất khẩu lao động", ["work abroad"] = "xuất khẩu lao động", ["job offer abroad"] = "xuất khẩu lao động", ["job offer"] = "việc làm",
        ["test"] = "xét nghiệm", ["tests"] = "xét nghiệm", ["testing"] = "xét nghiệm", ["hpv"] = "hpv",
        ["bank"] = "ngân hàng", ["low interest"] = "lãi suất ưu đãi", ["low-interest"] = "lãi suất ưu đãi", ["poor"] = "hộ nghèo",
        ["salary"] = "tiền lương", ["wages"] = "tiền lương", ["income"] = "tiền lương", ["money"] = "tiền",
        ["parents"] = "bố mẹ", ["in-laws"] = "nhà chồng", ["mother-in-law"] = "mẹ chồng", ["taking"] = "giữ hết", ["take"] = "giữ hết",
        ["project"] = "đề án", ["scheme"] = "đề án", ["startup"] = "khởi nghiệp", ["startups"] = "khởi nghiệp",
        ["start a business"] = "khởi nghiệp", ["business"] = "kinh doanh", ["replaced"] = "thay thế", ["replace"] = "thay thế",
        ["after"] = "sau",
        ["contributions"] = "quá trình đóng bảo hiểm", ["contribution"] = "quá trình đóng bảo hiểm", ["check"] = "tra cứu", ["online"] = "trên điện thoại",
        ["password"] = "mật khẩu", ["forgot"] = "quên", ["app"] = "ứng dụng",
        ["checks my phone"] = "kiểm tra điện thoại", ["check my phone"] = "kiểm tra điện thoại", ["my phone"] = "điện thoại",
        ["won't let me"] = "không cho", ["doesn't let me"] = "không cho", ["does not let me"] = "không cho", ["will not let me"] = "không cho",
        ["see my friends"] = "gặp bạn bè", ["friends"] = "bạn bè", ["controls"] = "kiểm soát", ["control"] = "kiểm soát",
        ["bot"] = "bot", ["robot"] = "robot", ["human"] = "người thật", ["real person"] = "người thật",
        // Foreign spouses, Vietnamese abroad, NGOs: who asks, and about whom.
        ["foreign"] = "nước ngoài", ["foreigner"] = "người nước ngoài", ["foreigners"] = "người nước ngoài",
        ["foreign husband"] = "chồng", ["foreign wife"] = "vợ",
        ["live abroad"] = "ở nước ngoài", ["living abroad"] = "ở nước ngoài",
        ["be a member"] = "làm hội viên", ["member of"] = "hội viên", ["still be a member"] = "còn làm hội viên",
        ["household"] = "hộ gia đình", ["households"] = "hộ gia đình",
        ["social policy bank"] = "ngân hàng chính sách xã hội", ["vbsp"] = "ngân hàng chính sách xã hội",
        ["delivery"] = "sinh con", ["give birth"] = "sinh con", ["giving birth"] = "sinh con", ["childbirth"] = "sinh con",
        ["hospital"] = "bệnh viện", ["district hospital"] = "bệnh viện huyện", ["cover"] = "chi trả", ["covers"] = "chi trả",
        ["gender equality"] = "bình đẳng giới",
        ["women's support hotline"] = "tổng đài hỗ trợ phụ nữ", ["women's hotline"] = "tổng đài hỗ trợ phụ nữ",
        ["support hotline"] = "tổng đài hỗ trợ", ["insulting"] = "xúc phạm", ["insults"] = "xúc phạm", ["insulted"] = "xúc phạm",
        ["pressuring"] = "ép buộc", ["pressures"] = "ép buộc", ["in-law"] = "nhà chồng",
        ["project 8"] = "dự án 8", ["leads"] = "chủ trì", ["continue"] = "còn thực hiện", ["continues"] = "còn thực hiện",
        // NGOs and foreign spouses asking about someone else's situation: who she is and where she lives say nothing of the
        // topic (place names are dropped, see PlaceNames); what happens to her does.
        ["survivor"] = "nạn nhân", ["survivors"] = "nạn nhân", ["victim"] = "nạn nhân", ["victims"] = "nạn nhân",
        ["ethnic minority"] = "dân tộc thiểu số", ["ethnic minorities"] = "dân tộc thiểu số", ["ethnic"] = "dân tộc thiểu số",
        ["village"] = "thôn bản", ["villages"] = "thôn bản", ["community"] = "cộng đồng", ["local"] = "ở địa phương", ["locally"] = "ở địa phương",
        ["organisation"] = "tổ chức", ["organization"] = "tổ chức", ["organisations"] = "tổ chức", ["organizations"] = "tổ chức",
        ["helps"] = "hỗ trợ", ["helping"] = "hỗ trợ", ["find help"] = "hỗ trợ", ["get help"] = "hỗ trợ",
        ["suffer"] = "bị", ["suffers"] = "bị", ["suffering"] = "bị", ["experiencing"] = "bị", ["facing"] = "bị",
        ["remote"] = "vùng sâu vùng xa", ["mountainous"] = "miền núi", ["mountain"] = "miền núi", ["rural"] = "nông thôn",
        ["won't let her"] = "không cho", ["doesn't let her"] = "không cho", ["does not let her"] = "không cho", ["will not let her"] = "không cho",
        ["visit her family"] = "về thăm gia đình", ["visit my family"] = "về thăm gia đình", ["visit"] = "thăm",
        ["keeps all her salary"] = "giữ hết tiền lương", ["keeps all my salary"] = "giữ hết tiền lương", ["keeps her salary"] = "giữ hết tiền lương",
        ["takes all her money"] = "giữ hết tiền lương", ["takes all my money"] = "giữ hết tiền lương",
        ["card"] = "thẻ", ["health card"] = "thẻ bảo hiểm y tế", ["health insurance card"] = "thẻ bảo hiểm y tế",
        ["still valid"] = "hết hạn", ["valid"] = "hết hạn", ["expired"] = "hết hạn", ["expire"] = "hết hạn", ["expires"] = "hết hạn",
        // Voluntary social insurance for a wife without a labour contract ("my wife stays at home, can she join voluntary
        // social insurance"): "join" is taking part in the scheme there, not joining the union.
        ["voluntary social insurance"] = "bảo hiểm xã hội tự nguyện", ["voluntary insurance"] = "bảo hiểm xã hội tự nguyện",
        ["voluntary pension"] = "bảo hiểm xã hội tự nguyện", ["voluntary"] = "tự nguyện",
        ["join social insurance"] = "tham gia bảo hiểm xã hội", ["join the social insurance"] = "tham gia bảo hiểm xã hội",
        ["join voluntary social insurance"] = "tham gia bảo hiểm xã hội tự nguyện", ["join the voluntary social insurance"] = "tham gia bảo hiểm xã hội tự nguyện",
        ["join health insurance"] = "tham gia bảo hiểm y tế", ["pay into"] = "đóng", ["pay for"] = "chi trả", ["pay"] = "đóng",
        ["stays at home"] = "không có hợp đồng lao động", ["stay at home"] = "không có hợp đồng lao động", ["stays home"] = "không có hợp đồng lao động",
        ["stay-at-home"] = "không có hợp đồng lao động", ["housewife"] = "không có hợp đồng lao động", ["homemaker"] = "không có hợp đồng lao động",
        ["no job"] = "không có hợp đồng lao động", ["doesn't work"] = "không có hợp đồng lao động", ["does not work"] = "không có hợp đồng lao động",
        ["not working"] = "không có hợp đồng lao động", ["no contract"] = "không có hợp đồng lao động", ["self-employed"] = "làm tự do",
        ["farmer"] = "nông dân", ["farmers"] = "nông dân", ["street vendor"] = "buôn bán", ["vendor"] = "buôn bán",
        // Ethnic groups as NGOs name them ("a Hmong woman"), and where she finds help near her.
        ["hmong"] = "dân tộc thiểu số", ["h mong"] = "dân tộc thiểu số", ["dao"] = "dân tộc thiểu số", ["tay"] = "dân tộc thiểu số",
        ["nung"] = "dân tộc thiểu số", ["muong"] = "dân tộc thiểu số", ["khmer"] = "dân tộc thiểu số", ["ede"] = "dân tộc thiểu số",
        ["jrai"] = "dân tộc thiểu số", ["bahnar"] = "dân tộc thiểu số", ["cham"] = "dân tộc thiểu số",
        ["nearby"] = "ở địa phương", ["near me"] = "ở địa phương", ["near her"] = "ở địa phương", ["close by"] = "ở địa phương",
        // Threats by message from an ex or a relative, and the legal advice she asks for ("her ex keeps sending threatening
        // messages on Facebook, how can she get legal help").
        ["threat"] = "đe dọa", ["threats"] = "đe dọa", ["threaten"] = "đe dọa", ["threatens"] = "đe dọa", ["threatened"] = "đe dọa",
        ["threatening"] = "đe dọa", ["message"] = "tin nhắn", ["messages"] = "tin nhắn", ["texts"] = "tin nhắn", ["facebook"] = "facebook",
        ["ex"] = "chồng cũ", ["ex-husband"] = "chồng cũ", ["ex husband"] = "chồng cũ", ["former husband"] = "chồng cũ",
        ["ex-boyfriend"] = "người yêu cũ", ["ex boyfriend"] = "người yêu cũ", ["former boyfriend"] = "người yêu cũ",
        ["legal help"] = "trợ giúp pháp lý", ["legal advice"] = "tư vấn pháp luật", ["legal"] = "pháp lý", ["advice"] = "tư vấn",
        ["advise"] = "tư vấn", ["counselling"] = "tư vấn", ["counseling"] = "tư vấn",
        ["become a member"] = "làm hội viên",
        // Relatives other than her husband ("her brother keeps sending threatening texts about the family land money").
        ["brother"] = "người nhà", ["sister"] = "người nhà", ["brother-in-law"] = "người nhà", ["sister-in-law"] = "người nhà",
        ["uncle"] = "người nhà", ["cousin"] = "người nhà", ["land"] = "đất",
        ["abuse at home"] = "bạo lực gia đình", ["violence at home"] = "bạo lực gia đình", ["abusive husband"] = "chồng bạo hành",
        // Asking for a translation is outside the union's work ("how do you say thank you in Korean").
        ["how do you say"] = Synonyms.OffTopicWord, ["how do i say"] = Synonyms.OffTopicWord, ["how to say"] = Synonyms.OffTopicWord,
        ["how can i say"] = Synonyms.OffTopicWord, ["how would you say"] = Synonyms.OffTopicWord, ["translate"] = Synonyms.OffTopicWord,
        ["translation"] = Synonyms.OffTopicWord, ["what is the word for"] = Synonyms.OffTopicWord,
    };

    // Vietnam's provinces (the 34 of 2025 and the 63 before) and old districts, accent-folded, as an English message writes
    // them ("Lao Cai", "Da Nang", "Quang Ngai", also run together: "Danang", "Sapa", or with accents: "Lào Cai"): where she is says nothing of what she
    // asks, and as unknown words they would count against every entry.
    private static readonly Lazy<(HashSet<string> Names, int Longest)> PlaceNames = new(ReadPlaceNames);

    private static (HashSet<string>, int) ReadPlaceNames()
    {
        var data = Dvhc.DvhcData.Load();
        var names = data.Provinces.Select(p => p.Name)
            .Concat(data.OldUnits.Select(o => o.OldProvinceName))
            .Concat(data.OldUnits.Select(o => o.DistrictName))
            .Select(VietnameseText.Fold)
            .Where(n => n.Contains(' ', StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var glued in names.Select(n => n.Replace(" ", "", StringComparison.Ordinal)).ToList())
        {
            names.Add(glued);
        }

        return (names, names.Max(n => n.Count(c => c == ' ') + 1));
    }

    // How many tokens from start name a place (0: none), the longest name first.
    private static int PlaceAt(IReadOnlyList<TextToken> tokens, int start)
    {
        var (names, longest) = PlaceNames.Value;
        for (var length = Math.Min(longest, tokens.Count - start); length >= 1; length--)
        {
            var words = tokens.Skip(start).Take(length).ToList();
            if (words.All(w => !w.IsNumber) && (length > 1 || words[0].Folded.Length >= 4)
                && names.Contains(string.Join(' ', words.Select(w => w.Folded))))
            {
                return length;
            }
        }

        return 0;
    }

    private static readonly Dictionary<string, List<(string[] Phrase, List<TextToken> Words)>> ByFirstWord = BuildLexicon();

    private static readonly HashSet<string> LexiconWords = new(
        Lexicon.Keys.SelectMany(k => VietnameseText.Tokenize(k)).Select(t => t.Exact), StringComparer.Ordinal);

    /// <summary>
    /// The Vietnamese words an English message is about ("where can I get a loan" → "ở đâu vay vốn"); words that say nothing
    /// about the topic are dropped, so they count neither for nor against an entry.
    /// </summary>
    public static List<TextToken> Translate(IReadOnlyList<TextToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var result = new List<TextToken>();
        for (var i = 0; i < tokens.Count;)
        {
            if (!ByFirstWord.ContainsKey(tokens[i].Exact) && PlaceAt(tokens, i) is > 0 and var place)
            {
                i += place;
                continue;
            }

            (string[] Phrase, List<TextToken> Words)? best = null;
            if (ByFirstWord.TryGetValue(tokens[i].Exact, out var candidates))
            {
                foreach (var candidate in candidates)
                {
                    if ((best is null || candidate.Phrase.Length > best.Value.Phrase.Length) && i + candidate.Phrase.Length <= tokens.Count
                        && candidate.Phrase.Select((w, k) => tokens[i + k].Exact == w).All(same => same))
                    {
                        best = candidate;
                    }
                }
            }

            if (best is { } match)
            {
                result.AddRange(match.Words);
                i += match.Phrase.Length;
            }
            else
            {
                if (tokens[i].IsNumber || (!Words.Contains(tokens[i].Exact) && !IsFunctionWord(tokens[i].Exact)))
                {
                    result.Add(tokens[i]);
                }

                i++;
            }
        }

        return result;
    }

    /// <summary>
    /// English phrases of two words or more inside a Vietnamese message ("health insurance cho con dưới 6 tuổi") in the pack's
    /// words; everything else stays as typed (a single English word may be a Vietnamese syllable typed plain).
    /// </summary>
    public static List<TextToken> TranslatePhrases(IReadOnlyList<TextToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var result = new List<TextToken>(tokens.Count);
        for (var i = 0; i < tokens.Count;)
        {
            (string[] Phrase, List<TextToken> Words)? best = null;
            if (!tokens[i].IsMarked && ByFirstWord.TryGetValue(tokens[i].Exact, out var candidates))
            {
                foreach (var candidate in candidates.Where(c => c.Phrase.Length >= 2))
                {
                    if ((best is null || candidate.Phrase.Length > best.Value.Phrase.Length) && i + candidate.Phrase.Length <= tokens.Count
                        && candidate.Phrase.Select((w, k) => !tokens[i + k].IsMarked && tokens[i + k].Exact == w).All(same => same))
                    {
                        best = candidate;
                    }
                }
            }

            if (best is { } match)
            {
                result.AddRange(match.Words);
                i += match.Phrase.Length;
            }
            else
            {
                result.Add(tokens[i]);
                i++;
            }
        }

        return result;
    }

    private static bool IsFunctionWord(string word) => word is "s" or "t" or "d" or "m" or "ll" or "re" or "ve" or "a" or "an" or "to"
        or "do" or "me" or "in" or "on" or "at" or "or" or "so" or "as" or "by" or "up" or "no" or "get" or "got" or "please"
        or "lot" or "lots" or "much" or "very" or "really" or "ok" or "okay" or "offer" or "offers" or "give" or "gives"
        or "provide" or "provides" or "through" or "city" or "migrant" or "migrants" or "keep" or "keeps" or "say" or "says"
        or "said" or "its" or "duty" or "upset" or "whole" or "ho" or "chi" or "minh" or "hanoi" or "province"
        // Who asks, about whom, and words around the question that carry no topic.
        or "worker" or "workers" or "volunteer" or "volunteers" or "staff" or "colleague" or "colleagues" or "friend" or "neighbour" or "neighbor" or "told" or "tell"
        or "married" or "besides" or "except" or "situation" or "still" or "also" or "some" or "these" or "those" or "other"
        or "charity" or "charities" or "find" or "allowed" or "able" or "eligible" or "herself" or "myself" or "own" or "buy"
        or "living" or "lives" or "live" or "man" or "possible" or "far" or "nothing" or "physical" or "sending" or "send" or "sends"
        or "over"
        // Where a foreign spouse comes from says nothing of what she asks ("I'm Australian, married to a Vietnamese man"); not
        // a name that is also a language's ("Korean", "Chinese": "how do you say thank you in Korean" asks for a translation).
        or "australian" or "british" or "american" or "taiwanese" or "filipino" or "filipina" or "canadian" or "philippines"
        or "korea" or "australia" or "china" or "japan" or "taiwan";

    private static Dictionary<string, List<(string[], List<TextToken>)>> BuildLexicon()
    {
        var index = new Dictionary<string, List<(string[], List<TextToken>)>>(StringComparer.Ordinal);
        foreach (var (english, vietnamese) in Lexicon)
        {
            var phrase = VietnameseText.Tokenize(english).Select(t => t.Exact).ToArray();
            if (!index.TryGetValue(phrase[0], out var list))
            {
                list = [];
                index[phrase[0]] = list;
            }

            list.Add((phrase, VietnameseText.Tokenize(vietnamese)));
        }

        return index;
    }
}
