namespace Outreach.Content.UnitMatching;

/// <summary>
/// A unit's join code: six digits a member types on Zalo (one key each, even on an old phone), the last a Damm check digit.
/// The check digit catches every single wrong digit and every swap of two neighbouring digits, so a typo never lands on
/// another unit silently; the codes one or two edits away from a typo are the ones offered back. The database makes the
/// codes with the same algorithm (<c>damm_check_digit</c>, migration 0086).
/// </summary>
public static class JoinCode
{
    public const int Length = 6;

    // Damm's quasigroup of order 10 (H. Michael Damm, 2004), as in the migration.
    private static readonly byte[,] Table =
    {
        { 0, 3, 1, 7, 5, 9, 8, 6, 4, 2 }, { 7, 0, 9, 2, 1, 5, 4, 8, 6, 3 }, { 4, 2, 0, 6, 8, 7, 1, 3, 5, 9 },
        { 1, 7, 5, 0, 9, 8, 3, 4, 2, 6 }, { 6, 1, 2, 3, 0, 4, 5, 9, 7, 8 }, { 3, 6, 7, 4, 2, 0, 9, 5, 8, 1 },
        { 5, 8, 6, 9, 7, 2, 0, 1, 3, 4 }, { 8, 9, 4, 5, 3, 6, 2, 0, 1, 7 }, { 9, 4, 3, 8, 6, 1, 7, 2, 0, 5 },
        { 2, 5, 8, 1, 4, 3, 6, 7, 9, 0 },
    };

    /// <summary>The check digit of <paramref name="digits"/> (ASCII digits only).</summary>
    public static char CheckDigit(ReadOnlySpan<char> digits)
    {
        var interim = 0;
        foreach (var digit in digits)
        {
            interim = Table[interim, digit - '0'];
        }

        return (char)('0' + interim);
    }

    /// <summary>Six ASCII digits, not starting with 0, whose last is the check digit of the first five.</summary>
    public static bool IsValid(ReadOnlySpan<char> code) =>
        code.Length == Length && code[0] != '0' && !code.ContainsAnyExceptInRange('0', '9') && CheckDigit(code[..^1]) == code[^1];

    /// <summary>
    /// The digits of what a member typed when it looks like a join code ("123 456", "123-456", "mã 123456", "I23456" with a
    /// letter for a digit), 4 to 8 digits; otherwise null.
    /// </summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        // Words ("mã", "số") are skipped; a token of digits may have a letter O or I/l typed for 0 or 1, and "-" or "." inside.
        var digits = new System.Text.StringBuilder(8);
        foreach (var token in typed.Split([' ', '\t', '\n', ',', ':'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Count(char.IsAsciiDigit) < 2 || token.Any(c => !char.IsAsciiDigit(c) && !"OoIl|-.".Contains(c, StringComparison.Ordinal)))
            {
                continue;
            }

            foreach (var c in token)
            {
                digits.Append(c switch { 'O' or 'o' => '0', 'I' or 'l' or '|' => '1', '-' or '.' => '\0', _ => c });
            }
        }

        var code = digits.Replace("\0", "").ToString();
        return code.Length is >= 4 and <= 8 ? code : null;
    }

    /// <summary>"123 456": how posters and the console write a code.</summary>
    public static string Display(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Length == Length ? string.Concat(code.AsSpan(0, 3), " ", code.AsSpan(3)) : code;
    }

    /// <summary>
    /// The valid codes within <paramref name="maxEdits"/> (1 or 2) edits of <paramref name="typed"/> (a wrong, missing, extra
    /// or swapped digit), nearest first, with their distance.
    /// </summary>
    public static IReadOnlyList<(string Code, int Edits)> Neighbours(string typed, int maxEdits = 2)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEdits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxEdits, 2);
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var ring = new HashSet<string>(StringComparer.Ordinal) { typed };
        for (var edits = 1; edits <= maxEdits; edits++)
        {
            var next = new HashSet<string>(StringComparer.Ordinal);
            foreach (var text in ring)
            {
                foreach (var variant in Edits(text))
                {
                    if (next.Add(variant) && IsValid(variant) && variant != typed)
                    {
                        found.TryAdd(variant, edits);
                    }
                }
            }

            ring = next;
        }

        return found.OrderBy(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value)).ToList();
    }

    private static IEnumerable<string> Edits(string text)
    {
        if (text.Length > Length + 2 || text.Length < Length - 2)
        {
            yield break;
        }

        for (var i = 0; i < text.Length; i++)
        {
            yield return text.Remove(i, 1);
            for (var d = '0'; d <= '9'; d++)
            {
                if (d != text[i])
                {
                    yield return string.Concat(text.AsSpan(0, i), [d], text.AsSpan(i + 1));
                }
            }

            if (i + 1 < text.Length && text[i] != text[i + 1])
            {
                yield return string.Concat(text.AsSpan(0, i), [text[i + 1], text[i]], text.AsSpan(i + 2));
            }
        }

        for (var i = 0; i <= text.Length; i++)
        {
            for (var d = '0'; d <= '9'; d++)
            {
                yield return text.Insert(i, d.ToString());
            }
        }
    }
}
