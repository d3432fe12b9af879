using System.Security.Cryptography;
using System.Text;

namespace Outreach.Bot.Channels.Messenger;

/// <summary>
/// Checks <c>X-Hub-Signature-256: sha256=&lt;hex HMAC-SHA256(app secret, raw body)&gt;</c> over the bytes exactly as received.
/// Meta signs its own \uXXXX-escaped text, so the body is never re-serialised before the check (PLATFORM-MESSENGER.md §1.4);
/// the comparison is constant-time and unlike botbuilder's reads the right header in the right format.
/// </summary>
public static class MessengerSignature
{
    public const string HeaderName = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";

    /// <summary>True when <paramref name="header"/> is Meta's signature of <paramref name="body"/> under <paramref name="appSecret"/>.</summary>
    public static bool IsValid(ReadOnlySpan<byte> body, string? header, string appSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(appSecret);
        if (header is null || header.Length != Prefix.Length + 64 || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Span<byte> claimed = stackalloc byte[32];
        if (Convert.FromHexString(header.AsSpan(Prefix.Length), claimed, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != 32)
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body, actual);
        return CryptographicOperations.FixedTimeEquals(actual, claimed);
    }

    /// <summary>The header value Meta would send for <paramref name="body"/> (for tools and tests of our own).</summary>
    public static string Sign(ReadOnlySpan<byte> body, string appSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(appSecret);
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));
    }
}
