using System.Text;

namespace Outreach.Content.Inbox;

/// <summary>
/// JSON text made acceptable to PostgreSQL's jsonb, which refuses the escape <c>\u0000</c> and unpaired UTF-16 surrogate
/// escapes (<c>\ud800</c> alone) that a member can still type. Both become U+FFFD, in keys and values alike, so a signed
/// event is stored rather than answered with a 5xx (which makes a platform retry and, for Zalo, disable the webhook).
/// </summary>
public static class JsonbText
{
    private const string Replacement = "\\ufffd";

    /// <summary>The same JSON with every refused escape replaced; the text itself when there is none (the common case).</summary>
    public static string Safe(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!json.Contains("\\u", StringComparison.Ordinal))
        {
            return json;
        }

        StringBuilder? output = null;
        var copiedUpTo = 0;
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (c == '"')
            {
                inString = !inString;
                continue;
            }

            if (!inString || c != '\\' || i + 1 >= json.Length)
            {
                continue;
            }

            if (json[i + 1] != 'u' || !TryHex(json, i + 2, out var code))
            {
                i++; // another escape (\" \\ \n …): skip the escaped character
                continue;
            }

            var length = 6;
            var refused = code == 0 || char.IsLowSurrogate((char)code);
            if (char.IsHighSurrogate((char)code))
            {
                var paired = i + 11 < json.Length && json[i + 6] == '\\' && json[i + 7] == 'u'
                    && TryHex(json, i + 8, out var low) && char.IsLowSurrogate((char)low);
                if (paired)
                {
                    length = 12;
                }
                else
                {
                    refused = true;
                }
            }

            if (refused)
            {
                output ??= new StringBuilder(json.Length);
                output.Append(json, copiedUpTo, i - copiedUpTo).Append(Replacement);
                copiedUpTo = i + 6;
            }

            i += length - 1;
        }

        return output is null ? json : output.Append(json, copiedUpTo, json.Length - copiedUpTo).ToString();
    }

    private static bool TryHex(string json, int start, out int code)
    {
        code = 0;
        if (start + 4 > json.Length)
        {
            return false;
        }

        for (var k = start; k < start + 4; k++)
        {
            var digit = HexValue(json[k]);
            if (digit < 0)
            {
                return false;
            }

            code = (code << 4) | digit;
        }

        return true;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
