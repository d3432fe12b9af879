using System.Text.Json;
using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Accounts;

namespace Outreach.Bot.Channels.Zalo;

/// <summary>
/// The follower's detail (PLATFORM-ZALO.md §4.3): <c>GET /v3.0/oa/user/detail?data={"user_id":"…"}</c> with the OA's token in the
/// <c>access_token</c> header; the name is <c>data.display_name</c>. Errors come with HTTP 200 as <c>{"error","message"}</c>:
/// a token Zalo calls invalid or expired is refreshed once; a member who does not follow the OA (-213) or any other refusal
/// is a lasting one; the OA's call limit (-32) and outages are retried later.
/// </summary>
public sealed class ZaloProfiles(IHttpClientFactory httpClients, ZaloTokenProvider tokens, IChannelAccounts accounts, IOptions<ZaloOptions> options)
    : IMemberProfiles
{
    public const string ClientName = "zalo-profiles";

    public string Channel => ZaloChannel.Name;

    public async Task<ProfileLookup> LookupAsync(string accountId, string platformUserId, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(accountId, cancellationToken);
        // The lookup spends the OA's own app's budget of calls (a commune's OA has its own, ZaloRateLimiter).
        var appId = (await accounts.FindAsync(Channel, accountId, cancellationToken))?.AppId;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (token.Value is null)
            {
                return ProfileLookup.Refused("no_token");
            }

            var query = Uri.EscapeDataString(JsonSerializer.Serialize(new { user_id = platformUserId }));
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(options.Value.OpenApiBaseUrl, "v3.0/oa/user/detail?data=" + query));
            request.Headers.TryAddWithoutValidation("access_token", token.Value);
            if (appId is not null)
            {
                request.Options.Set(ZaloRateLimiter.AppKey, appId);
            }

            JsonElement root;
            try
            {
                using var response = await httpClients.CreateClient(ClientName).SendAsync(request, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    return ProfileLookup.Retry($"http_{(int)response.StatusCode}");
                }

                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                root = document.RootElement.Clone();
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                return ProfileLookup.Retry("network");
            }

            var code = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var e) ? ErrorCode(e) : 0;
            if (ZaloErrorCodes.IsTokenError(code) && attempt == 0)
            {
                token = await tokens.RefreshAsync(accountId, token.Version, cancellationToken);
                continue;
            }

            return code switch
            {
                0 => root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                     && data.TryGetProperty("display_name", out var name) && name.ValueKind == JsonValueKind.String
                     && name.GetString() is { } text && !string.IsNullOrWhiteSpace(text)
                    ? ProfileLookup.Found(text.Trim())
                    : ProfileLookup.Refused("no_name"),
                ZaloErrorCodes.RateLimited => ProfileLookup.Retry("rate_limited"),
                ZaloErrorCodes.NotFollower => ProfileLookup.Refused("not_follower"),
                _ when ZaloErrorCodes.IsTokenError(code) => ProfileLookup.Refused("token_refused"),
                _ => ProfileLookup.Refused($"zalo_{code}"),
            };
        }

        return ProfileLookup.Refused("token_refused");
    }

    // Zalo sends the code as a number, on some accounts as a string of digits.
    private static int ErrorCode(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt32(out var n) => n,
        JsonValueKind.String when int.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
        _ => 0,
    };
}
