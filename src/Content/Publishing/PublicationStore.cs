using Dapper;
using Npgsql;

namespace Outreach.Content.Publishing;

/// <summary>
/// The publications of posts on platforms. Every change is conditional on the status (and attempt key) it leaves, so two
/// workers never both publish a row, and an attempt's outcome is written only by the attempt that claimed it.
/// </summary>
public sealed partial class PublicationStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>The occurrence's rows of <paramref name="destination"/>, one per account, created when missing; oldest first.</summary>
    public async Task<IReadOnlyList<PostPublication>> EnsureAsync(
        long postId, DateTimeOffset occurrenceAt, string destination, string channel, IReadOnlyList<string> accountIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO post_publications (post_id, occurrence_at, destination, channel, account_id, created_at, updated_at)
            SELECT @postId, @occurrenceAt, @destination, @channel, a, @now, @now FROM unnest(@accountIds) AS a
            ON CONFLICT (post_id, occurrence_at, destination, channel, account_id) DO NOTHING
            """,
            new { postId, occurrenceAt, destination, channel, accountIds = accountIds.ToArray(), now = time.GetUtcNow() },
            cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<PostPublication>(new CommandDefinition(
            $"""
            SELECT {PostPublication.Columns} FROM post_publications
            WHERE post_id = @postId AND occurrence_at = @occurrenceAt AND destination = @destination ORDER BY id
            """,
            new { postId, occurrenceAt, destination },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Records an occurrence that could not publish at all (no Page for the unit), as one failed row with the reason.</summary>
    public async Task RecordNothingToPublishAsync(
        long postId, DateTimeOffset occurrenceAt, string destination, string channel, string errorCode, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO post_publications (post_id, occurrence_at, destination, channel, account_id, status, error_code, reason, created_at, updated_at)
            VALUES (@postId, @occurrenceAt, @destination, @channel, '', 'failed', @errorCode, @reason, @now, @now)
            ON CONFLICT (post_id, occurrence_at, destination, channel, account_id) DO NOTHING
            """,
            new { postId, occurrenceAt, destination, channel, errorCode, reason, now = time.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Claims a pending row whose retry time has come for a new attempt under <paramref name="attemptKey"/> (committed before
    /// the platform is called). Null when another worker has it or it is no longer pending.
    /// </summary>
    public Task<PostPublication?> ClaimAsync(long id, Guid attemptKey, CancellationToken cancellationToken) =>
        SingleAsync(
            $"""
            UPDATE post_publications SET status = 'publishing', attempt_key = @attemptKey, attempts = attempts + 1, started_at = @now,
                   retry_at = NULL, updated_at = @now
            WHERE id = @id AND status = 'pending' AND (retry_at IS NULL OR retry_at <= @now)
            RETURNING {PostPublication.Columns}
            """,
            new { id, attemptKey, now = time.GetUtcNow() },
            cancellationToken);

    /// <summary>
    /// Replaces an attempt whose outcome nobody recorded (its host died, or its call went unanswered) and that the platform
    /// shows no trace of, by a new one. Null when someone else took it over first.
    /// </summary>
    public Task<PostPublication?> TakeOverAsync(long id, Guid staleKey, Guid attemptKey, CancellationToken cancellationToken) =>
        SingleAsync(
            $"""
            UPDATE post_publications SET attempt_key = @attemptKey, attempts = attempts + 1, started_at = @now, updated_at = @now
            WHERE id = @id AND status = 'publishing' AND attempt_key = @staleKey
            RETURNING {PostPublication.Columns}
            """,
            new { id, staleKey, attemptKey, now = time.GetUtcNow() },
            cancellationToken);

    /// <summary>
    /// The attempt published <paramref name="externalId"/>: recorded, and the post linked to it for insights (a link staff made
    /// by hand stays), in one transaction. False when the attempt is no longer the row's.
    /// </summary>
    public async Task<bool> RecordPublishedAsync(
        long id, Guid attemptKey, string externalId, string platform, CancellationToken cancellationToken, string? broadcastId = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var postId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            UPDATE post_publications SET status = 'published', external_id = @externalId, published_at = @now, error_code = NULL, reason = NULL,
                   broadcast_id = COALESCE(@broadcastId, broadcast_id), updated_at = @now
            WHERE id = @id AND status = 'publishing' AND attempt_key = @attemptKey
            RETURNING post_id
            """,
            new { id, attemptKey, externalId, now, broadcastId },
            transaction,
            cancellationToken: cancellationToken));
        if (postId is null)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO post_platform_links (post_id, platform, external_id, linked_by, linked_at) VALUES (@postId, @platform, @externalId, NULL, @now)
            ON CONFLICT (post_id, platform) DO NOTHING
            """,
            new { postId, platform, externalId, now },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The attempt failed: stopped for good with <paramref name="reason"/>, or (with <paramref name="retryAt"/>) pending again
    /// until then, the reason shown meanwhile. False when the attempt is no longer the row's.
    /// </summary>
    public async Task<bool> RecordFailedAsync(
        long id, Guid attemptKey, string errorCode, string reason, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE post_publications SET status = CASE WHEN @retryAt::timestamptz IS NULL THEN 'failed' ELSE 'pending' END, retry_at = @retryAt,
                   error_code = @errorCode, reason = @reason, updated_at = @now
            WHERE id = @id AND status = 'publishing' AND attempt_key = @attemptKey
            """,
            new { id, attemptKey, errorCode, reason, retryAt, now = time.GetUtcNow() },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Notes on a row still "publishing" why its outcome is not known yet (its call went unanswered).</summary>
    public async Task NoteUncertainAsync(long id, Guid attemptKey, string errorCode, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE post_publications SET error_code = @errorCode, reason = @reason, updated_at = @now
            WHERE id = @id AND status = 'publishing' AND attempt_key = @attemptKey
            """,
            new { id, attemptKey, errorCode, reason, now = time.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    /// <summary>A cancelled post publishes nothing more: its rows not yet out are cancelled.</summary>
    public async Task CancelPendingAsync(long postId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE post_publications SET status = 'cancelled', updated_at = @now WHERE post_id = @postId AND status = 'pending'",
            new { postId, now = time.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    /// <summary>Every publication of a post, newest occurrence first.</summary>
    public async Task<IReadOnlyList<PostPublication>> ForPostAsync(long postId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PostPublication>(new CommandDefinition(
            $"SELECT {PostPublication.Columns} FROM post_publications WHERE post_id = @postId ORDER BY occurrence_at DESC, id",
            new { postId },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task<PostPublication?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PostPublication>(new CommandDefinition(
            $"SELECT {PostPublication.Columns} FROM post_publications WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>The active accounts of <paramref name="channel"/> that belong to the unit (the top unit also owns those without a unit).</summary>
    public async Task<IReadOnlyList<string>> AccountsOfUnitAsync(string channel, long unitId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT a.account_id FROM channel_accounts a
            WHERE a.channel = @channel AND a.is_active
              AND (a.org_unit_id = @unitId OR (a.org_unit_id IS NULL AND EXISTS (SELECT 1 FROM org_units u WHERE u.id = @unitId AND u.parent_id IS NULL)))
            ORDER BY a.id
            """,
            new { channel, unitId },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private async Task<PostPublication?> SingleAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PostPublication>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }
}
