namespace Outreach.Content.Text;

/// <summary>
/// Things outside the union's work that no single phrase names, only two words apart in one message: an animal and a
/// treatment is a question for the vet ("gà nhà em bị toi chết hàng loạt, chỉ em thuốc gì với"), whatever lies between;
/// a language and how a word is said in it asks for a translation ("tiếng Anh cảm ơn nói sao").
/// A loan to restock after an epidemic names no treatment and stays the union's ("heo chết hết, hội có cho vay nuôi lại không").
/// <para>
/// Words are matched like <see cref="Synonyms"/>: typed with accents, a word must be the listed one. Typed plain, only the
/// words marked plain-safe count, those whose plain spelling is no other common word ("heo", "vit", "thuoc"; not "bo", which
/// is "bố", nor "cho", which is "cho", nor "tiem", which is "tiệm").
/// </para>
/// </summary>
public static class OffTopicFrames
{
    private static readonly (TextToken[] Phrase, bool PlainSafe)[] Animals = Read(
        "gà+ vịt+ ngan+ ngỗng+ heo+ lợn bò trâu+ dê chó mèo chim gia_cầm+ gia_súc+ thỏ");

    private static readonly (TextToken[] Phrase, bool PlainSafe)[] Treatments = Read(
        "thuốc+ chữa trị tiêm tiêm_phòng vắc_xin+ bệnh_gì thú_y+");

    // An animal that bites or scratches a person ("con em bị chó cắn", "bé bị mèo cào", "chó nhà hàng xóm cắn") is no patient of the vet: the shot
    // after it is hers ("tiêm phòng dại có được bảo hiểm y tế trả không").
    private static readonly (TextToken[] Phrase, bool PlainSafe)[] Harms = Read("cắn cào đớp húc mổ");

    // A word in another language and how it is said ("tiếng Anh cảm ơn nói sao", "mẹ chồng tiếng Hàn gọi là gì"): a
    // translation.
    private static readonly (TextToken[] Phrase, bool PlainSafe)[] Languages = Read(
        "tiếng_anh+ tiếng_hàn+ tiếng_nhật+ tiếng_trung+ tiếng_hoa+ tiếng_pháp+ tiếng_đức+ tiếng_thái+ tiếng_lào+ tiếng_nga+ tiếng_đài+");

    private static readonly (TextToken[] Phrase, bool PlainSafe)[] Sayings = Read(
        "nói_sao+ nói_thế_nào+ nói_như_nào+ nói_làm_sao+ viết_sao+ viết_thế_nào+ đọc_sao+ đọc_thế_nào+ nghĩa_là_gì+ gọi_là_gì+ là_gì+ dịch_sao+");

    /// <summary>True when the tokens (as typed, before synonyms) name an animal and a treatment, or a language and how a
    /// word is said in it.</summary>
    public static bool Matches(IReadOnlyList<TextToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return (Has(tokens, Animals, skipBiting: true) && Has(tokens, Treatments)) || (Has(tokens, Languages) && Has(tokens, Sayings));
    }

    private static bool Has(IReadOnlyList<TextToken> tokens, (TextToken[] Phrase, bool PlainSafe)[] words, bool skipBiting = false)
    {
        for (var start = 0; start < tokens.Count; start++)
        {
            foreach (var (phrase, plainSafe) in words)
            {
                if (MatchesAt(tokens, start, phrase, plainSafe)
                    && !(skipBiting && Bites(tokens, start + phrase.Length)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // A biting word right after the animal or a few words on ("chó dại cắn", "chó nhà hàng xóm cắn").
    private static bool Bites(IReadOnlyList<TextToken> tokens, int after) =>
        Enumerable.Range(after, BiteReach).Any(at => Harms.Any(harm => MatchesAt(tokens, at, harm.Phrase, harm.PlainSafe)));

    private const int BiteReach = 4;

    private static bool MatchesAt(IReadOnlyList<TextToken> tokens, int start, TextToken[] phrase, bool plainSafe)
    {
        if (start + phrase.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < phrase.Length; k++)
        {
            var typed = tokens[start + k];
            if (!string.Equals(typed.Folded, phrase[k].Folded, StringComparison.Ordinal)
                || (typed.IsMarked ? !string.Equals(typed.Exact, phrase[k].Exact, StringComparison.Ordinal) : !plainSafe))
            {
                return false;
            }
        }

        return true;
    }

    // "gà+ gia_cầm+ bò": words apart by spaces, syllables of one word joined by "_", "+" when it may be typed plain.
    private static (TextToken[], bool)[] Read(string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => (VietnameseText.Tokenize(w.TrimEnd('+').Replace('_', ' ')).ToArray(), w.EndsWith('+')))
            .ToArray();
}
