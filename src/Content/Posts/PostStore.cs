using Dapper;
using Npgsql;

namespace Outreach.Content.Posts;

/// <summary>Reads and writes posts; every status change is conditional on the status it leaves and is audited.</summary>
public sealed class PostStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const string Columns =
        "id, org_unit_id, title, body, link_url, topic, is_promotional, audience_channels, audience_units, status, " +
        "schedule_kind, send_at, cron, created_by, approved_by, created_at, updated_at";

    public async Task<Post> CreateAsync(Post draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var post = await connection.QuerySingleAsync<Post>(new CommandDefinition(
            $"""
            INSERT INTO posts (org_unit_id, title, body, link_url, topic, is_promotional, audience_channels, audience_units, created_by,
                               created_at, updated_at)
            VALUES (@OrgUnitId, @Title, @Body, @LinkUrl, @Topic, @IsPromotional, @AudienceChannels, @AudienceUnits, @CreatedBy, @now, @now)
            RETURNING {Columns}
            """,
            new { draft.OrgUnitId, draft.Title, draft.Body, draft.LinkUrl, draft.Topic, draft.IsPromotional, draft.AudienceChannels,
                  draft.AudienceUnits, draft.CreatedBy, now },
            transaction,
            cancellationToken: cancellationToken));
        await AuditAsync(transaction, post.Id, null, PostStatuses.Draft, draft.CreatedBy, null, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return post;
    }

    /// <summary>Replaces the content and audience of a draft. Returns false when the post is no longer a draft.</summary>
    public async Task<bool> UpdateDraftAsync(Post post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE posts SET title = @Title, body = @Body, link_url = @LinkUrl, topic = @Topic, is_promotional = @IsPromotional,
                   audience_channels = @AudienceChannels, audience_units = @AudienceUnits, updated_at = @now
            WHERE id = @Id AND status = 'draft'
            """,
            new { post.Id, post.Title, post.Body, post.LinkUrl, post.Topic, post.IsPromotional, post.AudienceChannels, post.AudienceUnits,
                  now = time.GetUtcNow() },
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task<Post?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Post>(new CommandDefinition(
            $"SELECT {Columns} FROM posts WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Posts of <paramref name="scopeUnitId"/> and the units below it, newest first, optionally of one status.</summary>
    public async Task<IReadOnlyList<Post>> ListAsync(long scopeUnitId, string? status, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Post>(new CommandDefinition(
            $"""
            SELECT p.{Columns.Replace(", ", ", p.", StringComparison.Ordinal)} FROM posts p JOIN org_units u ON u.id = p.org_unit_id
            WHERE u.path LIKE (SELECT path FROM org_units WHERE id = @scopeUnitId) || '%' AND (@status::text IS NULL OR p.status = @status)
            ORDER BY p.id DESC LIMIT @limit
            """,
            new { scopeUnitId, status, limit },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// Moves the post from <paramref name="from"/> to <paramref name="to"/> (and applies <paramref name="schedule"/> or the
    /// approver), recording who and when. Returns false when the post was not in <paramref name="from"/> any more.
    /// </summary>
    public async Task<bool> TransitionAsync(
        long id, string from, string to, long? actorId, string? note, PostSchedule? schedule, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE posts SET status = @to, updated_at = @now,
                   approved_by = CASE WHEN @to = 'approved' THEN @actorId WHEN @to = 'draft' THEN NULL ELSE approved_by END,
                   schedule_kind = COALESCE(@kind, schedule_kind), send_at = COALESCE(@sendAt, send_at), cron = COALESCE(@cron, cron)
            WHERE id = @id AND status = @from
            """,
            new { id, from, to, actorId, now, kind = schedule?.Kind, sendAt = schedule?.SendAt, cron = schedule?.Cron },
            transaction,
            cancellationToken: cancellationToken));
        if (changed == 0)
        {
            return false;
        }

        await AuditAsync(transaction, id, from, to, actorId, note, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<PostTransition>> TransitionsAsync(long postId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PostTransition>(new CommandDefinition(
            """
            SELECT id, post_id AS postid, from_status AS fromstatus, to_status AS tostatus, actor_id AS actorid, note, at
            FROM post_transitions WHERE post_id = @postId ORDER BY id
            """,
            new { postId },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task<bool> TopicExistsAsync(string topic, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM topics WHERE code = @topic)", new { topic }, cancellationToken: cancellationToken));
    }

    private static async Task AuditAsync(
        NpgsqlTransaction transaction, long postId, string? from, string to, long? actorId, string? note, DateTimeOffset at,
        CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "INSERT INTO post_transitions (post_id, from_status, to_status, actor_id, note, at) VALUES (@postId, @from, @to, @actorId, @note, @at)",
            new { postId, from, to, actorId, note, at },
            transaction,
            cancellationToken: cancellationToken));
}

/// <summary>When a post goes out: once at <see cref="SendAt"/>, or on a cron schedule read in Asia/Ho_Chi_Minh.</summary>
public sealed record PostSchedule(string Kind, DateTimeOffset? SendAt, string? Cron)
{
    public const string Once = "once";
    public const string Recurring = "recurring";
}
