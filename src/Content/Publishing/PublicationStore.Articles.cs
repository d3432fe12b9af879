using Dapper;

namespace Outreach.Content.Publishing;

/// <summary>
/// The steps of a Zalo article broadcast on its row: the article's token after create, its id once Zalo approved it (or the
/// refusal), then the broadcast (<see cref="PublicationStore.ClaimAsync"/> and <see cref="PublicationStore.RecordPublishedAsync"/>
/// as for a Page post). Each step is stored before the next, so a crash resumes from the stored token or id.
/// </summary>
public sealed partial class PublicationStore
{
    /// <summary>The create attempt answered a token: the row waits for Zalo's moderation, asked again at <paramref name="verifyAt"/>.</summary>
    public Task<bool> RecordArticleCreatedAsync(long id, Guid attemptKey, string token, DateTimeOffset verifyAt, CancellationToken cancellationToken) =>
        ExecuteOneAsync(
            """
            UPDATE post_publications SET status = 'pending', article_token = @token, moderation = 'waiting', moderation_at = @now,
                   retry_at = @verifyAt, error_code = NULL, reason = NULL, updated_at = @now
            WHERE id = @id AND status = 'publishing' AND attempt_key = @attemptKey AND article_id IS NULL
            """,
            new { id, attemptKey, token, verifyAt, now = time.GetUtcNow() },
            cancellationToken);

    /// <summary>
    /// The article's id is known (verify answered it, or a lost create was found in the OA's articles): approved, ready to
    /// broadcast. From "pending" (verify) or from the create attempt <paramref name="attemptKey"/> (a look-up).
    /// </summary>
    public Task<bool> RecordArticleApprovedAsync(long id, string articleId, Guid? attemptKey, CancellationToken cancellationToken) =>
        ExecuteOneAsync(
            """
            UPDATE post_publications SET status = 'pending', article_id = @articleId, moderation = 'approved', moderation_at = @now,
                   retry_at = NULL, error_code = NULL, reason = NULL, updated_at = @now
            WHERE id = @id AND article_id IS NULL
              AND ((status = 'pending' AND @attemptKey::uuid IS NULL) OR (status = 'publishing' AND attempt_key = @attemptKey))
            """,
            new { id, articleId, attemptKey, now = time.GetUtcNow() },
            cancellationToken);

    /// <summary>Zalo's moderation refused the article: the row stops with the reason (Vietnamese) on the post's page.</summary>
    public Task<bool> RecordArticleRejectedAsync(long id, string errorCode, string reason, CancellationToken cancellationToken) =>
        ExecuteOneAsync(
            """
            UPDATE post_publications SET status = 'failed', moderation = 'rejected', moderation_reason = @reason, moderation_at = @now,
                   retry_at = NULL, error_code = @errorCode, reason = @reason, updated_at = @now
            WHERE id = @id AND status = 'pending'
            """,
            new { id, errorCode, reason, now = time.GetUtcNow() },
            cancellationToken);

    /// <summary>A pending row is looked at again at <paramref name="retryAt"/>; <paramref name="reason"/> (or none) is what staff read meanwhile.</summary>
    public Task<bool> DeferAsync(long id, DateTimeOffset retryAt, string? errorCode, string? reason, CancellationToken cancellationToken) =>
        ExecuteOneAsync(
            """
            UPDATE post_publications SET retry_at = @retryAt, error_code = @errorCode, reason = @reason, updated_at = @now
            WHERE id = @id AND status = 'pending'
            """,
            new { id, retryAt, errorCode, reason, now = time.GetUtcNow() },
            cancellationToken);

    /// <summary>A pending row stops for good, with the reason (a refusal outside any attempt: a limit, moderation taking too long).</summary>
    public Task<bool> FailPendingAsync(long id, string errorCode, string reason, CancellationToken cancellationToken) =>
        ExecuteOneAsync(
            """
            UPDATE post_publications SET status = 'failed', retry_at = NULL, error_code = @errorCode, reason = @reason, updated_at = @now
            WHERE id = @id AND status = 'pending'
            """,
            new { id, errorCode, reason, now = time.GetUtcNow() },
            cancellationToken);

    /// <summary>Article broadcasts the OA sent (or has out) from <paramref name="from"/> on, other than row <paramref name="exceptId"/>.</summary>
    public async Task<int> CountArticleBroadcastsAsync(string accountId, DateTimeOffset from, long exceptId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            SELECT count(*) FROM post_publications
            WHERE destination = 'zalo_article' AND account_id = @accountId AND id <> @exceptId
              AND ((status = 'published' AND published_at >= @from) OR (status = 'publishing' AND article_id IS NOT NULL))
            """,
            new { accountId, from, exceptId },
            cancellationToken: cancellationToken));
    }

    private async Task<bool> ExecuteOneAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)) == 1;
    }
}
