using System.Net;
using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Accounts;
using Outreach.Bot.Channels.Zalo.Payloads;
using Outreach.Bot.Core;
using Outreach.Content.Messages;
using Outreach.Scheduler.Sending;
using Polly.Timeout;

namespace Outreach.Bot.Channels.Zalo;

/// <summary>
/// Sends messages as the OA through the consultation API (<c>/v3.0/oa/message/cs</c>) and says what happened as a
/// <see cref="SendResult"/>: sent (with Zalo's message ids, matched later by receipts), retry later, or refused for good.
/// A token error (-216/-220) refreshes the token once and resends once. Retries: see Channels/Zalo/README.md.
/// </summary>
public sealed partial class ZaloSender(
    ZaloClient client, ZaloTokenProvider tokens, IChannelAccounts accounts, ZaloRateLimiter budget, IOptions<ZaloOptions> options,
    TimeProvider time, ILogger<ZaloSender> logger)
    : IChannelSender
{
    public string Channel => ZaloChannel.Name;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        if (await accounts.FindAsync(Channel, message.AccountId, cancellationToken) is not { } account)
        {
            return (await accounts.ListAsync(Channel, cancellationToken)).Count == 0
                ? SendResult.Failed(SendOutcome.AuthFailed, "zalo_not_configured", "Chưa có Zalo OA nào (trang \"Trang và OA\" hoặc Outreach:Zalo).")
                : SendResult.Failed(SendOutcome.Rejected, "unknown_oa", $"OA {message.AccountId} chưa có trong hệ thống hoặc đã ngừng hoạt động.");
        }

        var requests = ZaloMessageMapper.ToRequests(message, settings);
        if (requests.Count == 0)
        {
            return SendResult.Failed(SendOutcome.Rejected, "empty", "Tin nhắn không có nội dung.");
        }

        // A long reply goes out as several messages. If a later part fails, the whole message is retried (earlier parts
        // may then arrive twice): acceptable for a rare 2000+ character answer, and never a lost hotline.
        var ids = new List<string>(requests.Count);
        foreach (var request in requests)
        {
            var result = await SendOneAsync(message.AccountId, account.AppId, message.Purpose == MessagePurpose.Broadcast, request, cancellationToken);
            if (!result.IsSent)
            {
                if (!result.RefusedHere)
                {
                    Log.ZaloNotSent(logger, message.Reference, result.Outcome, result.ErrorCode);
                }

                // An earlier part did leave: the message as a whole was not refused by our own budget alone.
                return ids.Count > 0 ? result with { RefusedHere = false } : result;
            }

            ids.AddRange(result.PlatformMessageIds);
        }

        return SendResult.Sent(ids);
    }

    // appId: the OA's own app, whose budget of calls the send spends (each app has its own, ZaloRateLimiter).
    private async Task<SendResult> SendOneAsync(string oaId, string? appId, bool broadcast, ZaloSendRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var token = await tokens.GetAsync(oaId, cancellationToken);
            if (token.Value is null)
            {
                return SendResult.Failed(SendOutcome.AuthFailed, token.ErrorCode, token.ErrorMessage);
            }

            ZaloApiReply reply;
            var (permit, wait) = await PermitAsync(appId, broadcast, cancellationToken);
            using (permit)
            {
                if (permit is null)
                {
                    return SpentBudget(wait);
                }

                reply = await client.SendMessageAsync(token.Value, request, cancellationToken);
            }

            if (ZaloErrorCodes.IsTokenError(reply.Error))
            {
                Log.ZaloTokenRefused(logger, reply.Error);
                token = await tokens.RefreshAsync(oaId, token.Version, cancellationToken);
                if (token.Value is null)
                {
                    return SendResult.Failed(SendOutcome.AuthFailed, token.ErrorCode, token.ErrorMessage);
                }

                var (again, againWait) = await PermitAsync(appId, broadcast, cancellationToken);
                using (again)
                {
                    if (again is null)
                    {
                        return SpentBudget(againWait);
                    }

                    reply = await client.SendMessageAsync(token.Value, request, cancellationToken);
                }
            }

            return ToResult(reply);
        }
        catch (HttpRequestException ex) when (ex.StatusCode is { } status && (int)status is >= 400 and < 500 && status != HttpStatusCode.RequestTimeout)
        {
            return SendResult.Failed(SendOutcome.Rejected, $"http_{(int)status}", ex.Message);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Timeouts, dropped connections, 5xx: the message may or may not have reached Zalo; the outbox retries it.
            return SendResult.Failed(SendOutcome.Transient, "transport", ex.GetType().Name + ": " + ex.Message) with
            {
                MayHaveBeenDelivered = ex is not HttpRequestException { StatusCode: not null }
                    && ex is not HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError },
            };
        }
    }

    // A broadcast row takes its app's permit without waiting (a spent OA's rows are put off while other accounts' members go);
    // a member's reply waits for one, ahead of the broadcasts.
    private async Task<(ZaloRateLimiter.Permit? Permit, TimeSpan Wait)> PermitAsync(string? appId, bool broadcast, CancellationToken cancellationToken) =>
        broadcast ? (budget.TryTake(appId, out var wait), wait) : await budget.TakeAsync(appId, cancellationToken);

    // The app's minute is spent: nothing sent; a broadcast holds the OA until the next permit, the outbox retries then.
    private static SendResult SpentBudget(TimeSpan wait) => SendResult.RefusedByOwnBudget("Quá hạn mức gọi API Zalo của máy này.", wait);

    private SendResult ToResult(ZaloApiReply reply)
    {
        if (reply.Error == ZaloErrorCodes.Success)
        {
            return reply.MessageId is { Length: > 0 } id
                ? SendResult.Sent(id)
                : SendResult.Failed(SendOutcome.Transient, "no_message_id", "Zalo báo thành công nhưng không trả message_id.");
        }

        var result = ZaloErrorCodes.ToResult(reply.Error, reply.Message, options.Value, time.GetUtcNow());
        return reply.RetryAfter is { } retryAfter ? result with { RetryAfter = retryAfter } : result;
    }
}
