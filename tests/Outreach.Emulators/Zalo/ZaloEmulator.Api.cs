using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Outreach.Emulators.Zalo;

/// <summary>The consultation API: <c>POST /v3.0/oa/message/cs</c> with Zalo's checks, in Zalo's order of concern.</summary>
public sealed partial class ZaloEmulator
{
    private async Task<IResult> SendAsync(HttpContext context)
    {
        var tokenError = CheckAccessToken(context.Request.Headers["access_token"].ToString());
        if (tokenError is { } code)
        {
            return Error(code);
        }

        if (!TakeCallPermit(Oa(OaOfToken(context.Request.Headers["access_token"].ToString())).AppId, out var remaining))
        {
            return Error(-32);
        }

        if (_accountLimit is var limited and not 0)
        {
            return Error(limited);
        }

        context.Response.Headers["X-RateLimit-Limit"] = Options.RequestsPerMinute.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Remain"] = remaining.ToString(CultureInfo.InvariantCulture);
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            return Error(-201, "body is invalid!");
        }

        var userId = body?["recipient"]?["user_id"]?.GetValueKind() == JsonValueKind.String ? (string?)body["recipient"]!["user_id"] : null;
        if (string.IsNullOrEmpty(userId))
        {
            return Error(-201, "user_id is invalid!");
        }

        var refusal = CheckMessage(body!["message"] as JsonObject) ?? CheckRecipient(userId);
        return refusal is { } failure ? Error(failure.Code, failure.Message) : Success(userId);
    }

    private int? CheckAccessToken(string token)
    {
        if (token.Length == 0 || !_accessTokens.TryGetValue(token, out var expires))
        {
            return -216;
        }

        return expires <= Clock.GetUtcNow() ? -220 : null;
    }

    // Zalo counts calls per app: OAs of one app share its minute, OAs with their own apps have one each.
    private bool TakeCallPermit(string appId, out int remaining)
    {
        var now = Clock.GetUtcNow();
        var calls = _calls.GetOrAdd(appId, _ => new Queue<DateTimeOffset>());
        lock (calls)
        {
            while (calls.Count > 0 && calls.Peek() <= now - TimeSpan.FromMinutes(1))
            {
                calls.Dequeue();
            }

            remaining = Math.Max(0, Options.RequestsPerMinute - calls.Count - 1);
            if (calls.Count >= Options.RequestsPerMinute)
            {
                return false;
            }

            calls.Enqueue(now);
            return true;
        }
    }

    private (int Code, string? Message)? CheckMessage(JsonObject? message)
    {
        if (message is null)
        {
            return (-201, "message is invalid!");
        }

        var text = message["text"]?.GetValueKind() == JsonValueKind.String ? (string?)message["text"] : null;
        var attachment = message["attachment"] as JsonObject;
        if (string.IsNullOrEmpty(text) && attachment is null)
        {
            return (-201, "message is invalid!");
        }

        if (text?.Length > Options.MaxTextLength)
        {
            return (-210, null);
        }

        return attachment is null || IsKnownAttachment(attachment) ? null : (-233, null);
    }

    // Template media (image by url or attachment_id, gif, sticker by attachment_id), request_user_info, file by token (§3.2).
    private static bool IsKnownAttachment(JsonObject attachment)
    {
        var payload = attachment["payload"] as JsonObject;
        return ((string?)attachment["type"], (string?)payload?["template_type"]) switch
        {
            ("file", _) => payload?["token"] is not null,
            ("template", "request_user_info") => payload?["elements"] is JsonArray { Count: 1 },
            ("template", "media") => payload?["elements"] is JsonArray { Count: > 0 } elements
                && elements.All(e => (string?)e?["media_type"] is "image" or "gif" or "sticker" && (e?["url"] ?? e?["attachment_id"]) is not null),
            _ => false,
        };
    }

    private (int Code, string? Message)? CheckRecipient(string userId)
    {
        if (!_members.TryGetValue(userId, out var member))
        {
            return Options.TrustUnknownRecipients ? null : (-230, null);
        }

        if (member.LastInteraction is not { } last)
        {
            return (-230, null);
        }

        if (member.Banned)
        {
            return (-227, null);
        }

        if (member.Unfollowed)
        {
            return (-213, null);
        }

        return last < Clock.GetUtcNow() - Options.InteractionWindow ? (-230, null) : null;
    }

    private IResult Success(string userId)
    {
        var messageId = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(10));
        var sentTime = Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var json = JsonSerializer.Serialize(new
        {
            data = new
            {
                quota = new { quota_type = "reply", remain = "8", total = "8" },
                message_id = messageId,
                user_id = userId,
                sent_time = sentTime,
            },
            error = 0,
            message = "Success",
        });
        return Results.Text(json, "application/json; charset=utf-8");
    }

    private static IResult Error(int code, string? message = null) =>
        Results.Text(ZaloApiErrors.Body(code, message), "application/json; charset=utf-8");
}
