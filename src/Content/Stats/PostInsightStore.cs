using Dapper;
using Npgsql;

namespace Outreach.Content.Stats;

/// <summary>Posts linked to their published copy on a platform (a Facebook Page post, a Zalo article) and the metrics pulled for them.</summary>
public sealed class PostInsightStore(NpgsqlDataSource dataSource)
{
    /// <summary>Links (or re-links) a post to its published copy on <paramref name="platform"/>.</summary>
    public async Task LinkAsync(long postId, string platform, string externalId, long staffId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO post_platform_links (post_id, platform, external_id, linked_by, linked_at) VALUES (@postId, @platform, @externalId, @staffId, @at)
            ON CONFLICT (post_id, platform) DO UPDATE
            SET external_id = EXCLUDED.external_id, linked_by = EXCLUDED.linked_by, linked_at = EXCLUDED.linked_at, last_polled_at = NULL, last_error = NULL
            """,
            new { postId, platform, externalId, staffId, at },
            cancellationToken: cancellationToken));
    }

    /// <summary>The links to poll: linked within <paramref name="since"/>, one platform's at a time, oldest poll first.</summary>
    public async Task<IReadOnlyList<PlatformLink>> LinksToPollAsync(string platform, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PlatformLink>(new CommandDefinition(
            """
            SELECT post_id AS postid, platform, external_id AS externalid, last_polled_at AS lastpolledat, last_error AS lasterror
            FROM post_platform_links WHERE platform = @platform AND linked_at >= @since ORDER BY last_polled_at NULLS FIRST, post_id
            """,
            new { platform, since },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Stores what one poll got: the metrics (replacing earlier values) or the error, in one transaction.</summary>
    public async Task RecordAsync(
        long postId, string platform, IReadOnlyDictionary<string, long> metrics, string? error, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO post_insights (post_id, platform, metric, value, fetched_at)
            SELECT @postId, @platform, m.metric, m.value, @at FROM unnest(@names, @values) AS m(metric, value)
            ON CONFLICT (post_id, platform, metric) DO UPDATE SET value = EXCLUDED.value, fetched_at = EXCLUDED.fetched_at
            """,
            new { postId, platform, names = metrics.Keys.ToArray(), values = metrics.Values.ToArray(), at },
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE post_platform_links SET last_polled_at = @at, last_error = @error WHERE post_id = @postId AND platform = @platform",
            new { postId, platform, error, at },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A post's links and latest metrics.</summary>
    public async Task<(IReadOnlyList<PlatformLink> Links, IReadOnlyList<PostInsight> Metrics)> ForPostAsync(long postId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var links = await connection.QueryAsync<PlatformLink>(new CommandDefinition(
            """
            SELECT post_id AS postid, platform, external_id AS externalid, last_polled_at AS lastpolledat, last_error AS lasterror
            FROM post_platform_links WHERE post_id = @postId ORDER BY platform
            """,
            new { postId },
            cancellationToken: cancellationToken));
        var metrics = await connection.QueryAsync<PostInsight>(new CommandDefinition(
            "SELECT platform, metric, value, fetched_at AS fetchedat FROM post_insights WHERE post_id = @postId ORDER BY platform, metric",
            new { postId },
            cancellationToken: cancellationToken));
        return (links.AsList(), metrics.AsList());
    }
}

/// <summary>A post's published copy on a platform, and how its last poll went.</summary>
public sealed record PlatformLink(long PostId, string Platform, string ExternalId, DateTimeOffset? LastPolledAt, string? LastError);

/// <summary>The latest value of one platform metric of a post.</summary>
public sealed record PostInsight(string Platform, string Metric, long Value, DateTimeOffset FetchedAt);
