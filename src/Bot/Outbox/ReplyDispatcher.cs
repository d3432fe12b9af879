using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly;
using Outreach.Bot.Channels;
using Outreach.Bot.Inbox;
using Outreach.Bot.Metrics;
using Outreach.Content.Messages;
using Outreach.Scheduler.Sending;

namespace Outreach.Bot.Outbox;

/// <summary>
/// Sends recorded replies through their channel's sender, one member at a time and in order, and records the platform's
/// answer. Temporary failures are retried with backoff (or after the platform's Retry-After); refusals are final.
/// HTTP-level retries live in the clients' resilience handlers; this is the message-level retry on top (worst case:
/// MaxSendAttempts × the handler's attempts). The platform's answer is recorded through a transient database error (an
/// outage, a restart: retried with backoff for about 40 s), so a reply the platform took is not left "sending" to be sent
/// again when its lease runs out.
/// </summary>
public sealed partial class ReplyDispatcher(
    OutboundMessageStore outbox,
    ChannelRegistry channels,
    IOptions<InboxOptions> options,
    ChannelHealthReporter health,
    TimeProvider time,
    ILogger<ReplyDispatcher> logger,
    OutreachMetrics? metrics = null)
{
    private readonly ResiliencePipeline _database = TransientDatabaseRetry.Create(12, time);

    /// <summary>Sends the next due message, if any. Returns false when there was nothing to send.</summary>
    public async Task<bool> SendOnceAsync(CancellationToken cancellationToken)
    {
        var row = await outbox.ClaimNextAsync(options.Value.SendLease, cancellationToken);
        if (row is null)
        {
            return false;
        }

        var sender = channels.Sender(row.Channel);
        if (sender is null)
        {
            metrics?.ReplyFailed(row.Channel, "no_sender");
            await outbox.CompleteAsync(row.Id, sent: false, [], "no_sender", $"No sender for channel {row.Channel}", cancellationToken);
            return true;
        }

        OutboundMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<OutboundMessage>(row.Body, OutboundMessageMapper.JsonOptions);
        }
        catch (JsonException)
        {
            message = null;
        }

        if (message is null)
        {
            // Nothing to retry: it would fail the same way every time and hold her later replies back.
            Log.ReplyNotSent(logger, row.Id, row.Channel, SendOutcome.Rejected, "unreadable_body");
            metrics?.ReplyFailed(row.Channel, "unreadable_body");
            await outbox.CompleteAsync(row.Id, sent: false, [], "unreadable_body", null, cancellationToken);
            return true;
        }

        SendResult result;
        try
        {
            result = await sender.SendAsync(message with { Reference = row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A sender that throws (a bug, a body the platform client cannot build) is a failed attempt like any other: retried
            // with backoff up to MaxSendAttempts, then failed, so it never loops forever in front of her later replies. Only the
            // exception's type is kept: its message can quote the reply.
            var code = ex.GetType().FullName ?? "exception";
            result = SendResult.Failed(SendOutcome.Transient, code, code);
        }

        await _database.ExecuteAsync(async token => await RecordAsync(row, result, token), cancellationToken);
        return true;
    }

    private async Task RecordAsync(OutboundRow row, SendResult result, CancellationToken cancellationToken)
    {
        if (result.IsSent)
        {
            await health.ReportAsync(row.Channel, row.AccountId, result, cancellationToken);
            await outbox.CompleteAsync(row.Id, sent: true, result.PlatformMessageIds, null, null, cancellationToken);
            return;
        }

        if (result.IsRetryable && row.Attempts < options.Value.MaxSendAttempts)
        {
            var backoff = result.RetryAfter ?? TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, row.Attempts)));
            await outbox.RetryAtAsync(row.Id, time.GetUtcNow() + backoff, result.ErrorCode, result.ErrorMessage, cancellationToken);
            return;
        }

        Log.ReplyNotSent(logger, row.Id, row.Channel, result.Outcome, result.ErrorCode);
        metrics?.ReplyFailed(row.Channel, result.Outcome.ToString());
        await health.ReportAsync(row.Channel, row.AccountId, result, cancellationToken);
        await outbox.CompleteAsync(row.Id, sent: false, [], result.ErrorCode ?? result.Outcome.ToString(), result.ErrorMessage, cancellationToken);
    }
}
