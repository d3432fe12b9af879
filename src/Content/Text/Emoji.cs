using System.Text;

namespace Outreach.Content.Text;

/// <summary>
/// Emoji read as words, so a reaction gets a reply rather than the fallback menu (DOMAIN.md §5.1.8): 👍 is "ok", 🙏 is
/// "cảm ơn", 😢 is "buồn"; hearts, smiles and any other pictograph read as "hihi" (a friendly reaction).
/// </summary>
public static class Emoji
{
    private static readonly Dictionary<int, string> Words = new()
    {
        [0x1F44D] = "ok", [0x1F44C] = "ok", [0x1F197] = "ok", [0x2705] = "ok", [0x2714] = "ok",
        [0x1F64F] = "cảm ơn",
        [0x2764] = "hihi", [0x1F60D] = "hihi", [0x1F970] = "hihi", [0x1F618] = "hihi", [0x1F495] = "hihi",
        [0x1F622] = "buồn", [0x1F62D] = "buồn", [0x1F61E] = "buồn", [0x1F614] = "buồn", [0x1F625] = "buồn", [0x1F97A] = "buồn",
        [0x1F494] = "buồn", [0x1F629] = "mệt", [0x1F62B] = "mệt", [0x1F971] = "mệt",
        [0x1F44B] = "chào",
    };

    // Faces that laugh (😂 🤣 😅 😆 😄 😁 😃 😹): a story that ends with one is told laughing.
    private static readonly HashSet<int> Laughs = [0x1F602, 0x1F923, 0x1F605, 0x1F606, 0x1F604, 0x1F601, 0x1F603, 0x1F639];

    // Faces worn out (😩 😫 🥱): a story that ends with one is a sigh.
    private static readonly HashSet<int> Weary = [0x1F629, 0x1F62B, 0x1F971];

    /// <summary>
    /// The act a message's faces perform, as words: a laughing face is "haha", a weary one "mệt". Hearts, smiles and other
    /// pictographs say nothing here (a shop's "😍 inbox em nha" is no laugh), nor crying ones ("cứu em với 😭 bài toán lớp 5"
    /// is a plea, not a sigh).
    /// </summary>
    public static IEnumerable<string> ActWords(string? text)
    {
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            if (Laughs.Contains(rune.Value))
            {
                yield return "haha";
            }
            else if (Weary.Contains(rune.Value))
            {
                yield return "mệt";
            }
        }
    }

    /// <summary>The text with each emoji replaced by its word (between spaces); everything else unchanged.</summary>
    public static string ToWords(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        StringBuilder? builder = null;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var word = WordOf(rune);
            if (word is not null)
            {
                builder ??= new StringBuilder(text.Length + 16).Append(text, 0, index);
                builder.Append(' ').Append(word).Append(' ');
            }
            else
            {
                builder?.Append(rune.ToString());
            }

            index += rune.Utf16SequenceLength;
        }

        return builder?.ToString() ?? text;
    }

    private static string? WordOf(Rune rune)
    {
        if (Words.TryGetValue(rune.Value, out var word))
        {
            return word;
        }

        var value = rune.Value;
        var isPictograph = value is >= 0x1F300 and <= 0x1FAFF or >= 0x2600 and <= 0x27BF;
        return isPictograph ? "hihi" : null;
    }
}
