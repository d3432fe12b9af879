using Microsoft.Extensions.Options;
using Outreach.Content.Broadcasts;
using Outreach.Content.Posts;
using Outreach.Scheduler.Sending;

namespace Outreach.Scheduler.Broadcasting;

/// <summary>
/// Sends one claimed delivery: skips the member when the claim found her no longer eligible (<see cref="Eligibility"/>, the
/// planner's own rules and reasons), sends at the channel's rate, retries transient failures and short rate limits in place,
/// and says how it ended. A rate limit that asks for longer (Meta 80006/613, Zalo -32: minutes) puts the row back in the queue
/// until then and holds the account's other sends (<see cref="ChannelThrottle"/>): it fails only after
/// <see cref="BroadcastOptions.RateLimitMaxDeferrals"/> claims. A refusal by this host's own budget (<see cref="SendResult.RefusedHere"/>:
/// the call never left) puts the row off and holds the account until its next permit, and does not count: such a row is
/// sent in the end, however often it was put off. So is a send beyond what the channel's own rate can take now (<see cref="ChannelRate"/>:
/// put off to its turn). A send that may have reached the platform without an answer
/// ends "unknown" and is never repeated (broadcasts are at-most-once). A refused token or an account's quota or billing error
/// puts the row back and carries a <see cref="PauseReasons"/> in its reason: the caller pauses the broadcast.
/// </summary>
public sealed class DeliveryAttempt(
    ChannelSenders senders, BroadcastRateLimiters limiters, BroadcastMessage messages, Eligibility eligibility, IOptions<BroadcastOptions> options,
    ChannelHealthReporter health, ChannelThrottle throttle, Publishing.PostImageLinks imageLinks, TimeProvider time)
{
    public async Task<DeliveryResult> SendAsync(long broadcastId, Post post, ClaimedDelivery row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(row);
        if (row.SkipReason is { } reason)
        {
            return new DeliveryResult(row.ContactId, DeliveryStatuses.Skipped, reason);
        }

        var sender = senders.For(row.Channel);
        if (sender is null)
        {
            return new DeliveryResult(row.ContactId, DeliveryStatuses.Failed, FailReasons.ChannelNotConfigured, ErrorCode: "no_sender");
        }

        if (throttle.WaitUntil(row.Channel, row.AccountId, time.GetUtcNow()) is { } held)
        {
            return new DeliveryResult(row.ContactId, DeliveryStatuses.Queued, ErrorCode: "throttled", NotBefore: held, NotAnAttempt: true);
        }

        var imageUrl = row.Channel == "messenger" ? await imageLinks.UrlAsync(post, cancellationToken) : null;
        var message = messages.Compose(post, broadcastId, row, imageUrl);
        for (var attempt = 1; ; attempt++)
        {
            // Past what the channel's rate can take now, the row goes back until its turn, uncounted, holding no send slot.
            var turn = await limiters.For(row.Channel).TakeAsync(comingBack: row.PutOffBefore || attempt > 1, cancellationToken);
            if (turn.Lease is null)
            {
                return new DeliveryResult(row.ContactId, DeliveryStatuses.Queued, ErrorCode: "channel_rate", NotBefore: turn.PutOffUntil, NotAnAttempt: true);
            }

            using var lease = turn.Lease;
            SendResult result;
            try
            {
                result = await sender.SendAsync(message, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The request may have gone out: never resend.
                await health.ReportUnreachableAsync(row.Channel, ex.GetType().Name, cancellationToken, message.AccountId);
                return new DeliveryResult(row.ContactId, DeliveryStatuses.Unknown, FailReasons.NoAnswer, ErrorCode: ex.GetType().Name);
            }

            if (result is { Outcome: SendOutcome.RateLimited, RefusedHere: true })
            {
                return PutOff(row, result);
            }

            var wait = result.RetryAfter ?? TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt - 1));
            if (result is { Outcome: SendOutcome.RateLimited, MayHaveBeenDelivered: false }
                && (wait > options.Value.RateLimitWaitInPlace || attempt >= options.Value.MaxAttempts))
            {
                return Defer(row, result, wait);
            }

            if (Outcome(row.ContactId, row.Channel, result, attempt) is { } final)
            {
                await health.ReportAsync(row.Channel, message.AccountId, result, cancellationToken);
                return final;
            }

            await Task.Delay(wait < options.Value.Lease / 4 ? wait : options.Value.Lease / 4, time, cancellationToken);
        }
    }

    // The platform asked for a wait longer than is worth holding a claimed row for: back to the queue until then, and the
    // account's other sends wait too. Past the deferrals allowed, the row fails as rate-limited.
    private DeliveryResult Defer(ClaimedDelivery row, SendResult result, TimeSpan wait)
    {
        if (row.Attempts >= options.Value.RateLimitMaxDeferrals)
        {
            return new DeliveryResult(row.ContactId, DeliveryStatuses.Failed, FailReasons.RateLimited, ErrorCode: result.ErrorCode);
        }

        var until = time.GetUtcNow() + (wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1));
        throttle.Hold(row.Channel, row.AccountId, until);
        return new DeliveryResult(row.ContactId, DeliveryStatuses.Queued, ErrorCode: result.ErrorCode, NotBefore: until);
    }

    // This host's own budget for the account is spent (the call never left): the row goes back to the queue until the
    // account's next permit, uncounted (a member never loses a broadcast to our own limiter), and the account's other rows wait
    // too instead of each asking again; no send slot waits for the permit meanwhile, so the other accounts' members go on.
    private DeliveryResult PutOff(ClaimedDelivery row, SendResult result)
    {
        var until = time.GetUtcNow() + (result.RetryAfter is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1));
        throttle.Hold(row.Channel, row.AccountId, until);
        return new DeliveryResult(row.ContactId, DeliveryStatuses.Queued, ErrorCode: result.ErrorCode, NotBefore: until, NotAnAttempt: true);
    }

    // Null: retry (a transient failure, attempts left, and the request certainly not delivered).
    private DeliveryResult? Outcome(long contactId, string channel, SendResult result, int attempt) => result switch
    {
        { IsSent: true } => new DeliveryResult(contactId, DeliveryStatuses.Sent, PlatformMessageId: result.PlatformMessageIds.Count > 0 ? result.PlatformMessageIds[0] : null),
        { MayHaveBeenDelivered: true } => new DeliveryResult(contactId, DeliveryStatuses.Unknown, FailReasons.NoAnswer, ErrorCode: result.ErrorCode),
        { IsRetryable: true } when attempt < options.Value.MaxAttempts => null,
        { Outcome: SendOutcome.OutsideWindow } => new DeliveryResult(contactId, DeliveryStatuses.Skipped, eligibility.WindowReason(channel), ErrorCode: result.ErrorCode),
        { Outcome: SendOutcome.Unreachable } => new DeliveryResult(contactId, DeliveryStatuses.Skipped, SkipReasons.Unreachable, ErrorCode: result.ErrorCode),
        { Outcome: SendOutcome.AuthFailed } => new DeliveryResult(contactId, DeliveryStatuses.Queued, PauseReasons.TokenRefused, ErrorCode: result.ErrorCode),
        { Outcome: SendOutcome.AccountLimited } => new DeliveryResult(contactId, DeliveryStatuses.Queued, PauseReasons.QuotaOrBilling, ErrorCode: result.ErrorCode),
        _ => new DeliveryResult(contactId, DeliveryStatuses.Failed, FailReason(result.Outcome), ErrorCode: result.ErrorCode ?? result.Outcome.ToString()),
    };

    private static string FailReason(SendOutcome outcome) => outcome switch
    {
        SendOutcome.Transient => FailReasons.PlatformUnreachable,
        SendOutcome.RateLimited => FailReasons.RateLimited,
        _ => FailReasons.Rejected,
    };

    /// <summary>True when the result puts the row back and asks for the broadcast to pause (<see cref="PauseReasons"/>).</summary>
    public static bool AsksToPause(DeliveryResult result) =>
        result is { Status: DeliveryStatuses.Queued, SkipReason: PauseReasons.TokenRefused or PauseReasons.QuotaOrBilling };
}
