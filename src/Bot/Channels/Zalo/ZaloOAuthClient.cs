using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Zalo.Payloads;
using Outreach.Content.ChannelTokens;

namespace Outreach.Bot.Channels.Zalo;

/// <summary>
/// The OAuth v4 token endpoint (§5): <c>POST /v4/oa/access_token</c>, form-encoded, app secret in the <c>secret_key</c>
/// header. Refresh tokens are single-use, so nothing here retries a request that may have reached Zalo.
/// </summary>
public sealed class ZaloOAuthClient(HttpClient http, IOptions<ZaloOptions> options, TimeProvider time)
{
    // Zalo's documented access-token lifetime (25 h), used when a grant omits or garbles expires_in.
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(25);

    /// <summary>
    /// Spends <paramref name="refreshToken"/> for a new pair. A refusal (-14014, an empty body) is a value; a transport failure
    /// or a 5xx throws, because then the token may or may not have been spent and the caller must not record a refusal.
    /// </summary>
    public Task<TokenExchange> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        RefreshAsync(options.Value.AppId, options.Value.AppSecret, refreshToken, cancellationToken);

    /// <summary>As <see cref="RefreshAsync(string, CancellationToken)"/>, for an OA of the app <paramref name="appId"/> (its secret key <paramref name="appSecret"/>).</summary>
    public async Task<TokenExchange> RefreshAsync(string? appId, string? appSecret, string refreshToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.OAuthBaseUrl, "v4/oa/access_token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["refresh_token"] = refreshToken,
                ["app_id"] = appId ?? "",
                ["grant_type"] = "refresh_token",
            }),
        };
        request.Headers.TryAddWithoutValidation("secret_key", appSecret);
        using var response = await http.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode >= 500)
        {
            throw new HttpRequestException($"Zalo OAuth answered HTTP {(int)response.StatusCode}.", null, response.StatusCode);
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return Read(text, (int)response.StatusCode, time.GetUtcNow());
    }

    internal static TokenExchange Read(string text, int status, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            // Reported for an already-consumed refresh token (§5): treat as a refusal.
            return TokenExchange.Refused($"empty answer (HTTP {status})");
        }

        ZaloTokenResponse? grant;
        try
        {
            grant = JsonSerializer.Deserialize<ZaloTokenResponse>(text, ZaloJson.Options);
        }
        catch (JsonException)
        {
            return TokenExchange.Refused($"unreadable answer (HTTP {status})");
        }

        if (grant is { AccessToken.Length: > 0, RefreshToken.Length: > 0 })
        {
            var lifetime = double.TryParse(grant.ExpiresIn, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : DefaultLifetime;
            return TokenExchange.Granted(grant.AccessToken, now + lifetime, grant.RefreshToken);
        }

        // Only the code and Zalo's name for it: the body could echo a token.
        return TokenExchange.Refused($"{grant?.Error ?? "?"} {grant?.ErrorName ?? grant?.ErrorDescription ?? grant?.Message}".Trim());
    }
}
