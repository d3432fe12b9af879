using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Outreach.Emulators.Messenger;

/// <summary>The Send API endpoint: every check Meta makes, in Meta's order, each answered with Meta's error (§2.2–§2.5).</summary>
public sealed partial class MessengerEmulator
{
    private static readonly string[] SenderActions = ["typing_on", "typing_off", "mark_seen", "react", "unreact"];
    private static readonly string[] DeprecatedTags = ["CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE", "ACCOUNT_UPDATE"];

    private async Task<IResult> HandleSendAsync(HttpContext context, string version, string node)
    {
        var request = context.Request;
        if (!VersionPattern().IsMatch(version))
        {
            return Error(MessengerGraphErrors.UnknownPath(request.Path));
        }

        var token = request.Headers.Authorization.ToString() is { } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal)
            ? auth["Bearer ".Length..]
            : request.Query["access_token"].ToString();
        if (string.IsNullOrEmpty(token))
        {
            return Error(MessengerGraphErrors.MissingToken());
        }

        var page = Options.PageTokens.FirstOrDefault(p => p.Value == token).Key;
        if (page is null)
        {
            return Error(MessengerGraphErrors.InvalidToken());
        }

        if (_expiredTokens.ContainsKey(page))
        {
            return Error(MessengerGraphErrors.ExpiredToken());
        }

        if (OverLimit(page) is { } limit)
        {
            return Error(limit);
        }

