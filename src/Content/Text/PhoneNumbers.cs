namespace Outreach.Content.Text;

/// <summary>
/// Hotline numbers written without spaces read as they are grouped in the pack: "1900969680" is "1900 969 680",
/// "19009068" is "1900 9068", so a member who types the number finds the entry that names it.
/// </summary>
public static class PhoneNumbers
{
    /// <summary>The tokens with each run of 8 or more digits starting 1800 or 1900 split into its groups.</summary>
    public static List<TextToken> Split(IReadOnlyList<TextToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var result = new List<TextToken>(tokens.Count);
        foreach (var token in tokens)
        {
            var digits = token.Folded;
            if (!token.IsNumber || digits.Length < 8 || !(digits.StartsWith("1900", StringComparison.Ordinal) || digits.StartsWith("1800", StringComparison.Ordinal)))
            {
                result.Add(token);
                continue;
            }

            result.Add(new TextToken(digits[..4], digits[..4]));
            var rest = digits[4..];
            if (rest.Length % 3 == 0)
            {
                for (var i = 0; i < rest.Length; i += 3)
                {
                    result.Add(new TextToken(rest.Substring(i, 3), rest.Substring(i, 3)));
                }
            }
            else
            {
                result.Add(new TextToken(rest, rest));
            }
        }

        return result;
    }
}
