namespace Outreach.Bot.Channels.Messenger;

/// <summary>
/// Splits a long text into parts Messenger accepts (2000 characters for text, 640 for a button template's text), at a
/// paragraph, line, sentence or word boundary where one is near the limit, and never inside a surrogate pair.
/// </summary>
public static class MessengerTextSplitter
{
    public const int MaxTextLength = 2000;

    public const int MaxTemplateTextLength = 640;

    public static IReadOnlyList<string> Split(string text, int maxLength = MaxTextLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var parts = new List<string>();
        var rest = text.AsSpan().Trim();
        while (rest.Length > maxLength)
        {
            var cut = CutPoint(rest, maxLength);
            var part = rest[..cut].TrimEnd();
            if (part.Length > 0)
            {
                parts.Add(part.ToString());
            }

            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            parts.Add(rest.ToString());
        }

        return parts;
    }

    // The last good boundary within the limit, searched only in its last third so parts stay well filled.
    private static int CutPoint(ReadOnlySpan<char> text, int maxLength)
    {
        var window = text[..maxLength];
        var floor = maxLength * 2 / 3;
        foreach (var boundary in new[] { "\n\n", "\n", ". ", "? ", "! ", " " })
        {
            var at = window.LastIndexOf(boundary.AsSpan());
            if (at >= floor)
            {
                return at + boundary.Length;
            }
        }

        // No boundary: a hard cut, moved back one character if it would split a surrogate pair (an emoji).
        return char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
    }
}
