using Dapper;
using Npgsql;

namespace Outreach.Content.Stats;

/// <summary>
/// What the platforms report for posts published on them (a Page post, a Zalo article: linked by the gateway when it published
/// them, or by staff), beside the reach of the same post's messages: lượt xem (views), người xem (unique viewers, where the
/// platform gives them: Facebook does, Zalo does not) and shares. The platforms' figures are lifetime values read by the
/// insights job; they are never added to the message figures (a member may both read the message and see the Page post).
/// </summary>
public sealed class PlatformReachStore(NpgsqlDataSource dataSource)
{
    /// <summary>The metrics read as views and unique viewers (Facebook's defaults in Outreach:Insights, Zalo's total_view).</summary>
    public static readonly string[] ViewMetrics = ["post_media_view", "total_view"];

    public static readonly string[] ViewerMetrics = ["post_total_media_view_unique"];

    private const string PlatformRows =
        """
        SELECT l.post_id AS postid, p.title, p.topic, l.platform, l.external_id AS externalid,
               COALESCE(pub.published_at, l.linked_at) AS publishedat, m.views, m.viewers, m.shares, m.fetched_at AS fetchedat
        FROM post_platform_links l
        JOIN posts p ON p.id = l.post_id
        JOIN org_units u ON u.id = p.org_unit_id
        LEFT JOIN LATERAL (
            SELECT min(pp.published_at) AS published_at FROM post_publications pp
            WHERE pp.post_id = l.post_id AND pp.external_id = l.external_id AND pp.status = 'published') pub ON true
        LEFT JOIN LATERAL (
            SELECT max(i.value) FILTER (WHERE i.metric = ANY (@viewMetrics)) AS views,
                   max(i.value) FILTER (WHERE i.metric = ANY (@viewerMetrics)) AS viewers,
                   max(i.value) FILTER (WHERE i.metric = 'total_share') AS shares,
                   max(i.fetched_at) AS fetched_at
            FROM post_insights i WHERE i.post_id = l.post_id AND i.platform = l.platform) m ON true
        """;

    /// <summary>The platform copies of the unit's posts (with everything below it) published in the period (Vietnamese days), newest first.</summary>
    public async Task<IReadOnlyList<PlatformPostReach>> ForUnitAsync(long unitId, DateOnly startsOn, DateOnly endsOn, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PlatformPostReach>(new CommandDefinition(
            PlatformRows + """

            WHERE u.path LIKE (SELECT path FROM org_units WHERE id = @unitId) || '%'
              AND (COALESCE(pub.published_at, l.linked_at) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN @startsOn AND @endsOn
            ORDER BY publishedat DESC, l.post_id DESC, l.platform
            LIMIT 200
            """,
            new { unitId, startsOn, endsOn, viewMetrics = ViewMetrics, viewerMetrics = ViewerMetrics },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>The views of the unit's posts (with everything below it) on the platforms, for those published in the period.</summary>
    public async Task<long> ViewsAsync(long unitId, DateOnly startsOn, DateOnly endsOn, string? topic, CancellationToken cancellationToken) =>
        (await ForUnitAsync(unitId, startsOn, endsOn, cancellationToken)).Where(r => topic is null || r.Topic == topic).Sum(r => r.Views ?? 0);

    /// <summary>One post: its platform copies and its messages' reach (deliveries sent, delivered, read over all its sendings).</summary>
    public async Task<PostReach> ForPostAsync(long postId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var platforms = await connection.QueryAsync<PlatformPostReach>(new CommandDefinition(
            PlatformRows + "\nWHERE l.post_id = @postId ORDER BY l.platform",
            new { postId, viewMetrics = ViewMetrics, viewerMetrics = ViewerMetrics },
            cancellationToken: cancellationToken));
        var messages = await connection.QuerySingleAsync<(long Sent, long Delivered, long Read)>(new CommandDefinition(
            """
            SELECT count(*) FILTER (WHERE d.sent_at IS NOT NULL), count(*) FILTER (WHERE d.status IN ('delivered', 'read')),
                   count(*) FILTER (WHERE d.status = 'read')
            FROM deliveries d JOIN broadcasts b ON b.id = d.broadcast_id WHERE b.post_id = @postId
            """,
            new { postId },
            cancellationToken: cancellationToken));
        return new PostReach(platforms.AsList(), messages.Sent, messages.Delivered, messages.Read);
    }
}

/// <summary>A post's copy on a platform and what the platform last reported for it (null: not read yet, or not given).</summary>
public sealed record PlatformPostReach(
    long PostId, string Title, string? Topic, string Platform, string ExternalId, DateTimeOffset PublishedAt, long? Views, long? Viewers, long? Shares, DateTimeOffset? FetchedAt)
{
    /// <summary>What staff read for the platform.</summary>
    public string PlatformName => Platform switch
    {
        PostPlatforms.Facebook => "Trang Facebook",
        PostPlatforms.Zalo => "Zalo OA",
        _ => Platform,
    };
}

/// <summary>A post's reach: its platform copies beside its messages (members who got and read them).</summary>
public sealed record PostReach(IReadOnlyList<PlatformPostReach> Platforms, long MessagesSent, long MessagesDelivered, long MessagesRead);
