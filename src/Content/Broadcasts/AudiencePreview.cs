using Dapper;
using Npgsql;
using Outreach.Content.Posts;

namespace Outreach.Content.Broadcasts;

/// <summary>How many members of a post's audience could be reached now, and why the others could not, per org unit.</summary>
public sealed class AudiencePreview(NpgsqlDataSource dataSource, Eligibility eligibility)
{
    public async Task<IReadOnlyList<AudiencePreviewRow>> PreviewAsync(Post post, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        var parameters = new DynamicParameters();
        eligibility.AddParameters(parameters, now);
        post.Audience.AddParameters(parameters);
        parameters.AddDynamicParams(new { topic = post.Topic });
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AudiencePreviewRow>(new CommandDefinition(
            $"""
            SELECT c.org_unit_id AS orgunitid, u.name AS orgunitname, c.channel,
                   CASE WHEN NOT {AudienceSql.IsOptedIn} THEN '{SkipReasons.NotSubscribed}' ELSE {Eligibility.ReasonSql} END AS reason,
                   count(*)::int AS count
            {AudienceSql.From}
            {Eligibility.RulesJoin}
            {AudienceSql.SubscriptionJoin}
            WHERE {Audience.Sql}
            GROUP BY 1, 2, 3, 4
            ORDER BY 2, 3, 4 NULLS FIRST
            """,
            parameters,
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}

/// <summary>A group of the preview: a unit, a channel, and the reason they cannot be reached (null: reachable).</summary>
public sealed record AudiencePreviewRow(long OrgUnitId, string OrgUnitName, string Channel, string? Reason, int Count);
