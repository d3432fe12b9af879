using Microsoft.Extensions.Options;
using Outreach.Content.Broadcasts;
using Outreach.Content.Posts;
using Outreach.Scheduler.Sending;

namespace Outreach.Scheduler.Broadcasting;

/// <summary>
/// Sends one chunk of a broadcast: claims a few rows at a time, re-checks each member (still opted in? window still open?),
/// sends at the channel's rate with retries for transient failures, and writes the outcomes in one statement per batch.
/// Delivery is at-most-once: a row whose send may have reached the platform without an answer (timeout, crash) ends
/// "unknown" and is never sent again.
/// </summary>
public sealed class BroadcastSender(
    DeliveryStore deliveries,
    BroadcastStore broadcasts,
    ChannelSenders senders,
    BroadcastRateLimiters limiters,
    QuietHours quietHours,
    IOptions<BroadcastOptions> options,
    TimeProvider time,
    BroadcastMessage? messages = null)
{
    /// <summary>Sends the chunk until it is empty, the broadcast stops being "sending", the quiet hours begin, or the lease is lost.</summary>
    public async Task<ChunkOutcome> SendChunkAsync(Broadcast broadcast, Post post, int chunkNo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        ArgumentNullException.ThrowIfNull(post);
        var settings = options.Value;
        while (true)
        {
            var current = await broadcasts.FindAsync(broadcast.Id, cancellationToken);
            if (current?.Status != BroadcastStatuses.Sending)
            {
                return ChunkOutcome.Stopped;
            }

            if (!quietHours.IsAllowed(time.GetUtcNow(), post.AudienceChannels, post.IsPromotional))
            {
                return ChunkOutcome.Deferred;
            }

            var rows = await deliveries.ClaimRowsAsync(broadcast.Id, chunkNo, settings.Concurrency, post.Topic, time.GetUtcNow(), cancellationToken);
            if (rows.Count == 0)
            {
                return ChunkOutcome.Done;
            }

            var results = await Task.WhenAll(rows.Select(row => SendOneAsync(broadcast.Id, post, row, cancellationToken)));
            await deliveries.RecordAsync(broadcast.Id, results, time.GetUtcNow(), cancellationToken);
            if (results.Any(r => r.ErrorCode == nameof(SendOutcome.AuthFailed)))
            {
                // Every further send would fail the same way: stop and let staff fix the token, then resume.
                await broadcasts.TransitionAsync(broadcast.Id, [BroadcastStatuses.Sending], BroadcastStatuses.Paused, time.GetUtcNow(), cancellationToken);
                return ChunkOutcome.Stopped;
            }

            if (!await deliveries.RenewChunkAsync(broadcast.Id, chunkNo, time.GetUtcNow() + settings.Lease, cancellationToken))
            {
                return ChunkOutcome.LeaseLost;
            }
        }
    }

    private async Task<DeliveryResult> SendOneAsync(long broadcastId, Post post, ClaimedDelivery row, CancellationToken cancellationToken)
    {
        if (StillIneligible(row) is { } reason)
        {
            return new DeliveryResult(row.ContactId, DeliveryStatuses.Skipped, reason);
        }

        var sender = senders.For(row.Channel);
        if (sender is null)
        {
            return new DeliveryResult(row.ContactId, DeliveryStatuses.Failed, ErrorCode: "no_sender");
        }

        var message = (messages ?? BroadcastMessage.Untracked).Compose(post, broadcastId, row);
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
                return new DeliveryResult(row.ContactId, DeliveryStatuses.Unknown, ErrorCode: ex.GetType().Name);
            }

            if (Outcome(row.ContactId, result, attempt) is { } final)
            {
                return final;
            }

            var delay = result.RetryAfter ?? TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt - 1));
            await Task.Delay(delay < options.Value.Lease / 4 ? delay : options.Value.Lease / 4, time, cancellationToken);
        }
    }

    // Null: retry (a transient failure or a rate limit, attempts left, and the request certainly not delivered).
    private DeliveryResult? Outcome(long contactId, SendResult result, int attempt) => result switch
    {
        { IsSent: true } => new DeliveryResult(contactId, DeliveryStatuses.Sent, PlatformMessageId: result.PlatformMessageIds.Count > 0 ? result.PlatformMessageIds[0] : null),
        { MayHaveBeenDelivered: true } => new DeliveryResult(contactId, DeliveryStatuses.Unknown, ErrorCode: result.ErrorCode),
        { IsRetryable: true } when attempt < options.Value.MaxAttempts => null,
        { Outcome: SendOutcome.OutsideWindow } => new DeliveryResult(contactId, DeliveryStatuses.Skipped, SkipReasons.WindowClosed, ErrorCode: result.ErrorCode),
        { Outcome: SendOutcome.Unreachable } => new DeliveryResult(contactId, DeliveryStatuses.Skipped, SkipReasons.Unreachable, ErrorCode: result.ErrorCode),
        { Outcome: SendOutcome.AuthFailed } => new DeliveryResult(contactId, DeliveryStatuses.Queued, ErrorCode: nameof(SendOutcome.AuthFailed)),
        _ => new DeliveryResult(contactId, DeliveryStatuses.Failed, ErrorCode: result.ErrorCode ?? result.Outcome.ToString()),
    };

    // The member may have opted out, blocked us or let her window close since planning.
    private string? StillIneligible(ClaimedDelivery row)
    {
        if (!row.IsOptedIn)
        {
            return SkipReasons.Unsubscribed;
        }

        if (row.ContactStatus != "active")
        {
            return row.ContactStatus == "unfollowed" ? SkipReasons.NotFollower : SkipReasons.Unreachable;
        }

        var rules = options.Value.Rules();
        var window = row.Channel switch
        {
            "messenger" => rules.MessengerWindow,
            "zalo" => rules.ZaloWindow,
            _ => (TimeSpan?)null,
        };
        return window is { } w && (row.LastInboundAt is null || row.LastInboundAt < time.GetUtcNow() - w) ? SkipReasons.WindowClosed : null;
    }
}

/// <summary>How a worker's pass over a chunk ended.</summary>
public enum ChunkOutcome
{
    /// <summary>No queued rows left in the chunk.</summary>
    Done,

    /// <summary>The broadcast was paused, cancelled or stopped: hand the chunk back.</summary>
    Stopped,

    /// <summary>The quiet hours began: hand the chunk back and continue at the next allowed time.</summary>
    Deferred,

    /// <summary>Another worker took the chunk over (this one was too slow): stop touching it.</summary>
    LeaseLost,
}
