using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Outreach.Emulators.Messenger;

/// <summary>
/// JSON as Meta writes it on the wire, and its signatures. Meta (PHP's json_encode) escapes every non-ASCII character as a
/// lowercase \uxxxx UTF-16 unit and "/" as "\/", then signs those bytes (PLATFORM-MESSENGER.md §1.2, §1.4): a receiver that
/// re-serialises before checking gets a different HMAC.
/// </summary>
public static class MetaJson
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Serialises <paramref name="node"/> compactly, escaped as Meta does.</summary>
    public static string Write(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Escape(node.ToJsonString(Relaxed));
    }

    /// <summary>Escapes compact JSON as Meta does (non-ASCII → \uxxxx, "/" → "\/"); both only ever occur inside strings.</summary>
    public static string Escape(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var builder = new StringBuilder(json.Length + 16);
        foreach (var c in json)
        {
            if (c > 0x7F)
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (c == '/')
            {
                builder.Append("\\/");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The X-Hub-Signature-256 header value: "sha256=" + lowercase hex HMAC-SHA256(app secret, body).</summary>
    public static string Sign256(byte[] body, string appSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));

    /// <summary>The legacy X-Hub-Signature header value: "sha1=" + lowercase hex HMAC-SHA1 (Meta still sends both).</summary>
    public static string Sign1(byte[] body, string appSecret) =>
#pragma warning disable CA5350 // Meta's legacy header is SHA-1 by definition; the emulator must produce it as sent.
        "sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(appSecret), body));
#pragma warning restore CA5350
}
