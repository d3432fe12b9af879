using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Accounts;
using Outreach.Bot.Channels.Zalo.Payloads;
using Outreach.Content.Inbox;

namespace Outreach.Bot.Channels.Zalo;

/// <summary>
/// <c>POST /webhooks/zalo</c>: raw body → the OA it names (<c>oa_id</c>, else recipient or sender by direction) → that OA's
/// signature (its app id and OA secret key) → inbox → 200. An event for an OA that is not an active account here is
/// acknowledged (200, logged) and stored nowhere: a failing answer would only make Zalo retry it and turn the webhook off.
/// Nothing else happens in the request (Zalo wants its 200 within 2 seconds and retries otherwise, §2.2).
/// </summary>
public static partial class ZaloWebhookEndpoints
{
    public const string Path = "/webhooks/zalo";

    /// <summary>Maps the Zalo webhook. While Zalo is not configured it answers 503 with a clear message and stores nothing.</summary>
    public static IEndpointRouteBuilder MapZaloWebhook(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(Path, ReceiveAsync);
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request, IOptions<ZaloOptions> options, IChannelAccounts accounts, IInbox inbox, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var logger = loggers.CreateLogger(typeof(ZaloWebhookEndpoints));
        var all = await accounts.ListAsync(ZaloChannel.Name, cancellationToken);
        if (all.Count == 0 && !settings.IsConfigured)
        {
            Log.ZaloNotConfigured(logger);
            return Results.Problem("Kênh Zalo chưa được cấu hình (Outreach:Zalo:AppId…): sự kiện chưa được nhận.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var (body, refusal) = await WebhookBody.ReadAsync(request, settings.MaxWebhookBytes, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var signature = request.Headers[ZaloSignature.HeaderName].ToString();
        if (signature.Length == 0)
        {
            return Unauthenticated(settings, logger, "missing");
        }

        // The signature covers the raw bytes; the parse reads a jsonb-safe copy (a lone surrogate escape would throw).
        var json = JsonbText.Safe(Encoding.UTF8.GetString(body!));
        ZaloWebhookEvent? zaloEvent;
        try
        {
            zaloEvent = JsonSerializer.Deserialize<ZaloWebhookEvent>(json, ZaloJson.Options);
        }
        catch (JsonException)
        {
            return Results.Problem("Nội dung không phải JSON hợp lệ của một sự kiện Zalo.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (zaloEvent is null)
        {
            return Results.Problem("Nội dung không phải một sự kiện Zalo (JSON object).", statusCode: StatusCodes.Status400BadRequest);
        }

        // The OA the event names chooses the secret; an event naming none is checked against every OA's.
        IReadOnlyList<ResolvedAccount> candidates = all;
        if (ZaloInboxEvents.OaId(zaloEvent) is { Length: > 0 } oaId)
        {
            if (all.FirstOrDefault(a => a.AccountId == oaId) is not { } account)
            {
                Log.ZaloUnknownOa(logger, oaId);
                return Results.Ok();
            }

            candidates = [account];
        }

        if (zaloEvent.Timestamp is not { Length: > 0 } timestamp || !candidates.Any(a => IsSigned(settings, a, signature, body!, timestamp, logger)))
        {
            return Unauthenticated(settings, logger, "invalid");
        }

        return await StoreAsync(zaloEvent, json, request, inbox, logger, cancellationToken);
    }

    private static async Task<IResult> StoreAsync(
        ZaloWebhookEvent zaloEvent, string json, HttpRequest request, IInbox inbox, ILogger logger,
        CancellationToken cancellationToken)
    {
        var name = zaloEvent.EventName;
        if (string.IsNullOrEmpty(name))
        {
            // Signed, so it is Zalo's: a 4xx would only make Zalo retry it for an hour and then disable the webhook.
            Log.ZaloNoEventName(logger);
            return Results.Ok();
        }

        if (!ZaloEventNames.IsHandled(name) && !ZaloEventNames.IsAdminEcho(name, zaloEvent.Sender?.AdminId))
        {
            // Our own echoes (oa_send_*) and events Outreach has no use for: acknowledged so Zalo does not retry them.
            Log.ZaloIgnored(logger, name);
            return Results.Ok();
        }

        var draft = ZaloInboxEvents.ToDraft(zaloEvent, json);
        var added = await inbox.AcceptAsync([draft], cancellationToken);
        var numRetry = request.Headers["num_retry"].ToString();
        Log.ZaloStored(logger, name, draft.PlatformEventId, added == 0, numRetry);
        return Results.Ok();
    }

    private static bool IsSigned(ZaloOptions settings, ResolvedAccount account, string signature, byte[] body, string timestamp, ILogger logger)
    {
        if (account.AppId is not { Length: > 0 } appId)
        {
            return false;
        }

        if (account.WebhookSecret is { Length: > 0 } oaSecret && ZaloSignature.IsValid(signature, appId, body, timestamp, oaSecret))
        {
            return true;
        }

        // One source (SPEC) says the app secret signs webhooks; off unless an operator turns it on.
        if (settings.AcceptAppSecretSignature && account.AppSecret is { Length: > 0 } appSecret
            && ZaloSignature.IsValid(signature, appId, body, timestamp, appSecret))
        {
            Log.ZaloAppSecretSignature(logger);
            return true;
        }

        return false;
    }

    private static IResult Unauthenticated(ZaloOptions settings, ILogger logger, string reason)
    {
        Log.ZaloBadSignature(logger, reason, settings.AcknowledgeInvalidSignatures);
        return settings.AcknowledgeInvalidSignatures
            ? Results.Ok()
            : Results.Problem("Chữ ký X-ZEvent-Signature thiếu hoặc sai.", statusCode: StatusCodes.Status401Unauthorized);
    }
}
