using System.Globalization;
using Outreach.Content.ContentPacks;
using Outreach.Content.Text;
using Outreach.Content.UnitMatching;

namespace Outreach.Bot.Answers.Registration;

/// <summary>
/// The small readings of the registration dialog: which place matches to offer, how a unit is named on a button, whether a
/// message is a choice number, a join code, or a request to change her commune ("đổi xã", "em muốn chuyển sinh hoạt ạ").
/// </summary>
internal static class PlaceChoices
{
    /// <summary>Below this score a match is not offered at all.</summary>
    public const double MinimumScore = 0.7;

    /// <summary>Matches this close to the best are offered with it.</summary>
    public const double Closeness = 0.08;

    public const int MaxOffered = 4;

    // Words around a request that change nothing: "em muốn đổi xã ạ", "cho mình chuyển sinh hoạt với".
    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "em", "toi", "minh", "co", "muon", "can", "cho", "xin", "a", "ah", "voi", "giup", "nhe", "nha", "oi", "bot", "ad", "admin",
    };

    private static readonly string[][] UnionPrefixes = [["hoi", "lhpn"], ["hoi", "lien", "hiep", "phu", "nu"], ["hoi", "phu", "nu"]];

    /// <summary>
    /// The matches to offer: those close to the best; when the best names an old commune that was split, each of its
    /// successors. Empty when nothing is close enough.
    /// </summary>
    public static IReadOnlyList<PlaceMatch> Offer(IReadOnlyList<PlaceMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        if (matches.Count == 0 || matches[0].Score < MinimumScore)
        {
            return [];
        }

        var best = matches[0];
        if (best.IsSplit)
        {
            return matches.Where(m => m.IsSplit && m.MatchedName == best.MatchedName).Take(MaxOffered + 2).ToList();
        }

        return matches.Where(m => m.Score >= best.Score - Closeness && m.Score >= MinimumScore).Take(MaxOffered).ToList();
    }

    /// <summary>A unit's name without the union's prefix ("Hội LHPN phường Đồng Xoài" → "phường Đồng Xoài"), for buttons.</summary>
    public static string ShortName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var prefix in UnionPrefixes)
        {
            if (words.Length > prefix.Length && words.Take(prefix.Length).Select(w => VietnameseText.Fold(w)).SequenceEqual(prefix))
            {
                var rest = string.Join(' ', words.Skip(prefix.Length));
                return char.ToUpper(rest[0], CultureInfo.GetCultureInfo("vi-VN")) + rest[1..];
            }
        }

        return name;
    }

    /// <summary>"2", "số 2", "2." → 2 when it is between 1 and <paramref name="count"/>; otherwise null.</summary>
    public static int? ChoiceNumber(string? text, int count)
    {
        var tokens = VietnameseText.Tokenize(text);
        var numbers = tokens.Where(t => t.IsNumber).ToList();
        if (numbers.Count != 1 || tokens.Count > 3
            || !int.TryParse(numbers[0].Folded, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        return number >= 1 && number <= count ? number : null;
    }

    /// <summary>
    /// True when the message is a join code and little else ("123456", "mã 123 456"): six digits anywhere, or five to seven
    /// (a digit missing or extra) while she is answering the registration dialog.
    /// </summary>
    public static bool LooksLikeJoinCode(string? text, bool inDialog)
    {
        var code = JoinCode.Normalize(text);
        if (code is null || !(code.Length == JoinCode.Length || (inDialog && code.Length is JoinCode.Length - 1 or JoinCode.Length + 1)))
        {
            return false;
        }

        return VietnameseText.Tokenize(text).Count(t => !t.Folded.Any(char.IsAsciiDigit)) <= 2;
    }

    /// <summary>True when the message asks to choose or change her commune: one of the pack's words, polite fillers aside.</summary>
    public static bool IsRequest(string? text, PackTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var tokens = VietnameseText.Tokenize(text);
        if (tokens.Count is 0 or > 10)
        {
            return false;
        }

        var core = string.Join(' ', tokens.Select(t => t.Folded).Where(f => !Fillers.Contains(f)));
        return core.Length > 0 && texts.Words("registration_words").Any(w => VietnameseText.Fold(w) == core);
    }

    /// <summary>Is the message a whole question rather than a place (a long sentence, or a question mark)?</summary>
    public static bool LooksLikeQuestion(string? text) =>
        (text ?? "").Contains('?', StringComparison.Ordinal) || VietnameseText.Tokenize(text).Count > MaxPlaceTokens;

    private const int MaxPlaceTokens = 9;
}
