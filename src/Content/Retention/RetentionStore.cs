using Dapper;
using Npgsql;

namespace Outreach.Content.Retention;

/// <summary>
/// Removes old message text, one batch per call, and keeps the rows. An inbox event keeps its channel, kind, member id,
/// times, status and attempts; its payload becomes <c>{}</c>. An outbox message keeps its recipient, purpose, status,
/// platform ids and times; its text, choices, buttons and image go. <c>purged_at</c> says when. Rows still being worked on
/// (pending, processing, sending) are never touched, and rows another transaction holds are skipped until the next run.
/// </summary>
public sealed class RetentionStore(NpgsqlDataSource dataSource)
{
    private const string InboxFinal = "e.status NOT IN ('pending', 'processing')";
    private const string OutboxFinal = "o.status NOT IN ('pending', 'sending')";

    private const string PurgeInbox =
        """
        UPDATE inbox_events e SET payload = '{}'::jsonb, last_error = NULL, purged_at = @at
        FROM picked p WHERE e.id = p.id
        """;

    private const string PurgeOutbox =
        """
        UPDATE outbound_messages o
        SET body = o.body - 'text' - 'quickReplies' - 'buttons' - 'imageUrl', error_message = NULL, purged_at = @at
        FROM picked p WHERE o.id = p.id
        """;

    // A crisis conversation: the event that raised an alert, and both ways while the member's crisis handoff was open.
    private const string CrisisSpans =
        """
        SELECT c.channel, c.account_id, c.platform_user_id, h.requested_at AS from_at, coalesce(h.closed_at, 'infinity') AS until_at
        FROM handoffs h JOIN contacts c ON c.id = h.contact_id
        WHERE h.reason = 'crisis' AND h.requested_at < @before
        """;

    /// <summary>
    /// Purges members' messages received before <paramref name="before"/>; returns how many (at most <paramref name="batchSize"/>).
    /// </summary>
    public Task<int> PurgeInboxAsync(DateTimeOffset before, DateTimeOffset at, int batchSize, CancellationToken cancellationToken) =>
        ExecuteAsync(
            $"""
            WITH picked AS (
                SELECT e.id FROM inbox_events e
                WHERE e.purged_at IS NULL AND e.received_at < @before AND {InboxFinal}
                ORDER BY e.received_at
                LIMIT @batchSize
                FOR UPDATE SKIP LOCKED)
            {PurgeInbox}
            """,
            before, at, batchSize, cancellationToken);

    /// <summary>Purges our messages created before <paramref name="before"/>.</summary>
    public Task<int> PurgeOutboxAsync(DateTimeOffset before, DateTimeOffset at, int batchSize, CancellationToken cancellationToken) =>
        ExecuteAsync(
            $"""
            WITH picked AS (
                SELECT o.id FROM outbound_messages o
                WHERE o.purged_at IS NULL AND o.created_at < @before AND {OutboxFinal}
                ORDER BY o.created_at
                LIMIT @batchSize
                FOR UPDATE SKIP LOCKED)
            {PurgeOutbox}
            """,
            before, at, batchSize, cancellationToken);

    /// <summary>Purges the members' side of crisis conversations from before <paramref name="before"/>.</summary>
    public Task<int> PurgeCrisisInboxAsync(DateTimeOffset before, DateTimeOffset at, int batchSize, CancellationToken cancellationToken) =>
        ExecuteAsync(
            $"""
            WITH spans AS ({CrisisSpans}),
            candidates AS (
                SELECT a.inbox_event_id AS id FROM crisis_alerts a WHERE a.inbox_event_id IS NOT NULL AND a.created_at < @before
                UNION
                SELECT e.id FROM spans s JOIN inbox_events e
                  ON e.channel = s.channel AND e.account_id = s.account_id AND e.sender_id = s.platform_user_id
                 AND e.received_at >= s.from_at AND e.received_at < s.until_at
                WHERE e.received_at < @before AND e.purged_at IS NULL
            ), picked AS (
                SELECT e.id FROM inbox_events e JOIN candidates c ON c.id = e.id
                WHERE e.purged_at IS NULL AND e.received_at < @before AND {InboxFinal}
                LIMIT @batchSize
                FOR UPDATE OF e SKIP LOCKED)
            {PurgeInbox}
            """,
            before, at, batchSize, cancellationToken);

    /// <summary>Purges our side of crisis conversations from before <paramref name="before"/> (the hotline replies included).</summary>
    public Task<int> PurgeCrisisOutboxAsync(DateTimeOffset before, DateTimeOffset at, int batchSize, CancellationToken cancellationToken) =>
        ExecuteAsync(
            $"""
            WITH spans AS ({CrisisSpans}),
            candidates AS (
                SELECT o.id FROM crisis_alerts a JOIN outbound_messages o ON o.inbox_event_id = a.inbox_event_id
                WHERE a.created_at < @before AND o.purged_at IS NULL
                UNION
                SELECT o.id FROM spans s JOIN outbound_messages o
                  ON o.channel = s.channel AND o.account_id = s.account_id AND o.recipient_id = s.platform_user_id
                 AND o.created_at >= s.from_at AND o.created_at < s.until_at
                WHERE o.created_at < @before AND o.purged_at IS NULL
            ), picked AS (
                SELECT o.id FROM outbound_messages o JOIN candidates c ON c.id = o.id
                WHERE o.purged_at IS NULL AND o.created_at < @before AND {OutboxFinal}
                LIMIT @batchSize
                FOR UPDATE OF o SKIP LOCKED)
            {PurgeOutbox}
            """,
            before, at, batchSize, cancellationToken);

    /// <summary>Purges the text of members' questions (the unanswered queue) asked before <paramref name="before"/>.</summary>
    public Task<int> PurgeQuestionsAsync(DateTimeOffset before, DateTimeOffset at, int batchSize, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            WITH picked AS (
                SELECT q.id FROM member_questions q
                WHERE q.text IS NOT NULL AND q.asked_at < @before
                ORDER BY q.asked_at
                LIMIT @batchSize
                FOR UPDATE SKIP LOCKED)
            UPDATE member_questions q SET text = NULL, wording = NULL, purged_at = @at
            FROM picked p WHERE q.id = p.id
            """,
            before, at, batchSize, cancellationToken);

    private async Task<int> ExecuteAsync(
        string sql, DateTimeOffset before, DateTimeOffset at, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            sql, new { before, at, batchSize }, commandTimeout: 300, cancellationToken: cancellationToken));
    }
}
