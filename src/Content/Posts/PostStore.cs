using System.Text.Json;
using Dapper;
using Npgsql;
using Outreach.Content.Broadcasts;
using Outreach.Content.Text;

namespace Outreach.Content.Posts;

/// <summary>Reads and writes posts; every status change is conditional on the status it leaves and is audited.</summary>
public sealed class PostStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const string Columns =
        "id, org_unit_id, title, body, link_url, topic, is_promotional, audience, destinations, image_id, status, " +
        "schedule_kind, send_at, cron, created_by, edited_by AS editedby, approved_by, created_at, updated_at";

    // The scope's posts: those of the unit @scopeUnitId and the units below it (one range scan on the units' paths).
    private const string InScope = "u.path LIKE (SELECT path FROM org_units WHERE id = @scopeUnitId) || '%'";

    public async Task<Post> CreateAsync(Post draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var post = await connection.QuerySingleAsync<Post>(new CommandDefinition(
            $"""
            INSERT INTO posts (org_unit_id, title, body, link_url, topic, is_promotional, audience, destinations, image_id, created_by, edited_by, created_at, updated_at)
            VALUES (@OrgUnitId, @Title, @Body, @LinkUrl, @Topic, @IsPromotional, @audience::jsonb, @Destinations, @ImageId, @CreatedBy, ARRAY[@CreatedBy], @now, @now)
            RETURNING {Columns}
            """,
            new { draft.OrgUnitId, draft.Title, draft.Body, draft.LinkUrl, draft.Topic, draft.IsPromotional, audience = Json(draft.Audience),
                  draft.Destinations, draft.ImageId, draft.CreatedBy, now },
            transaction,
            cancellationToken: cancellationToken));
        await AuditAsync(transaction, post.Id, null, PostStatuses.Draft, draft.CreatedBy, null, now, cancellationToken);
        await RecordEditAsync(transaction, post.Id, draft.CreatedBy, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return post;
    }

    /// <summary>
    /// Replaces the content and audience of a draft, keeps the new version with its editor (post_edits) and adds her to the
    /// post's editors (none of whom may approve it). Returns false when the post is no longer a draft.
    /// </summary>
    public Task<bool> UpdateDraftAsync(Post post, long editorId, CancellationToken cancellationToken) =>
        UpdateAsync(post, editorId, PostStatuses.Draft, cancellationToken);

    /// <summary>
    /// Replaces the content and audience of a post in <paramref name="from"/> (draft, submitted, approved or scheduled), as
    /// <see cref="UpdateDraftAsync"/>; an approved or scheduled post goes back to "submitted" for its change to be approved (its
    /// schedule is kept, audited with <paramref name="note"/>). Returns false when the post is no longer in <paramref name="from"/>.
    /// </summary>
    public async Task<bool> UpdateAsync(Post post, long editorId, string from, CancellationToken cancellationToken, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(post);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var to = from is PostStatuses.Approved or PostStatuses.Scheduled ? PostStatuses.Submitted : from;
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE posts SET title = @Title, body = @Body, link_url = @LinkUrl, topic = @Topic, is_promotional = @IsPromotional,
                   audience = @audience::jsonb, destinations = @Destinations, image_id = @ImageId, updated_at = @now, status = @to,
                   approved_by = CASE WHEN @to = @from THEN approved_by END,
                   edited_by = CASE WHEN @editorId = ANY(edited_by) THEN edited_by ELSE array_append(edited_by, @editorId) END
            WHERE id = @Id AND status = @from
            """,
            new { post.Id, post.Title, post.Body, post.LinkUrl, post.Topic, post.IsPromotional, audience = Json(post.Audience), post.Destinations, post.ImageId, now, editorId, from, to },
            transaction,
            cancellationToken: cancellationToken));
        if (changed != 1)
        {
            return false;
        }

        if (to != from)
        {
            await AuditAsync(transaction, post.Id, from, to, editorId, note, now, cancellationToken);
        }

        await RecordEditAsync(transaction, post.Id, editorId, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Every version of the post's content, oldest first, with its editor.</summary>
    public async Task<IReadOnlyList<PostEdit>> EditsAsync(long postId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PostEdit>(new CommandDefinition(
            "SELECT id, post_id AS postid, editor_id AS editorid, at, title, body FROM post_edits WHERE post_id = @postId ORDER BY id",
            new { postId },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    // The version just written, copied from the row itself in the same transaction.
    private static async Task RecordEditAsync(NpgsqlTransaction transaction, long postId, long editorId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO post_edits (post_id, editor_id, at, title, body, link_url, topic, is_promotional, audience, destinations, image_id)
            SELECT id, @editorId, @at, title, body, link_url, topic, is_promotional, audience, destinations, image_id FROM posts WHERE id = @postId
            """,
            new { postId, editorId, at },
            transaction,
            cancellationToken: cancellationToken));

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
            WHERE {InScope} AND (@status::text IS NULL OR p.status = @status)
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
                   schedule_kind = COALESCE(@kind, schedule_kind),
                   send_at = CASE WHEN @kind IS NULL THEN send_at ELSE @sendAt END,
                   cron = CASE WHEN @kind IS NULL THEN cron ELSE @cron END
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

    /// <summary>
    /// Posts sent once that are still "sending" though their sending has finished (a host died between the sending's last write
    /// and the post's): each takes its sending's outcome, as it would have. Returns how many.
    /// </summary>
    public async Task<int> FinishStrandedAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<(long Id, string Outcome)> stranded;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            stranded = (await connection.QueryAsync<(long, string)>(new CommandDefinition(
                """
                SELECT p.id, b.status FROM posts p JOIN broadcasts b ON b.post_id = p.id
                WHERE p.status = 'sending' AND p.schedule_kind = 'once' AND b.status IN ('completed', 'partial', 'failed')
                """,
                cancellationToken: cancellationToken))).ToList();
        }

        var finished = 0;
        foreach (var (id, outcome) in stranded)
        {
            finished += await TransitionAsync(id, PostStatuses.Sending, SendingOutcome.PostStatus(outcome), null, null, null, cancellationToken) ? 1 : 0;
        }

        return finished;
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

    /// <summary>Posts of the scope with a schedule that may fall between <paramref name="fromUtc"/> and <paramref name="toUtc"/> (the calendar).</summary>
    public async Task<IReadOnlyList<Post>> ListScheduledAsync(long scopeUnitId, DateTimeOffset fromUtc, DateTimeOffset toUtc,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Post>(new CommandDefinition(
            $"""
            SELECT p.{Columns.Replace(", ", ", p.", StringComparison.Ordinal)} FROM posts p JOIN org_units u ON u.id = p.org_unit_id
            WHERE {InScope} AND p.schedule_kind IS NOT NULL
              AND ((p.schedule_kind = 'once' AND p.send_at >= @fromUtc AND p.send_at < @toUtc)
                OR (p.schedule_kind = 'recurring' AND p.status IN ('scheduled', 'sending')))
            ORDER BY p.send_at NULLS LAST, p.id
            LIMIT 500
            """,
            new { scopeUnitId, fromUtc, toUtc },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>How many posts of the scope are in each status.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountByStatusAsync(long scopeUnitId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Status, int Count)>(new CommandDefinition(
            $"SELECT p.status, count(*)::int FROM posts p JOIN org_units u ON u.id = p.org_unit_id WHERE {InScope} GROUP BY p.status",
            new { scopeUnitId },
            cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Status, r => r.Count, StringComparer.Ordinal);
    }

    /// <summary>The topics posts are written on (and members subscribe to), by name.</summary>
    public async Task<IReadOnlyList<PostTopic>> ListTopicsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PostTopic>(new CommandDefinition(
            "SELECT code, name_vi AS name FROM topics", cancellationToken: cancellationToken));
        return rows.OrderBy(t => t.Name, VietnameseOrder.Names).ThenBy(t => t.Code, StringComparer.Ordinal).ToList();
    }

    public async Task<bool> TopicExistsAsync(string topic, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM topics WHERE code = @topic)", new { topic }, cancellationToken: cancellationToken));
    }

    private static string Json(Audience audience) => JsonSerializer.Serialize(audience, Audience.Json);

    private static async Task AuditAsync(
        NpgsqlTransaction transaction, long postId, string? from, string to, long? actorId, string? note, DateTimeOffset at,
        CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "INSERT INTO post_transitions (post_id, from_status, to_status, actor_id, note, at) VALUES (@postId, @from, @to, @actorId, @note, @at)",
            new { postId, from, to, actorId, note, at },
            transaction,
            cancellationToken: cancellationToken));
}

/// <summary>One version of a post's content and who wrote it (the four-eyes audit).</summary>
public sealed record PostEdit(long Id, long PostId, long EditorId, DateTimeOffset At, string Title, string Body);

/// <summary>A topic posts are written on: its code and its Vietnamese name.</summary>
public sealed record PostTopic(string Code, string Name);

/// <summary>When a post goes out: once at <see cref="SendAt"/>, or on a cron schedule read in Asia/Ho_Chi_Minh.</summary>
public sealed record PostSchedule(string Kind, DateTimeOffset? SendAt, string? Cron)
{
    public const string Once = "once";
    public const string Recurring = "recurring";
}
