using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Outreach.Bot.Channels.Messenger.Payloads;
using Outreach.Scheduler.Sending;
using static Outreach.Bot.Channels.Messenger.MessengerErrorCodes;

namespace Outreach.Bot.Channels.Messenger;

/// <summary>
/// Graph's answer to a failed send → a <see cref="SendResult"/>, by HTTP status, code and subcode (never the localised
/// message; PLATFORM-MESSENGER.md §2.4). Rate limits carry how long to wait: Retry-After when given, else Meta's
/// estimated_time_to_regain_access, else a default per code.
/// </summary>
public static class MessengerErrorClassifier
{
    public static SendResult Classify(int httpStatus, GraphError? error, HttpResponseHeaders? headers = null)
    {
        if (error is null)
        {
            return httpStatus switch
            {
                429 => RateLimited($"http_{httpStatus}", "HTTP 429", RetryAfter(headers) ?? TimeSpan.FromSeconds(30)),
                >= 500 or 408 => SendResult.Failed(SendOutcome.Transient, $"http_{httpStatus}", $"HTTP {httpStatus} without a Graph error"),
                _ => SendResult.Failed(SendOutcome.Rejected, $"http_{httpStatus}", $"HTTP {httpStatus} without a Graph error"),
            };
        }

        var code = error.Subcode is { } sub ? $"{error.Code}/{sub}" : error.Code.ToString(CultureInfo.InvariantCulture);
        var message = Shorten(error.Message);
        var outcome = OutcomeOf(error);
        return outcome == SendOutcome.RateLimited
            ? RateLimited(code, message, RetryAfter(headers) ?? UsageWait(headers) ?? DefaultWait(error.Code))
            : SendResult.Failed(outcome, code, message);
    }

    /// <summary>The outcome of one Graph error; public so the retry predicate and the tests share it.</summary>
    public static SendOutcome OutcomeOf(GraphError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return (error.Code, error.Subcode) switch
        {
            (Permission, OutsideWindowSubcode or OutsideWindowAltSubcode or OutsideWindowNewsSubcode) => SendOutcome.OutsideWindow,
            (Permission, CannotReceiveSubcode) => SendOutcome.Unreachable,
            (InvalidParameter, NoMatchingUserSubcode) => SendOutcome.Unreachable,
            (UserUnavailable, _) or (PermissionDenied, UserUnavailableSubcode) => SendOutcome.Unreachable,
            (Permission, NotThreadOwnerSubcode) => SendOutcome.Rejected,
            (AppRateLimit, 2018354) => SendOutcome.Rejected, // marketing frequency cap: skip this recipient
            (AppRateLimit or UserRateLimit or PageRateLimit or CallRateLimit or PagesBucRateLimit or MessengerBucRateLimit, _) =>
                SendOutcome.RateLimited,
            (AccessTokenInvalid or 102 or PermissionDenied or PagesMessagingRequired or ActionBlocked, _) => SendOutcome.AuthFailed,
            (Permission, 1893063) => SendOutcome.AuthFailed, // the Page is restricted from messaging: an operator must act
            (Unknown or ServiceUnavailable or TemporarySendFailure, _) => SendOutcome.Transient,
            _ when error.IsTransient == true => SendOutcome.Transient,
            _ => SendOutcome.Rejected,
        };
    }

    /// <summary>Reads Graph's error envelope; null when the body is not one (an HTML error page, an empty 503).</summary>
    public static GraphError? ParseError(string body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<GraphErrorEnvelope>(body)?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static SendResult RateLimited(string code, string? message, TimeSpan wait) =>
        SendResult.Failed(SendOutcome.RateLimited, code, message, wait);

    private static TimeSpan DefaultWait(int code) => code == AppRateLimit ? TimeSpan.FromMinutes(5) : TimeSpan.FromSeconds(60);

    private static TimeSpan? RetryAfter(HttpResponseHeaders? headers) =>
        headers?.RetryAfter?.Delta is { } delta && delta > TimeSpan.Zero ? delta : null;

    // X-Business-Use-Case-Usage: {"<id>":[{"type":"messenger",…,"estimated_time_to_regain_access":<minutes>}]} (§2.6).
    private static TimeSpan? UsageWait(HttpResponseHeaders? headers)
    {
        if (headers is null || !headers.TryGetValues("X-Business-Use-Case-Usage", out var values))
        {
            return null;
        }

        try
        {
            using var usage = JsonDocument.Parse(values.First());
            var minutes = usage.RootElement.EnumerateObject()
                .SelectMany(p => p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray() : Enumerable.Empty<JsonElement>())
                .Select(e => e.TryGetProperty("estimated_time_to_regain_access", out var m) && m.TryGetInt32(out var n) ? n : 0)
                .DefaultIfEmpty(0)
                .Max();
            return minutes > 0 ? TimeSpan.FromMinutes(minutes) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Shorten(string? message) => message is { Length: > 300 } ? message[..300] : message;
}
