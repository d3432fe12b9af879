using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Outreach.Content.Stats;

/// <summary>
/// Tracked links of broadcasts: <c>{PublicBaseUrl}/r/{broadcast}-{contact}-{tag}</c>, the tag being the first 16 bytes of
/// HMAC-SHA256(key, "click:v1:{broadcast}:{contact}") in base64url. Changing any digit breaks the tag, and a valid tag cannot
/// be produced or guessed (2^128) without the key. The token names a delivery, never a destination: the redirect goes to
/// that post's own link, so the endpoint cannot be used as an open redirect.
/// </summary>
public sealed class ClickLinks(IOptions<TrackingOptions> options)
{
    public const string PathPrefix = "/r/";
    private const int TagBytes = 16;

    public bool IsEnabled => options.Value.IsEnabled;

    /// <summary>The tracked link for one member's delivery, or null when tracking is off.</summary>
    public string? LinkFor(long broadcastId, long contactId)
    {
        var settings = options.Value;
        if (!settings.IsEnabled)
        {
            return null;
        }

        var tag = Base64Url.EncodeToString(Tag(settings.SigningKey!, broadcastId, contactId));
        return settings.PublicBaseUrl!.AbsoluteUri.TrimEnd('/') + PathPrefix +
            string.Create(CultureInfo.InvariantCulture, $"{broadcastId}-{contactId}-{tag}");
    }

    /// <summary>Reads a token; false unless it is well formed and signed with the current or a previous key.</summary>
    public bool TryRead(string? token, out long broadcastId, out long contactId)
    {
        broadcastId = contactId = 0;
        var settings = options.Value;
        var parts = token is { Length: <= 80 } ? token.Split('-', 3) : [];
        if (parts.Length != 3 || settings.SigningKey is null
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var b)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var c)
            || !Base64Url.IsValid(parts[2], out var length) || length != TagBytes)
        {
            return false;
        }

        var tag = Base64Url.DecodeFromChars(parts[2]);
        foreach (var key in settings.PreviousSigningKeys.Prepend(settings.SigningKey))
        {
            if (CryptographicOperations.FixedTimeEquals(tag, Tag(key, b, c)))
            {
                (broadcastId, contactId) = (b, c);
                return true;
            }
        }

        return false;
    }

    /// <summary>True for a link-preview crawler's request (redirected, not counted).</summary>
    public bool IsPreviewer(string? userAgent) =>
        userAgent is { Length: > 0 } agent && options.Value.EffectivePreviewUserAgents.Any(p => agent.Contains(p, StringComparison.OrdinalIgnoreCase));

    private static byte[] Tag(string key, long broadcastId, long contactId) =>
        HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(key),
            Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"click:v1:{broadcastId}:{contactId}")))[..TagBytes];
}
