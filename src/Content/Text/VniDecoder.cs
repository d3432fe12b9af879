using System.Text;
using System.Text.RegularExpressions;

namespace Outreach.Content.Text;

/// <summary>
/// Reads VNI keystrokes left in the text when the input method was off: "cho6ng2 to6i d9ang d9a1nh to6i" → "chồng tôi đang
/// đánh tôi". VNI types marks as digits after the letter: 6 circumflex (â ê ô), 7 horn (ơ ư), 8 breve (ă), 9 đ, and the
/// tones 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng. Read so only when two words or more of the text decode to Vietnamese
/// syllables ("covid19", "b2", "50tr" stay as typed).
/// </summary>
public static partial class VniDecoder
{
    /// <summary>The text with its VNI words decoded, or the text itself when fewer than two words are VNI.</summary>
    public static string Decode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var count = 0;
        var decoded = VniWord().Replace(text, m =>
        {
            if (TryDecode(m.Value.ToLowerInvariant(), out var word))
            {
                count++;
                return word;
            }

            return m.Value;
        });
        return count >= 2 ? decoded : text;
    }

    /// <summary>The syllable <paramref name="typed"/> spells in VNI (lower case), when it uses at least one VNI key.</summary>
    public static bool TryDecode(string typed, out string word)
    {
        ArgumentNullException.ThrowIfNull(typed);
        word = typed;
        var letters = new StringBuilder(typed.Length);
        var tone = 0;
        foreach (var c in typed)
        {
            if (char.IsAsciiLetterLower(c))
            {
                letters.Append(c);
            }
            else if (c is >= '1' and <= '5' && tone == 0 && letters.Length > 0)
            {
                tone = c switch { '1' => 2, '2' => 1, _ => c - '0' };
            }
            else if (c is >= '6' and <= '9' && letters.Length > 0 && Modify(letters, c))
            {
                continue;
            }
            else
            {
                return false;
            }
        }

        var plain = letters.ToString();
        if (plain.Length == 0 || !VietnameseSyllable.IsPossible(VietnameseText.MakeToken(plain).Folded))
        {
            return false;
        }

        word = TelexDecoder.WithTone(plain, tone);
        return true;
    }

    // The mark goes on the nearest letter before the key that takes it ("ngu7o7i" and "ngu7o8i"-style typos alike).
    private static bool Modify(StringBuilder letters, char key)
    {
        for (var i = letters.Length - 1; i >= 0; i--)
        {
            var modified = (letters[i], key) switch
            {
                ('a', '6') => 'â',
                ('e', '6') => 'ê',
                ('o', '6') => 'ô',
                ('o', '7') => 'ơ',
                ('u', '7') => 'ư',
                ('a', '8') => 'ă',
                ('d', '9') => 'đ',
                _ => '\0',
            };
            if (modified != '\0')
            {
                letters[i] = modified;
                // "uo7" → "ươ": the horn goes on both vowels.
                if (modified == 'ơ' && i > 0 && letters[i - 1] == 'u')
                {
                    letters[i - 1] = 'ư';
                }

                return true;
            }
        }

        return false;
    }

    // A word that starts with a letter and has a digit in it: "cho6ng2", "d9a1nh".
    [GeneratedRegex(@"\b[A-Za-z][A-Za-z]*[1-9][A-Za-z1-9]*\b", RegexOptions.CultureInvariant)]
    private static partial Regex VniWord();
}
