using System.Text;

namespace Outreach.Content.Text;

/// <summary>
/// Vietnamese text as the matcher sees it: composed (NFC by our own tables, so it also works in globalization-invariant
/// mode), lower case, đ/Đ/Ð unified, zero-width characters dropped, split into syllables and numbers.
/// </summary>
public static class VietnameseText
{
    /// <summary>Composed, lower-case text with combining marks folded into their letters and every đ look-alike read as đ.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (VietnameseLetters.IsCombiningMark(c))
            {
                ApplyMark(builder, c);
            }
            else if (VietnameseLetters.IsDStroke(c))
            {
                builder.Append('đ');
            }
            else if (c is not ('\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD'))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>Plain ASCII letters: "Đường dây nóng" → "duong day nong".</summary>
    public static string Fold(string? text) => string.Join(' ', Tokenize(text).Select(t => t.Folded));

    /// <summary>The syllables and numbers of <paramref name="text"/>; letters and digits are split ("50tr" → "50", "tr").</summary>
    public static List<TextToken> Tokenize(string? text)
    {
        var normalized = Normalize(text);
        var tokens = new List<TextToken>();
        var start = -1;
        for (var i = 0; i <= normalized.Length; i++)
        {
            var kind = i < normalized.Length ? KindOf(normalized[i]) : 0;
            if (start >= 0 && kind != KindOf(normalized[start]))
            {
                tokens.Add(MakeToken(normalized.AsSpan(start, i - start)));
                start = -1;
            }

            if (start < 0 && kind != 0)
            {
                start = i;
            }
        }

        return tokens;
    }

    /// <summary>
    /// As <see cref="Tokenize"/>, also telling where each clause starts: the position of the first token after a
    /// punctuation mark that ends a clause (. , ; : ! ? … parentheses, a new line). The first token starts a clause too.
    /// </summary>
    public static List<TextToken> TokenizeClauses(string? text, List<int> clauseStarts) => TokenizeClauses(text, clauseStarts, null);

    /// <summary>As <see cref="TokenizeClauses(string?, List{int})"/>; <paramref name="sentenceStarts"/> also gets the index of
    /// each clause that opens a sentence (after '.', '!', '?', '…' or a new line, and the first).</summary>
    public static List<TextToken> TokenizeClauses(string? text, List<int> clauseStarts, List<int>? sentenceStarts)
    {
        ArgumentNullException.ThrowIfNull(clauseStarts);
        var newSentence = true;
        var normalized = Normalize(text);
        var tokens = new List<TextToken>();
        var start = -1;
        var newClause = true;
        for (var i = 0; i <= normalized.Length; i++)
        {
            var kind = i < normalized.Length ? KindOf(normalized[i]) : 0;
            if (start >= 0 && kind != KindOf(normalized[start]))
            {
                if (newClause)
                {
                    if (newSentence)
                    {
                        sentenceStarts?.Add(clauseStarts.Count);
                        newSentence = false;
                    }

                    clauseStarts.Add(tokens.Count);
                    newClause = false;
                }

                tokens.Add(MakeToken(normalized.AsSpan(start, i - start)));
                start = -1;
            }

            if (i < normalized.Length && normalized[i] is '.' or ',' or ';' or ':' or '!' or '?' or '…' or '(' or ')' or '\n')
            {
                newClause = true;
                newSentence |= normalized[i] is '.' or '!' or '?' or '…' or '\n' && !IsBetweenDigits(normalized, i);
            }

            if (start < 0 && kind != 0)
            {
                start = i;
            }
        }

        return tokens;
    }

    // "2.927" or "1.5": a point inside a number ends no sentence.
    private static bool IsBetweenDigits(string text, int i) =>
        i > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1]);

    /// <summary>The token of one normalized word.</summary>
    public static TextToken MakeToken(ReadOnlySpan<char> word)
    {
        var exact = new StringBuilder(word.Length + 1);
        var folded = new StringBuilder(word.Length);
        var tone = 0;
        foreach (var c in word)
        {
            if (VietnameseLetters.TryDecompose(c, out var baseLetter, out var modifier, out var letterTone))
            {
                VietnameseLetters.TryCompose(baseLetter, modifier, 0, out var plain);
                exact.Append(plain);
                folded.Append(baseLetter);
                tone = letterTone == 0 ? tone : letterTone;
            }
            else if (c == 'đ')
            {
                exact.Append('đ');
                folded.Append('d');
            }
            else
            {
                exact.Append(c);
                folded.Append(c);
            }
        }

        if (tone > 0)
        {
            exact.Append((char)('0' + tone));
        }

        return new TextToken(exact.ToString(), folded.ToString());
    }

    // 1 = letter, 2 = digit, 0 = separator.
    private static int KindOf(char c) => char.IsLetter(c) ? 1 : char.IsDigit(c) ? 2 : 0;

    private static void ApplyMark(StringBuilder builder, char mark)
    {
        if (builder.Length == 0)
        {
            return;
        }

        var last = builder[^1];
        if (!VietnameseLetters.TryDecompose(last, out var baseLetter, out var modifier, out var tone))
        {
            return;
        }

        var markTone = VietnameseLetters.ToneOfMark(mark);
        var markModifier = VietnameseLetters.ModifierOfMark(mark);
        if (VietnameseLetters.TryCompose(
            baseLetter, markModifier == VietnameseLetters.NoModifier ? modifier : markModifier, markTone == 0 ? tone : markTone, out var composed))
        {
            builder[^1] = composed;
        }
    }
}
