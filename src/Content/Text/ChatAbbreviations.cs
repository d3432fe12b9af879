namespace Outreach.Content.Text;

/// <summary>
/// Teencode and the union's abbreviations, expanded before matching (DOMAIN.md §4 and §5.1.4): "ck e dc k" → "chồng em được
/// không". Keys are what members type (accent-folded); "k" next to a number is "nghìn" ("50k"), "tr" is "triệu", "t" is "tuổi".
/// </summary>
public static class ChatAbbreviations
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        // Chat shorthand.
        ["k"] = "không", ["ko"] = "không", ["kh"] = "không", ["hok"] = "không", ["hong"] = "không", ["khum"] = "không",
        ["kg"] = "không", ["khg"] = "không", ["dc"] = "được", ["dk"] = "được", ["đc"] = "được", ["đk"] = "được",
        ["j"] = "gì", ["gi"] = "gì", ["bn"] = "bao nhiêu", ["bnh"] = "bao nhiêu", ["ntn"] = "như thế nào",
        ["sdt"] = "số điện thoại", ["sđt"] = "số điện thoại", ["dt"] = "điện thoại", ["đt"] = "điện thoại",
        ["e"] = "em", ["a"] = "anh", ["c"] = "chị", ["mk"] = "mình", ["mik"] = "mình", ["mn"] = "mọi người", ["vs"] = "với",
        ["bh"] = "bây giờ", ["bjo"] = "bây giờ", ["bgio"] = "bây giờ", ["ck"] = "chồng", ["vk"] = "vợ", ["zk"] = "vợ",
        ["ny"] = "người yêu", ["nyc"] = "người yêu cũ", ["iu"] = "yêu", ["r"] = "rồi", ["oy"] = "rồi", ["ak"] = "à", ["ah"] = "à",
        ["z"] = "vậy", ["v"] = "vậy", ["trc"] = "trước", ["ng"] = "người", ["nt"] = "nhắn tin", ["cx"] = "cũng",
        ["lm"] = "làm", ["ns"] = "nói", ["tl"] = "trả lời", ["ad"] = "admin", ["bik"] = "biết", ["bit"] = "biết",
        ["thui"] = "thôi", ["hk"] = "không", ["uh"] = "ừ", ["ok"] = "ok", ["mng"] = "mọi người", ["ib"] = "nhắn tin",
        ["tks"] = "cảm ơn", ["thks"] = "cảm ơn", ["thanks"] = "cảm ơn", ["camon"] = "cảm ơn", ["gm"] = "chào",
        ["hnay"] = "hôm nay", ["hqua"] = "hôm qua", ["hnao"] = "hôm nào", ["tq"] = "trung quốc",
    };

    // The union's and the state's abbreviations (DOMAIN.md §4). Expanded like teencode; kept next to their words when asked,
    // so "PNTE là gì" still finds the glossary.
    private static readonly Dictionary<string, string> Acronyms = new(StringComparer.Ordinal)
    {
        ["lhpn"] = "liên hiệp phụ nữ", ["hlhpn"] = "hội liên hiệp phụ nữ", ["hpn"] = "hội phụ nữ", ["hvpn"] = "hội viên phụ nữ",
        ["cht"] = "chi hội trưởng", ["nhcsxh"] = "ngân hàng chính sách xã hội", ["nhcs"] = "ngân hàng chính sách",
        ["vbsp"] = "ngân hàng chính sách xã hội", ["tkvv"] = "tiết kiệm và vay vốn", ["tk"] = "tiết kiệm", ["vv"] = "vay vốn",
        ["bhyt"] = "bảo hiểm y tế", ["bhxh"] = "bảo hiểm xã hội", ["blgd"] = "bạo lực gia đình", ["blgđ"] = "bạo lực gia đình",
        ["gd"] = "gia đình", ["gđ"] = "gia đình", ["bltcsg"] = "bạo lực trên cơ sở giới", ["bdg"] = "bình đẳng giới",
        ["bđg"] = "bình đẳng giới", ["mbn"] = "mua bán người", ["dctc"] = "địa chỉ tin cậy", ["đctc"] = "địa chỉ tin cậy",
        ["dttc"] = "địa chỉ tin cậy", ["đttc"] = "địa chỉ tin cậy", ["nby"] = "ngôi nhà bình yên", ["nnby"] = "ngôi nhà bình yên",
        ["htx"] = "hợp tác xã", ["tht"] = "tổ hợp tác", ["dtts"] = "dân tộc thiểu số", ["dttt"] = "dân tộc thiểu số",
        ["hssv"] = "học sinh sinh viên", ["gqvl"] = "giải quyết việc làm", ["nsvsmt"] = "nước sạch vệ sinh môi trường",
        ["sxkd"] = "sản xuất kinh doanh", ["ubnd"] = "ủy ban nhân dân", ["qd"] = "quyết định", ["qđ"] = "quyết định",
        ["ttg"] = "thủ tướng", ["nd"] = "nghị định", ["nđ"] = "nghị định", ["tgpl"] = "trợ giúp pháp lý",
        ["utv"] = "ung thư vú", ["utctc"] = "ung thư cổ tử cung", ["skss"] = "sức khỏe sinh sản", ["sksss"] = "sức khỏe sinh sản", ["tyt"] = "trạm y tế",
        ["clb"] = "câu lạc bộ", ["mttq"] = "mặt trận tổ quốc", ["tw"] = "trung ương", ["5k3s"] = "5 không 3 sạch",
        ["pnte"] = "phụ nữ và trẻ em", ["matt"] = "mái ấm tình thương", ["cvd"] = "cuộc vận động", ["cvđ"] = "cuộc vận động",
        ["ntm"] = "nông thôn mới", ["ocop"] = "mỗi xã một sản phẩm", ["bch"] = "ban chấp hành", ["btv"] = "ban thường vụ",
        ["pct"] = "phó chủ tịch", ["hv"] = "hội viên", ["hdnd"] = "hội đồng nhân dân", ["hđnd"] = "hội đồng nhân dân",
        ["ctxh"] = "công tác xã hội", ["khhgd"] = "kế hoạch hóa gia đình", ["khhgđ"] = "kế hoạch hóa gia đình",
        ["ttyt"] = "trung tâm y tế", ["cwd"] = "trung tâm phụ nữ và phát triển", ["mtqg"] = "mục tiêu quốc gia",
        ["dbkk"] = "đặc biệt khó khăn", ["đbkk"] = "đặc biệt khó khăn", ["cccd"] = "căn cước công dân", ["hnd"] = "hội nông dân",
        ["hccb"] = "hội cựu chiến binh", ["dtn"] = "đoàn thanh niên", ["đtn"] = "đoàn thanh niên",
        ["xkld"] = "xuất khẩu lao động", ["xklđ"] = "xuất khẩu lao động", ["bhtn"] = "bảo hiểm thất nghiệp",
    };

    private static readonly System.Buffers.SearchValues<char> ModifiedVowels = System.Buffers.SearchValues.Create("âăêôơư");

    private static readonly Dictionary<string, string> AfterNumber = new(StringComparer.Ordinal)
    {
        ["k"] = "nghìn", ["tr"] = "triệu", ["t"] = "tuổi", ["ty"] = "tỷ", ["h"] = "giờ",
    };

    // Shorthand whose meaning its neighbour decides (accent-folded). "bh" is "bây giờ" ("bh e lam j"), but "bảo hiểm" next to
    // an insurance word ("bh thất nghiệp", "bh xh", "đóng bh", "thẻ bh"); "h" after "bao" or "mấy" is "giờ" ("bao h mở").
    private static readonly (string Word, string Meaning, string[] Before, string[] After)[] InContext =
    [
        ("bh", "bảo hiểm", ["dong", "mua", "the", "han", "gia", "huong", "nop", "so"],
            ["xh", "yt", "tn", "xa", "y", "that", "tu", "huu", "thai", "cty"]),
        ("h", "giờ", ["bao", "may"], []),
    ];

    private static readonly Dictionary<string, TextToken[]> Expanded = Words.Concat(Acronyms).ToDictionary(
        kv => kv.Key, kv => VietnameseText.Tokenize(kv.Value).ToArray(), StringComparer.Ordinal);

    private static readonly Dictionary<string, TextToken[]> ExpandedAfterNumber = AfterNumber.ToDictionary(
        kv => kv.Key, kv => VietnameseText.Tokenize(kv.Value).ToArray(), StringComparer.Ordinal);

    /// <summary>Is <paramref name="folded"/> a known abbreviation (so not a typo to correct)?</summary>
    public static bool IsAbbreviation(string folded) => Words.ContainsKey(folded) || Acronyms.ContainsKey(folded);

    /// <summary>The tokens with abbreviations replaced by their words. Tokens typed with tone marks are never expanded.</summary>
    public static List<TextToken> Expand(IReadOnlyList<TextToken> tokens) => Expand(tokens, keepAcronyms: false);

    /// <summary>As <see cref="Expand(IReadOnlyList{TextToken})"/>; with <paramref name="keepAcronyms"/> the union's acronyms
    /// ("nhcsxh", "pnte") stay after their words.</summary>
    public static List<TextToken> Expand(IReadOnlyList<TextToken> tokens, bool keepAcronyms)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var result = new List<TextToken>(tokens.Count + 4);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (i > 0 && tokens[i - 1].IsNumber && ExpandedAfterNumber.TryGetValue(token.Folded, out var unit))
            {
                result.AddRange(unit);
            }
            else if (!token.IsMarked && InContextMeaning(tokens, i) is { } meaning)
            {
                result.AddRange(meaning);
            }
            else if (IsExpandable(token) && Expanded.TryGetValue(token.Exact, out var words))
            {
                result.AddRange(words);
                if (keepAcronyms && Acronyms.ContainsKey(token.Exact))
                {
                    result.Add(token);
                }
            }
            else
            {
                result.Add(token);
            }
        }

        return result;
    }

    private static readonly Dictionary<string, TextToken[]> InContextWords = InContext.ToDictionary(
        r => r.Word, r => VietnameseText.Tokenize(r.Meaning).ToArray(), StringComparer.Ordinal);

    // The meaning of tokens[i] that its neighbours decide ("bh" beside "thất nghiệp"), or null.
    private static TextToken[]? InContextMeaning(IReadOnlyList<TextToken> tokens, int i)
    {
        foreach (var (word, _, before, after) in InContext)
        {
            if (tokens[i].Exact == word
                && ((i > 0 && before.Contains(tokens[i - 1].Folded, StringComparer.Ordinal))
                    || (i + 1 < tokens.Count && after.Contains(tokens[i + 1].Folded, StringComparer.Ordinal))))
            {
                return InContextWords[word];
            }
        }

        return null;
    }

    // "đc" or "dc" may be expanded; "chị" typed with a tone is a word, not an abbreviation.
    private static bool IsExpandable(TextToken token) => !char.IsAsciiDigit(token.Exact[^1]) && !token.Exact.AsSpan().ContainsAny(ModifiedVowels);
}
