using Dapper;
using Npgsql;

namespace Outreach.Content.Inbox;

/// <summary>The webhook inbox: durable, deduplicated by the platform's event id, processed in order per member.</summary>
public sealed class InboxStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const string Columns =
        "id, channel, platform_event_id AS platformeventid, kind, account_id AS accountid, sender_id AS senderid, " +
        "event_time AS eventtime, payload::text AS payload, attempts";

    /// <summary>
    /// Stores the events; ones already stored (a platform's retry) are skipped. Returns how many were new. Payloads pass
    /// through <see cref="JsonbText.Safe"/> first: jsonb refuses \u0000 and lone surrogates, and an authentic event must be stored.
    /// An urgent event raises its member's earlier pending events to its lane (stored ones and earlier ones of this batch),
    /// so it overtakes the backlog without overtaking her own messages.
    /// </summary>
    public async Task<int> AppendAsync(IReadOnlyList<InboxEventDraft> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return 0;
        }

        var priorities = events.Select(e => e.Priority).ToArray();
        for (var i = 0; i < events.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (SameMember(events[i], events[j]))
                {
                    priorities[j] = Math.Max(priorities[j], priorities[i]);
                }
            }
        }

        // The raise runs only with an urgent event: the ordinary ingest stays one plain insert (a join against the whole
        // table on every webhook would cost the ack path for nothing).
        const string Insert = """
            INSERT INTO inbox_events (channel, platform_event_id, kind, account_id, sender_id, event_time, payload, priority, received_at)
            SELECT *, @now FROM unnest(@channels, @ids, @kinds, @accounts, @senders, @times, @payloads::jsonb[], @priorities)
            ON CONFLICT (channel, platform_event_id) DO NOTHING
            """;
        const string InsertAndRaise = $"""
            WITH added AS (
                {Insert}
                RETURNING id, channel, account_id, sender_id, priority
            ), raised AS (
                UPDATE inbox_events e SET priority = a.priority
                FROM added a
                WHERE a.priority > 0 AND e.status = 'pending' AND e.id < a.id AND e.priority < a.priority AND e.channel = a.channel
                  AND e.account_id IS NOT DISTINCT FROM a.account_id AND e.sender_id = a.sender_id
            )
            SELECT count(*)::int FROM added
            """;
        var urgent = priorities.Any(p => p > InboxPriorities.Normal);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var command = new CommandDefinition(
            urgent ? InsertAndRaise : Insert,
            new
            {
                channels = events.Select(e => e.Channel).ToArray(),
                ids = events.Select(e => e.PlatformEventId).ToArray(),
                kinds = events.Select(e => e.Kind).ToArray(),
                accounts = events.Select(e => e.AccountId).ToArray(),
                senders = events.Select(e => e.SenderId).ToArray(),
                times = events.Select(e => e.EventTime).ToArray(),
                payloads = events.Select(e => JsonbText.Safe(e.Payload)).ToArray(),
                priorities,
                now = time.GetUtcNow(),
            },
            cancellationToken: cancellationToken);
        return urgent ? await connection.ExecuteScalarAsync<int>(command) : await connection.ExecuteAsync(command);
    }

    /// <summary>
    /// Locks the next event to process inside <paramref name="transaction"/>'s transaction, or returns null: urgent events
    /// first, then the oldest. An event is not taken while an earlier event of the same member is unprocessed (or being
    /// processed elsewhere): replies keep their order.
    /// </summary>
    public async Task<InboxEvent?> ClaimNextAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return await transaction.Connection!.QuerySingleOrDefaultAsync<InboxEvent>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM inbox_events e
            WHERE e.status = 'pending' AND (e.next_attempt_at IS NULL OR e.next_attempt_at <= @now)
              AND NOT EXISTS (
                  SELECT 1 FROM inbox_events p
                  WHERE p.status = 'pending' AND p.id < e.id AND p.channel = e.channel
                    AND p.account_id IS NOT DISTINCT FROM e.account_id AND p.sender_id = e.sender_id)
            ORDER BY e.priority DESC, e.id
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """,
            new { now = time.GetUtcNow() },
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Marks a claimed event processed ("done") or deliberately skipped ("ignored"), in the turn's transaction, whose commit
    /// then does not wait for the WAL flush (synchronous_commit off, set in the same round trip). That is safe: nothing of a
    /// turn leaves the database before a later durable commit — its replies are sent only after the send worker's claim
    /// (<see cref="Messages.OutboundMessageStore.ClaimNextAsync"/>) committed durably, and flushing that commit flushes the
    /// turn's, which precedes it in the WAL. A database crash before then loses the turn whole (its event is pending again and
    /// runs again; the webhook's event itself was stored durably at the ack). Bench "turns": one WAL flush fewer per turn.
    /// </summary>
    public async Task CompleteAsync(NpgsqlTransaction transaction, long id, string status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            SELECT set_config('synchronous_commit', 'off', true);
            UPDATE inbox_events SET status = @status, processed_at = @now, attempts = attempts + 1 WHERE id = @id
            """,
            new { id, status, now = time.GetUtcNow() },
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Records a failed attempt: retried at <paramref name="retryAt"/>, or given up ("failed") when it is null. The turn's
    /// rollback has released the row by now, so another worker may have claimed it since: the record applies only while the
    /// event is still pending with the attempts seen at <paramref name="claimed"/>'s claim (a finished event never flips back
    /// to pending, an attempt is never counted twice). Returns false when it no longer applied.
    /// </summary>
    public async Task<bool> RecordFailureAsync(InboxEvent claimed, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var id = claimed.Id;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return 1 == await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE inbox_events
            SET attempts = attempts + 1, last_error = @error, next_attempt_at = @retryAt,
                status = CASE WHEN @retryAt IS NULL THEN 'failed' ELSE 'pending' END,
                processed_at = CASE WHEN @retryAt IS NULL THEN @now ELSE processed_at END
            WHERE id = @id AND status = 'pending' AND attempts = @attempts
            """,
            new { id, error, retryAt, attempts = claimed.Attempts, now = time.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    private static bool SameMember(InboxEventDraft a, InboxEventDraft b) =>
        a.Channel == b.Channel && a.AccountId == b.AccountId && a.SenderId is not null && a.SenderId == b.SenderId;
}
