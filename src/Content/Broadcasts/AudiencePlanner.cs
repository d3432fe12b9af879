using Dapper;
using Npgsql;
using Outreach.Content.Posts;

namespace Outreach.Content.Broadcasts;

/// <summary>
/// Plans a broadcast in two set-based statements: one delivery row per member of the audience (queued, or skipped with the
/// reason the platform rules give), then the chunks that workers claim. Nothing is held in memory per recipient.
/// </summary>
public sealed class AudiencePlanner(Eligibility eligibility)
{
    /// <summary>Writes the delivery rows and chunks in <paramref name="transaction"/>. Returns (queued, skipped).</summary>
    public async Task<(int Queued, int Skipped)> PlanAsync(
        NpgsqlTransaction transaction, long broadcastId, Post post, DateTimeOffset now, int chunkSize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(post);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        var parameters = new DynamicParameters();
        eligibility.AddParameters(parameters, now);
        post.Audience.AddParameters(parameters);
        parameters.AddDynamicParams(new { broadcastId, chunkSize, topic = post.Topic });

        var counts = await transaction.Connection!.QuerySingleAsync<(long Queued, long Skipped)>(new CommandDefinition(
            $"""
            WITH audience AS (
                SELECT c.id, c.channel, c.org_unit_id, {Eligibility.ReasonSql} AS reason
                {AudienceSql.From}
                {Eligibility.RulesJoin}
                WHERE {Audience.Sql}
                  AND {AudienceSql.IsOptedIn}
            ), inserted AS (
                INSERT INTO deliveries (broadcast_id, contact_id, channel, org_unit_id, status, skip_reason, chunk_no, updated_at)
                SELECT @broadcastId, a.id, a.channel, a.org_unit_id,
                       CASE WHEN a.reason IS NULL THEN 'queued' ELSE 'skipped' END,
                       a.reason,
                       CASE WHEN a.reason IS NULL
                            THEN ((row_number() OVER (PARTITION BY a.reason IS NULL ORDER BY a.channel, a.id)) - 1) / @chunkSize END,
                       @now
                FROM audience a
                ON CONFLICT DO NOTHING
                RETURNING status
            )
            SELECT count(*) FILTER (WHERE status = 'queued'), count(*) FILTER (WHERE status = 'skipped') FROM inserted
            """,
            parameters,
            transaction,
            commandTimeout: 600,
            cancellationToken: cancellationToken));

        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO broadcast_chunks (broadcast_id, chunk_no)
            SELECT DISTINCT @broadcastId, chunk_no FROM deliveries WHERE broadcast_id = @broadcastId AND chunk_no IS NOT NULL
            ON CONFLICT DO NOTHING
            """,
            new { broadcastId },
            transaction,
            commandTimeout: 600,
            cancellationToken: cancellationToken));
        return ((int)counts.Queued, (int)counts.Skipped);
    }
}
