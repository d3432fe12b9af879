using System.Text.RegularExpressions;
using Outreach.Content.Text;

namespace Outreach.Content.Alerts;

/// <summary>
/// Ways of typing a crisis word that the shared text pipeline leaves as typed, read before the cues are matched: VNI digits
/// ("d9a1nh" → "đánh"), a letter held down in panic ("cuuuuu" → "cứu", "emmm" → "em") and a few teencode spellings of the
/// words a crisis turns on ("mun" → "muốn", "dg" → "đang").
/// </summary>
internal static partial class CrisisSpelling
{
    private static readonly Dictionary<string, TextToken[]> Teencode = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["mun"] = "muốn", ["mún"] = "muốn", ["mnuon"] = "muốn", ["dg"] = "đang", ["đg"] = "đang", ["dag"] = "đang",
        ["ciu"] = "cứu", ["cíu"] = "cứu", ["chớt"] = "chết", ["ngta"] = "người ta", ["bme"] = "bố mẹ",
        ["ox"] = "ông xã", ["wa"] = "qua", ["qá"] = "quá", ["bùn"] = "buồn", ["kím"] = "kiếm", ["dth"] = "điện thoại", ["bj"] = "bị",
    }.ToDictionary(kv => kv.Key, kv => VietnameseText.Tokenize(kv.Value).ToArray(), StringComparer.Ordinal);

    /// <summary>The text with VNI words decoded and letters held down cut back.</summary>
    public static string Normalize(string? text)
    {
        var decoded = VniDecoder.Decode(text);
        return HeldLetter().Replace(decoded, m => CutBack(m, decoded));
    }

    /// <summary>The tokens with the crisis teencode spelled out.</summary>
    public static List<TextToken> Expand(List<TextToken> tokens)
    {
        var result = new List<TextToken>(tokens.Count);
        foreach (var token in tokens)
        {
            if (Teencode.TryGetValue(token.Exact, out var words) || (!token.IsMarked && Teencode.TryGetValue(token.Folded, out words)))
            {
                result.AddRange(words);
            }
            else
            {
                result.Add(token);
            }
        }

        return result;
    }

    // Three or more of one letter (a vowel, or a consonant ending the word): one, or two for the "uu" and "oo" a syllable may hold ("cuuuu" → "cuu", "cứuuu" → "cứu").
    private static string CutBack(Match m, string text)
    {
        var letter = m.Groups[1].Value;
        var folded = Fold(letter);
        // A consonant held down ends a word ("emmm"); inside one it is an acronym ("cccd"), left as typed.
        var end = m.Index + m.Length;
        if (folded is not ("a" or "e" or "i" or "o" or "u" or "y") && end < text.Length && char.IsLetter(text[end]))
        {
            return m.Value;
        }

        var previous = m.Index > 0 ? Fold(text.Substring(m.Index - 1, 1)) : string.Empty;
        return folded is "u" or "o" && previous.Length == 1 && char.IsAsciiLetter(previous[0]) && previous != folded
            ? letter + letter
            : letter;
    }

    private static string Fold(string letter) => VietnameseText.MakeToken(letter.ToLowerInvariant()).Folded;

    [GeneratedRegex(@"(\p{L})\1{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex HeldLetter();
}
