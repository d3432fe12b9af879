using Microsoft.Extensions.Options;
using Outreach.Content.Broadcasts;
using Outreach.Content.Posts;
using Outreach.Scheduler.Sending;

namespace Outreach.Scheduler.Broadcasting;

/// <summary>
/// Sends one claimed delivery: skips the member when the claim found her no longer eligible (<see cref="Eligibility"/>, the
/// planner's own rules and reasons), sends at the channel's rate,
/// retries transient failures and rate limits, and says how it ended. A send that may have reached the platform without an
/// answer ends "unknown" and is never repeated (broadcasts are at-most-once).
/// </summary>
public sealed class DeliveryAttempt(
    ChannelSenders senders, BroadcastRateLimiters limiters, BroadcastMessage messages, Eligibility eligibility, IOptions<BroadcastOptions> options,
    ChannelHealthReporter health, TimeProvider time)
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

        var message = messages.Compose(post, broadcastId, row);
        for (var attempt = 1; ; attempt++)
        {
            using var lease = await limiters.For(row.Channel).AcquireAsync(1, cancellationToken);
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

            if (Outcome(row.ContactId, row.Channel, result, attempt) is { } final)
            {
                await health.ReportAsync(row.Channel, message.AccountId, result, cancellationToken);
                return final;
            }

            var delay = result.RetryAfter ?? TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt - 1));
            await Task.Delay(delay < options.Value.Lease / 4 ? delay : options.Value.Lease / 4, time, cancellationToken);
        }
    }

    // Null: retry (a transient failure or a rate limit, attempts left, and the request certainly not delivered).
    private DeliveryResult? Outcome(long contactId, string channel, SendResult result, int attempt) => result switch
    {
        { IsSent: true } => new DeliveryResult(contactId, DeliveryStatuses.Sent, PlatformMessageId: result.PlatformMessageIds.Count > 0 ? result.PlatformMessageIds[0] : null),
        { MayHaveBeenDelivered: true } => new DeliveryResult(contactId, DeliveryStatuses.Unknown, FailReasons.NoAnswer, ErrorCode: result.ErrorCode),
        { IsRetryable: true } when attempt < options.Value.MaxAttempts => null,
        { Outcome: SendOutcome.OutsideWindow } => new DeliveryResult(contactId, DeliveryStatuses.Skipped, eligibility.WindowReason(channel), ErrorCode: result.ErrorCode),
        { Outcome: SendOutcome.Unreachable } => new DeliveryResult(contactId, DeliveryStatuses.Skipped, SkipReasons.Unreachable, ErrorCode: result.ErrorCode),
        { Outcome: SendOutcome.AuthFailed } => new DeliveryResult(contactId, DeliveryStatuses.Queued, ErrorCode: nameof(SendOutcome.AuthFailed)),
        _ => new DeliveryResult(contactId, DeliveryStatuses.Failed, FailReason(result.Outcome), ErrorCode: result.ErrorCode ?? result.Outcome.ToString()),
    };

    private static string FailReason(SendOutcome outcome) => outcome switch
    {
        SendOutcome.Transient => FailReasons.PlatformUnreachable,
        SendOutcome.RateLimited => FailReasons.RateLimited,
        _ => FailReasons.Rejected,
    };
}