        if (_throttledUntil.TryGetValue(page, out var throttle) && throttle.Until > Options.Clock.GetUtcNow())
        {
            Interlocked.Increment(ref _throttledSends);
            var left = throttle.Until - Options.Clock.GetUtcNow();
            context.Response.Headers["x-business-use-case-usage"] =
                $"{{\"{page}\":[{{\"type\":\"messenger\",\"call_count\":100,\"total_cputime\":1,\"total_time\":1,\"estimated_time_to_regain_access\":{(int)Math.Ceiling(left.TotalMinutes)}}}]}}";
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(left.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Error(throttle.Body);
        }

        if (node != "me" && node != page)
        {
            return Error(MessengerGraphErrors.Body("(#200) The access token does not belong to this Page", "OAuthException", 200, null), 403);
        }

        var proof = request.Query["appsecret_proof"].ToString();
        if (proof.Length > 0 && proof != Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(Options.AppSecretOf(page)), Encoding.UTF8.GetBytes(token))))
        {
            return Error(MessengerGraphErrors.InvalidAppSecretProof());
        }

        if (proof.Length == 0 && Options.RequireAppSecretProof)
        {
            return Error(MessengerGraphErrors.AppSecretProofRequired());
        }

        JsonElement body;
        try
        {
            using var reader = new StreamReader(request.Body);
            body = JsonDocument.Parse(await reader.ReadToEndAsync(context.RequestAborted)).RootElement;
        }
        catch (JsonException)
        {
            return Error(MessengerGraphErrors.InvalidParameter("Invalid JSON for postcard"));
        }

        if (_sendFaults.TryPeek(out var fault) && fault.Match(body) && _sendFaults.TryDequeue(out fault))
        {
            return Error(fault.Body, fault.Status);
        }

        return CheckBody(body, page) is { } refusal ? refusal : Accept(context, page, body);
    }

    // Meta's limits on a Page token (§2.6): 300 calls a second, and 200 calls per engaged user in a rolling 24 hours (BUC).
    private string? OverLimit(string page)
    {
        var now = Options.Clock.GetUtcNow();
        var calls = _pageCalls.GetOrAdd(page, _ => new PageCalls());
        lock (calls)
        {
            Trim(calls.LastSecond, now - TimeSpan.FromSeconds(1));
            Trim(calls.LastDay, now - TimeSpan.FromDays(1));
            if (calls.LastSecond.Count >= Options.SendsPerSecondPerPage)
            {
                return MessengerGraphErrors.CallRateLimit();
            }

            if (!Options.TrustUnknownRecipients)
            {
                var engaged = _lastInteraction.Keys.Count(k => k.Page == page);
                if (calls.LastDay.Count >= (long)Options.CallsPerEngagedUserPerDay * Math.Max(1, engaged))
                {
                    return MessengerGraphErrors.PageRateLimit();
                }

                calls.LastDay.Enqueue(now);
            }

            calls.LastSecond.Enqueue(now);
            return null;
        }
    }

    private static void Trim(Queue<DateTimeOffset> calls, DateTimeOffset before)
    {
        while (calls.Count > 0 && calls.Peek() <= before)
        {
            calls.Dequeue();
        }
    }

    private sealed class PageCalls
    {
        public Queue<DateTimeOffset> LastSecond { get; } = new();

        public Queue<DateTimeOffset> LastDay { get; } = new();
    }

    private IResult? CheckBody(JsonElement body, string page)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("recipient", out var recipient)
            || !recipient.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
        {
            return Error(MessengerGraphErrors.InvalidParameter("The parameter recipient is required"));
        }

        var hasMessage = body.TryGetProperty("message", out var message);
        var hasAction = body.TryGetProperty("sender_action", out var action);
        if (hasMessage && hasAction)
        {
            return Error(MessengerGraphErrors.InvalidParameter("Cannot send both message and sender action", 2018014));
        }

        if (!hasMessage && !hasAction)
        {
            return Error(MessengerGraphErrors.InvalidParameter("The parameter message is required"));
        }

        if (hasAction && !SenderActions.Contains(action.GetString()))
        {
            return Error(MessengerGraphErrors.InvalidParameter("Param sender_action must be one of {typing_on, typing_off, mark_seen, react, unreact}"));
        }

        return (hasMessage ? MessengerMessageRules.Check(message) : null)
            ?? CheckTag(body)
            ?? CheckRecipient(page, id.GetString()!, body);
    }

    private static IResult? CheckTag(JsonElement body)
    {
        var type = body.TryGetProperty("messaging_type", out var t) ? t.GetString() : null;
        var tag = body.TryGetProperty("tag", out var g) ? g.GetString() : null;
        if (type is not (null or "RESPONSE" or "UPDATE" or "MESSAGE_TAG"))
        {
            return Error(MessengerGraphErrors.InvalidParameter("Param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}"));
        }

        if (type == "MESSAGE_TAG" && tag is null)
        {
            return Error(MessengerGraphErrors.InvalidParameter("Param tag is required when messaging_type is MESSAGE_TAG"));
        }

        return tag switch
        {
            null or "HUMAN_AGENT" => null,
            _ when DeprecatedTags.Contains(tag) => Error(MessengerGraphErrors.InvalidParameter($"Tag {tag} is deprecated. Use Utility Messages instead")),
            _ => Error(MessengerGraphErrors.InvalidParameter("Param tag must be a valid message tag")),
        };
    }

    private IResult? CheckRecipient(string page, string psid, JsonElement body)
    {
        if (LastInteraction(page, psid) is not { } last)
        {
            if (!Options.TrustUnknownRecipients)
            {
                return Error(MessengerGraphErrors.NoMatchingUser());
            }

            last = Options.Clock.GetUtcNow();
        }

        if (_blocked.ContainsKey(psid))
        {
            return Error(MessengerGraphErrors.UserUnavailable());
        }

        // Sender actions are not messages; everything else needs the window open (24 h, or 7 days with HUMAN_AGENT).
        var humanAgent = body.TryGetProperty("tag", out var tag) && tag.GetString() == "HUMAN_AGENT";
        if (humanAgent && !HumanAgentApproved)
        {
            // Without App Review's Human Agent feature the tag is refused as a permission error (exact subcode unverified).
            return Error(MessengerGraphErrors.HumanAgentNotApproved());
        }

        var window = humanAgent ? Options.HumanAgentWindow : Options.StandardWindow;
        return body.TryGetProperty("message", out _) && Options.Clock.GetUtcNow() - last > window
            ? Error(MessengerGraphErrors.OutsideWindow())
            : null;
    }

    private IResult Accept(HttpContext context, string page, JsonElement body)
    {
        var headers = context.Response.Headers;
        headers["x-business-use-case-usage"] =
            $"{{\"{page}\":[{{\"type\":\"messenger\",\"call_count\":1,\"total_cputime\":1,\"total_time\":1,\"estimated_time_to_regain_access\":0}}]}}";
        headers["facebook-api-version"] = Options.ApiVersion;
        headers["x-fb-trace-id"] = Guid.NewGuid().ToString("N")[..11];
        var psid = body.GetProperty("recipient").GetProperty("id").GetString();
        return body.TryGetProperty("message", out _)
            ? Results.Json(new Dictionary<string, string?> { ["recipient_id"] = psid, ["message_id"] = MessengerWebhookBuilder.NewMid() })
            : Results.Json(new Dictionary<string, string?> { ["recipient_id"] = psid });
    }

    private static IResult Error(string body, int status = StatusCodes.Status400BadRequest) =>
        Results.Content(body, "application/json; charset=UTF-8", Encoding.UTF8, status);

    [GeneratedRegex(@"^v[0-9]+\.[0-9]+$")]
    private static partial Regex VersionPattern();
}
