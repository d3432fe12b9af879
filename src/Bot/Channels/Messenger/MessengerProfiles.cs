using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Accounts;
using Outreach.Bot.Channels.Messenger.Payloads;
using static Outreach.Bot.Channels.Messenger.MessengerErrorCodes;

namespace Outreach.Bot.Channels.Messenger;

/// <summary>
/// The User Profile API (PLATFORM-MESSENGER.md §3.3): <c>GET {Graph}/{version}/{PSID}?fields=first_name,last_name</c> with the
/// Page's token in the Authorization header and appsecret_proof in the query. The name is family name first, as Vietnamese
/// names are written ("Nguyễn Thị" + "Lan"). It needs the app's Advanced Access to Business Asset User Profile Access: without
/// it Graph answers (#100) 2018247; a member with a phone-number-only account has no profile, (#100) 2018218. Both are
/// lasting refusals; request limits and outages are retried later. Profile pictures are not asked for (not needed, personal).
/// </summary>
public sealed class MessengerProfiles(IHttpClientFactory httpClients, IChannelAccounts accounts, IOptions<MessengerOptions> options)
    : IMemberProfiles
{
    public const string ClientName = "messenger-profiles";

    /// <summary>(#100) "Insufficient permission to access user profile."</summary>
    public const int ProfilePermissionSubcode = 2018247;

    /// <summary>(#100) "No profile available for this user."</summary>
    public const int NoProfileSubcode = 2018218;

    public string Channel => MessengerChannel.Name;

    public async Task<ProfileLookup> LookupAsync(string accountId, string platformUserId, CancellationToken cancellationToken)
    {
        var account = await accounts.FindAsync(MessengerChannel.Name, accountId, cancellationToken);
        if (account?.AccessToken is not { Length: > 0 } token)
        {
            return ProfileLookup.Refused("unknown_page");
        }

        var settings = options.Value;
        var uri = $"{settings.GraphBaseUrl.AbsoluteUri.TrimEnd('/')}/{settings.ApiVersion}/{Uri.EscapeDataString(platformUserId)}?fields=first_name,last_name";
        if (settings.UseAppSecretProof && account.AppSecret is { Length: > 0 } secret)
        {
            uri += "&appsecret_proof=" + MessengerClient.AppSecretProof(secret, token);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(uri));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await httpClients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return ReadName(body) is { } name ? ProfileLookup.Found(name) : ProfileLookup.Refused("no_name");
            }

            return Classify((int)response.StatusCode, MessengerErrorClassifier.ParseError(body));
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return ProfileLookup.Retry("network");
        }
    }

    /// <summary>A Graph refusal of a profile lookup, by code and subcode (the message is in the token owner's language).</summary>
    public static ProfileLookup Classify(int httpStatus, GraphError? error)
    {
        if (error is null)
        {
            return httpStatus is >= 500 or 408 or 429 ? ProfileLookup.Retry($"http_{httpStatus}") : ProfileLookup.Refused($"http_{httpStatus}");
        }

        return error.Code switch
        {
            InvalidParameter when error.Subcode == ProfilePermissionSubcode => ProfileLookup.Refused("no_permission"),
            InvalidParameter when error.Subcode == NoProfileSubcode => ProfileLookup.Refused("no_profile"),
            AccessTokenInvalid or 102 => ProfileLookup.Refused("token_refused"),
            Permission or PermissionDenied or 3 => ProfileLookup.Refused("no_permission"),
            AppRateLimit or UserRateLimit or PageRateLimit or CallRateLimit or PagesBucRateLimit or MessengerBucRateLimit => ProfileLookup.Retry("rate_limited"),
            Unknown or ServiceUnavailable or TemporarySendFailure => ProfileLookup.Retry($"graph_{error.Code}"),
            _ when error.IsTransient == true => ProfileLookup.Retry($"graph_{error.Code}"),
            _ => ProfileLookup.Refused(error.Subcode is { } sub ? $"graph_{error.Code}_{sub}" : $"graph_{error.Code}"),
        };
    }

    private static string? ReadName(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? Field(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()?.Trim() : null;
        var parts = new[] { Field("last_name"), Field("first_name") }.Where(p => !string.IsNullOrEmpty(p)).ToArray();
        return parts.Length > 0 ? string.Join(' ', parts) : Field("name") is { Length: > 0 } full ? full : null;
    }
}
