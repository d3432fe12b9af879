using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Outreach.Bot.Channels.Zalo;

/// <summary>
/// The webhook signature (PLATFORM-ZALO.md §2.3): <c>X-ZEvent-Signature: mac=</c> + lowercase hex of the plain SHA-256 (not an
/// HMAC) of app id + the raw body bytes + the body's <c>timestamp</c> string + the OA secret key. The official Java SDK
/// (MacUtils.buildMac) is the reference; some senders omit the <c>mac=</c> prefix, so both forms are accepted.
/// </summary>
public static class ZaloSignature
{
    public const string HeaderName = "X-ZEvent-Signature";

    private const string Prefix = "mac=";
    private const int HashBytes = 32;

    /// <summary>SHA-256 of appId ‖ body ‖ timestamp ‖ secret, each string as UTF-8.</summary>
    public static byte[] Compute(string appId, ReadOnlySpan<byte> body, string timestamp, string secret)
    {
        ArgumentNullException.ThrowIfNull(appId);
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(secret);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(appId));
        hash.AppendData(body);
        hash.AppendData(Encoding.UTF8.GetBytes(timestamp));
        hash.AppendData(Encoding.UTF8.GetBytes(secret));
        return hash.GetHashAndReset();
    }

    /// <summary>True when <paramref name="header"/> (<c>mac=&lt;hex&gt;</c> or bare hex) is the signature of these parts; compared in constant time.</summary>
    public static bool IsValid(string? header, string appId, ReadOnlySpan<byte> body, string timestamp, string secret)
    {
        Span<byte> claimed = stackalloc byte[HashBytes];
        return TryParse(header, claimed) && CryptographicOperations.FixedTimeEquals(claimed, Compute(appId, body, timestamp, secret));
    }

    private static bool TryParse(string? header, Span<byte> destination)
    {
        var hex = header.AsSpan().Trim();
        if (hex.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            hex = hex[Prefix.Length..];
        }

        return hex.Length == HashBytes * 2
            && Convert.FromHexString(hex, destination, out _, out var written) == OperationStatus.Done
            && written == HashBytes;
    }
}
