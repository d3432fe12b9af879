namespace Outreach.Content.Text;

/// <summary>
/// The closed set of Vietnamese vowels (12 bases × 6 tones) as explicit tables, so composing, folding and tone handling do
/// not depend on ICU: in globalization-invariant mode <c>string.Normalize</c> returns its input unchanged (DOMAIN.md §5.5).
/// </summary>
internal static class VietnameseLetters
{
    /// <summary>No modifier, circumflex (â ê ô), breve (ă), horn (ơ ư).</summary>
    public const char NoModifier = '\0';
    public const char Circumflex = '^';
    public const char Breve = '(';
    public const char Horn = '+';

    // Each row: a vowel with its tones in the order none, huyền, sắc, hỏi, ngã, nặng (tone numbers 0–5).
    private static readonly (char Base, char Modifier, string Tones)[] Rows =
    [
        ('a', NoModifier, "aàáảãạ"), ('a', Breve, "ăằắẳẵặ"), ('a', Circumflex, "âầấẩẫậ"),
        ('e', NoModifier, "eèéẻẽẹ"), ('e', Circumflex, "êềếểễệ"),
        ('i', NoModifier, "iìíỉĩị"),
        ('o', NoModifier, "oòóỏõọ"), ('o', Circumflex, "ôồốổỗộ"), ('o', Horn, "ơờớởỡợ"),
        ('u', NoModifier, "uùúủũụ"), ('u', Horn, "ưừứửữự"),
        ('y', NoModifier, "yỳýỷỹỵ"),
    ];

    private static readonly Dictionary<char, (char Base, char Modifier, int Tone)> Decomposed = BuildDecomposed();
    private static readonly Dictionary<(char Base, char Modifier, int Tone), char> Composed =
        Decomposed.ToDictionary(kv => kv.Value, kv => kv.Key);

    /// <summary>Splits a lower-case vowel into base, modifier and tone; false for anything else.</summary>
    public static bool TryDecompose(char letter, out char baseLetter, out char modifier, out int tone)
    {
        if (Decomposed.TryGetValue(letter, out var parts))
        {
            (baseLetter, modifier, tone) = parts;
            return true;
        }

        (baseLetter, modifier, tone) = (letter, NoModifier, 0);
        return false;
    }

    /// <summary>The precomposed lower-case vowel, or false when the combination does not exist in Vietnamese.</summary>
    public static bool TryCompose(char baseLetter, char modifier, int tone, out char letter) =>
        Composed.TryGetValue((baseLetter, modifier, tone), out letter);

    /// <summary>The tone number of a combining tone mark (U+0300 huyền … U+0323 nặng), or 0.</summary>
    public static int ToneOfMark(char mark) => mark switch
    {
        '\u0300' or '\u0340' => 1,
        '\u0301' or '\u0341' => 2,
        '\u0309' => 3,
        '\u0303' => 4,
        '\u0323' => 5,
        _ => 0,
    };

    /// <summary>The modifier of a combining mark (U+0302 circumflex, U+0306 breve, U+031B horn), or <see cref="NoModifier"/>.</summary>
    public static char ModifierOfMark(char mark) => mark switch
    {
        '\u0302' => Circumflex,
        '\u0306' => Breve,
        '\u031B' => Horn,
        _ => NoModifier,
    };

    /// <summary>đ and its look-alikes (Đ, Ð U+00D0 Icelandic eth, ɖ) all read as đ.</summary>
    public static bool IsDStroke(char c) => c is 'đ' or 'Đ' or 'Ð' or 'ð' or 'ɖ' or 'Ɖ';

    public static bool IsCombiningMark(char c) => c is >= '\u0300' and <= '\u036F';

    private static Dictionary<char, (char, char, int)> BuildDecomposed()
    {
        var table = new Dictionary<char, (char, char, int)>();
        foreach (var (baseLetter, modifier, tones) in Rows)
        {
            for (var tone = 0; tone < tones.Length; tone++)
            {
                table[tones[tone]] = (baseLetter, modifier, tone);
            }
        }

        return table;
    }
}
