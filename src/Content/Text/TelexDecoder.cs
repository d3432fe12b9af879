using System.Text;

namespace Outreach.Content.Text;

/// <summary>
/// Reads Telex keystrokes left in the text when the input method was off (DOMAIN.md §5.1.3): "chaof" → "chào",
/// "dduowcj" → "được", "nhieeuf" → "nhiều". Tone keys (s f r x j) can follow any vowel, usually at the end of the syllable;
/// they are never valid Vietnamese finals, which is what makes the leftover recognisable.
/// </summary>
public static class TelexDecoder
{
    /// <summary>The syllable <paramref name="typed"/> spells in Telex, when it uses at least one Telex key.</summary>
    public static bool TryDecode(string typed, out TextToken token)
    {
        ArgumentNullException.ThrowIfNull(typed);
        token = default;
        if (typed.Length < 2 || typed.Length > 9 || !typed.All(char.IsAsciiLetterLower))
        {
            return false;
        }

        var letters = new StringBuilder(typed.Length);
        var tone = 0;
        var usedKey = false;
        var sawVowel = false;
        for (var i = 0; i < typed.Length; i++)
        {
            var c = typed[i];
            var previous = letters.Length > 0 ? letters[^1] : '\0';
            if (sawVowel && ToneKey(c) is var keyTone and > 0 && tone == 0)
            {
                tone = keyTone;
                usedKey = true;
            }
            else if (TryModify(previous, c, out var modified))
            {
                letters[^1] = modified;
                usedKey = true;
                // "uow" → "ươ": the horn applies to both vowels.
                if (modified == 'ơ' && letters.Length > 1 && letters[^2] == 'u')
                {
                    letters[^2] = 'ư';
                }
            }
            else
            {
                letters.Append(c);
                sawVowel |= IsVowel(c);
            }
        }

        if (!usedKey || !sawVowel)
        {
            return false;
        }

        token = VietnameseText.MakeToken(ApplyTone(letters.ToString(), tone));
        return true;
    }

    private static int ToneKey(char c) => c switch
    {
        'f' => 1,
        's' => 2,
        'r' => 3,
        'x' => 4,
        'j' => 5,
        _ => 0,
    };

    private static bool TryModify(char previous, char key, out char modified)
    {
        modified = (previous, key) switch
        {
            ('a', 'a') => 'â',
            ('a', 'w') => 'ă',
            ('e', 'e') => 'ê',
            ('o', 'o') => 'ô',
            ('o', 'w') => 'ơ',
            ('u', 'w') => 'ư',
            ('d', 'd') => 'đ',
            _ => '\0',
        };
        return modified != '\0';
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'â' or 'ă' or 'ê' or 'ô' or 'ơ' or 'ư';

    /// <summary>The syllable <paramref name="letters"/> (no tone) with tone number <paramref name="tone"/> (1 huyền … 5 nặng).</summary>
    public static string WithTone(string letters, int tone)
    {
        ArgumentNullException.ThrowIfNull(letters);
        return ApplyTone(letters, tone);
    }

    // The tone's position does not matter to the matcher (TextToken keeps the tone apart), so it goes on the first vowel.
    private static string ApplyTone(string letters, int tone)
    {
        if (tone == 0)
        {
            return letters;
        }

        var chars = letters.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (VietnameseLetters.TryDecompose(chars[i], out var baseLetter, out var modifier, out _)
                && VietnameseLetters.TryCompose(baseLetter, modifier, tone, out var toned))
            {
                chars[i] = toned;
                return new string(chars);
            }
        }

        return letters;
    }
}
