using Microsoft.Extensions.Options;
using Npgsql;
using Outreach.Bot.Metrics;
using Outreach.Content.Inbox;

namespace Outreach.Bot.Inbox;

/// <summary>
/// Runs one stored event as a turn. The event row stays locked in a transaction while its turn runs, and every write of the
/// turn (replies included) commits with the row's "done": a crash before the commit leaves the event pending for another try,
/// a crash after it leaves nothing to redo. A turn therefore takes effect exactly once.
/// </summary>
public sealed class TurnRunner(
    NpgsqlDataSource dataSource,
    InboxStore inbox,
    InboxAdapter adapter,
    IOptions<InboxOptions> options,
    TimeProvider time,
    OutreachMetrics metrics,
    ILogger<TurnRunner> logger)
{
    /// <summary>Processes the next due event, if any. Returns false when there was nothing to do.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        InboxEvent? claimed = null;
        var started = time.GetTimestamp();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TurnTimeoutSeconds));
            await using var connection = await dataSource.OpenConnectionAsync(timeout.Token);
            await using var transaction = await connection.BeginTransactionAsync(timeout.Token);
            claimed = await inbox.ClaimNextAsync(transaction, timeout.Token);
            if (claimed is null)
            {
                return false;
            }

            var outcome = await adapter.RunTurnsAsync(transaction, claimed, timeout.Token);
            LogSkipped(claimed, outcome);
            await inbox.CompleteAsync(transaction, claimed.Id, outcome.Status, timeout.Token);
            await transaction.CommitAsync(timeout.Token);
            adapter.RepliesCommitted();
            metrics.TurnRan(time.GetElapsedTime(started), succeeded: true);
            return true;
        }
        catch (Exception ex) when (claimed is not null && !cancellationToken.IsCancellationRequested)
        {
            metrics.TurnRan(time.GetElapsedTime(started), succeeded: false);
            await RecordFailureAsync(claimed, ex);
            return true;
        }
    }

    private void LogSkipped(InboxEvent inboxEvent, TurnOutcome outcome)
    {
        if (outcome.Skipped == TurnOutcome.NoChannel.Skipped)
        {
            Log.NoChannel(logger, inboxEvent.Id, inboxEvent.Channel);
        }
        else if (outcome.Error is { } error)
        {
            Log.UnreadableEvent(logger, inboxEvent.Id, inboxEvent.Channel, inboxEvent.Kind, error);
        }
    }

    private async Task RecordFailureAsync(InboxEvent inboxEvent, Exception exception)
    {
        var attempt = inboxEvent.Attempts + 1;
        DateTimeOffset? retryAt = attempt >= options.Value.MaxTurnAttempts
            ? null
            : time.GetUtcNow() + TimeSpan.FromSeconds(Math.Pow(2, attempt - 1));

        // Only the exception type is logged and stored: messages can quote what the member wrote.
        Log.TurnFailed(logger, exception, inboxEvent.Id, attempt, retryAt is null);
        await inbox.RecordFailureAsync(inboxEvent, exception.GetType().FullName ?? "error", retryAt, CancellationToken.None);
    }
}
