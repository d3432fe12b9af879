using Outreach.Content.Broadcasts;

namespace Outreach.Scheduler.Broadcasting;

/// <summary>
/// Writes the broadcast workers' outcome batches of this process together: a batch that comes while another statement is being
/// written waits for it, and then goes in one statement with every batch that came meanwhile (from any worker, chunk or
/// broadcast; <see cref="DeliveryStore.RecordAsync(IReadOnlyList{ChunkResults}, CancellationToken)"/>). Nothing waits for a
/// batch to fill or for a timer: a lone batch is written at once. Each worker's recorder still waits for its own batch to be
/// written before it takes the next, so the bound on rows in flight after a crash is unchanged. A batch with rows put back in
/// the queue (a rate limit) is written alone (its statement also takes them out of their claim). A failed statement fails every
/// batch in it; each worker retries its own (<see cref="BroadcastOptions.DatabaseRetries"/>).
/// (issue 17, bench/README "What the commits are": each statement costs PostgreSQL its plan, its reach events' check, its commit.)
/// </summary>
public sealed class OutcomeWriter(DeliveryStore deliveries)
{
    private readonly Lock _gate = new();
    private List<Pending> _waiting = [];
    private bool _writing;

    public async Task RecordAsync(ChunkClaim chunk, IReadOnlyList<DeliveryResult> results, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            return;
        }

        if (results.Any(r => r.Status == DeliveryStatuses.Queued))
        {
            await deliveries.RecordAsync(chunk, results, now, cancellationToken);
            return;
        }

        // A copy: the caller reuses its buffer once this returns, and a cancelled caller returns before the write.
        var pending = new Pending(new ChunkResults(chunk, results.ToArray(), now), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        bool write;
        lock (_gate)
        {
            _waiting.Add(pending);
            write = !_writing;
            _writing = true;
        }

        if (write)
        {
            _ = WriteWaitingAsync();
        }

        await pending.Written.Task.WaitAsync(cancellationToken);
    }

    // Writes what waits, then what came meanwhile, until nothing waits. Runs on its own (not in a caller's cancellation): the
    // outcomes it writes are true whoever stopped waiting for them.
    private async Task WriteWaitingAsync()
    {
        await Task.Yield();
        while (true)
        {
            List<Pending> batches;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _writing = false;
                    return;
                }

                batches = _waiting;
                _waiting = [];
            }

            try
            {
                await deliveries.RecordAsync(batches.Select(b => b.Batch).ToList(), CancellationToken.None);
                foreach (var batch in batches)
                {
                    batch.Written.TrySetResult();
                }
            }
            catch (Exception ex)
            {
                foreach (var batch in batches)
                {
                    batch.Written.TrySetException(ex);
                }
            }
        }
    }

    private sealed record Pending(ChunkResults Batch, TaskCompletionSource Written);
}
