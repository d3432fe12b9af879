using Dapper;
using Npgsql;

namespace Outreach.Content.Messages;

/// <summary>
/// The outbox of conversational messages. A turn records its replies in its own transaction; the dispatcher sends them one
/// member at a time, in order. A message found "sending" after its lease (the host died mid-send) is sent again:
/// for replies we prefer a rare duplicate to a lost hotline answer.
/// </summary>
public sealed class OutboundMessageStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const string Columns =
        "id, channel, account_id AS accountid, recipient_id AS recipientid, contact_id AS contactid, inbox_event_id AS inboxeventid, " +
        "seq, purpose, body::text AS body, status, platform_message_ids AS platformmessageids, attempts, created_at AS createdat";

    /// <summary>Records a message; with a transaction, it becomes visible to the dispatcher only when the turn commits.</summary>
    public async Task<long> EnqueueAsync(NpgsqlTransaction? transaction, OutboundDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        const string sql = """
            INSERT INTO outbound_messages (channel, account_id, recipient_id, contact_id, inbox_event_id, seq, purpose, body, urgent, created_at)
            VALUES (@Channel, @AccountId, @RecipientId, @ContactId, @InboxEventId, @Seq, @Purpose, @Body::jsonb, @Urgent, @now)
            RETURNING id
            """;
        var args = new DynamicParameters(draft);
        args.Add("now", time.GetUtcNow());
        if (transaction is not null)
        {
            return await transaction.Connection!.ExecuteScalarAsync<long>(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken));
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
    }

    /// <summary>Records a message that was sent by other means (a broadcast to the web chat), so the conversation shows it.</summary>
    public async Task<long> RecordSentAsync(OutboundDraft draft, string platformMessageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var now = time.GetUtcNow();
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO outbound_messages (channel, account_id, recipient_id, seq, purpose, body, status, platform_message_ids, created_at, sent_at)
            VALUES (@Channel, @AccountId, @RecipientId, @Seq, @Purpose, @Body::jsonb, 'sent', ARRAY[@platformMessageId], @now, @now)
            RETURNING id
            """,
            new { draft.Channel, draft.AccountId, draft.RecipientId, draft.Seq, draft.Purpose, draft.Body, platformMessageId, now },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Takes the next message that is due and first in its member's queue, marks it "sending" with a lease, and returns it.
    /// An urgent message (a crisis reply) comes first and waits only behind her earlier urgent ones: a reply that is backing
    /// off, failing or stuck "sending" never holds the hotline answer back.
    /// </summary>
    public async Task<OutboundRow?> ClaimNextAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var now = time.GetUtcNow();
        return await connection.QuerySingleOrDefaultAsync<OutboundRow>(new CommandDefinition(
            $"""
            UPDATE outbound_messages SET status = 'sending', attempts = attempts + 1, next_attempt_at = @leaseEnd
            WHERE id = (
                SELECT m.id FROM outbound_messages m
                WHERE m.status = 'pending' AND (m.next_attempt_at IS NULL OR m.next_attempt_at <= @now)
                  AND NOT EXISTS (
                      SELECT 1 FROM outbound_messages p
                      WHERE p.status IN ('pending', 'sending') AND p.id < m.id AND p.channel = m.channel
                        AND p.account_id = m.account_id AND p.recipient_id = m.recipient_id AND (p.urgent OR NOT m.urgent))
                ORDER BY m.urgent DESC, m.id
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING {Columns}
            """,
            new { now, leaseEnd = now + lease },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Puts messages whose "sending" lease ran out (their host died mid-send, or the send never returned) back in the queue;
    /// one that has had <paramref name="maxAttempts"/> claims already fails ("lease_expired") instead. Returns how many.
    /// </summary>
    public async Task<int> ReleaseExpiredAsync(int maxAttempts, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE outbound_messages
            SET status = CASE WHEN attempts >= @maxAttempts THEN 'failed' ELSE 'pending' END,
                error_code = CASE WHEN attempts >= @maxAttempts THEN 'lease_expired' ELSE error_code END,
                next_attempt_at = CASE WHEN attempts >= @maxAttempts THEN NULL ELSE next_attempt_at END
            WHERE status = 'sending' AND next_attempt_at < @now
            """,
            new { maxAttempts, now = time.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    /// <summary>Records the platform's answer: sent (with its message ids) or failed for good.</summary>
    public async Task CompleteAsync(
        long id, bool sent, IReadOnlyList<string> platformMessageIds, string? errorCode, string? errorMessage, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE outbound_messages
            SET status = CASE WHEN @sent THEN 'sent' ELSE 'failed' END, platform_message_ids = @ids,
                sent_at = CASE WHEN @sent THEN @now END, error_code = @errorCode, error_message = @errorMessage, next_attempt_at = NULL
            WHERE id = @id
            """,
            new { id, sent, ids = platformMessageIds.ToArray(), errorCode, errorMessage, now = time.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    /// <summary>Puts a message back in the queue after a temporary failure.</summary>
    public async Task RetryAtAsync(long id, DateTimeOffset retryAt, string? errorCode, string? errorMessage, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE outbound_messages SET status = 'pending', next_attempt_at = @retryAt, error_code = @errorCode, error_message = @errorMessage
            WHERE id = @id
            """,
            new { id, retryAt, errorCode, errorMessage },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Applies a delivery or read receipt: the messages named by <paramref name="platformMessageIds"/>, plus (with a watermark)
    /// every message to that member sent at or before it. Status only moves forward, so a late "delivered" after "read" is a no-op.
    /// </summary>
    public async Task<int> ApplyReceiptAsync(
        NpgsqlTransaction? transaction, string channel, string accountId, string recipientId, string receipt,
        IReadOnlyList<string> platformMessageIds, DateTimeOffset? watermark, CancellationToken cancellationToken)
    {
        if (receipt is not (OutboundStatuses.Delivered or OutboundStatuses.Read))
        {
            throw new ArgumentOutOfRangeException(nameof(receipt), receipt, "A receipt is 'delivered' or 'read'.");
        }

        const string sql = """
            UPDATE outbound_messages
            SET status = CASE WHEN @receipt = 'read' OR status <> 'read' THEN @receipt ELSE status END,
                delivered_at = COALESCE(delivered_at, @at),
                read_at = CASE WHEN @receipt = 'read' THEN COALESCE(read_at, @at) ELSE read_at END
            WHERE channel = @channel AND account_id = @accountId AND recipient_id = @recipientId
              AND status IN ('sent', 'delivered', 'read')
              AND NOT (status = 'read' OR (status = 'delivered' AND @receipt = 'delivered'))
              AND (platform_message_ids && @ids OR (@watermark IS NOT NULL AND sent_at <= @watermark))
            """;
        var args = new { channel, accountId, recipientId, receipt, ids = platformMessageIds.ToArray(), watermark, at = time.GetUtcNow() };
        if (transaction is not null)
        {
            return await transaction.Connection!.ExecuteAsync(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken));
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
    }

    /// <summary>Messages to one member, oldest first, after <paramref name="afterId"/>.</summary>
    public async Task<IReadOnlyList<OutboundRow>> ListForRecipientAsync(
        string channel, string accountId, string recipientId, long afterId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<OutboundRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM outbound_messages
            WHERE channel = @channel AND account_id = @accountId AND recipient_id = @recipientId AND id > @afterId
            ORDER BY id
            """,
            new { channel, accountId, recipientId, afterId },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
