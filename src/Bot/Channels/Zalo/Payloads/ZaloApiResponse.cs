using System.Text.Json.Serialization;

namespace Outreach.Bot.Channels.Zalo.Payloads;

/// <summary>
/// Zalo's envelope: <c>{"data":{…},"error":0,"message":"Success"}</c>, or <c>{"error":-230,"message":"…"}</c> for a
/// failure, both with HTTP 200 (§1: never read the HTTP status for application errors).
/// </summary>
public sealed record ZaloApiResponse(
    [property: JsonPropertyName("error")] int Error,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("data")] ZaloSendData? Data);

/// <summary>The data of a successful send (P1): <c>message_id</c> comes back in receipts as <c>msg_id</c>.</summary>
public sealed record ZaloSendData(
    [property: JsonPropertyName("message_id")] string? MessageId,
    [property: JsonPropertyName("user_id")] string? UserId);

/// <summary>
/// The OAuth v4 token endpoint's answer: a grant (P2, <c>expires_in</c> a string of seconds) or a refusal (P3,
/// <c>error</c> -14014 and <c>error_name</c>; sometimes an empty body).
/// </summary>
public sealed record ZaloTokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; init; }

    [JsonPropertyName("expires_in")]
    public string? ExpiresIn { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }

    [JsonPropertyName("error_name")]
    public string? ErrorName { get; init; }

    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
