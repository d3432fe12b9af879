using Dapper;
using Npgsql;
using Outreach.Content.Posts;

namespace Outreach.Content.Broadcasts;

/// <summary>
/// Plans a broadcast in set-based statements inside the caller's transaction: one delivery row per member of the audience
/// (queued, or skipped with the reason the platform rules give) with its chunk number computed in the same INSERT … SELECT,
/// then the chunks that workers claim, made from the count alone. Nothing is held in memory per recipient, nothing goes back
/// and forth per row, and a crash loses nothing: the plan commits whole or not at all. Measured in bench/README
/// ("Broadcast planning").
/// </summary>
public sealed class AudiencePlanner(Eligibility eligibility)
{
    /// <summary>
    /// Writes the delivery rows and chunks in <paramref name="transaction"/>. Returns (queued, skipped); (0, 0) when the
    /// broadcast already has its deliveries (a second run, or another planner that committed first: the broadcast's row is
    /// locked, so two planners take turns).
    /// </summary>
    public async Task<(int Queued, int Skipped)> PlanAsync(
        NpgsqlTransaction transaction, long broadcastId, Post post, DateTimeOffset now, int chunkSize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(post);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        var connection = transaction.Connection!;
        var planned = await connection.QuerySingleOrDefaultAsync<bool?>(new CommandDefinition(
            """
            SELECT EXISTS (SELECT 1 FROM deliveries d WHERE d.broadcast_id = b.id)
            FROM broadcasts b WHERE b.id = @broadcastId
            FOR NO KEY UPDATE OF b
            """,
            new { broadcastId },
            transaction,
            cancellationToken: cancellationToken));
        if (planned is not false)
        {
            return (0, 0);
        }

        var parameters = new DynamicParameters();
        eligibility.AddParameters(parameters, now);
        post.Audience.AddParameters(parameters);
        parameters.AddDynamicParams(new { broadcastId, chunkSize, topic = post.Topic });

        // Chunks take the Pages and OAs in turn, across channels (each account's 1st member, then each one's 2nd…): a chunk
        // holds every account's share, so one big Page, throttled at its own limit, cannot hold the workers while the small
        // ones wait, and the OAs do not wait for every Page's members to be handed out first. An account whose budget is
        // spent holds no send slot: its rows are put off until its next permit (DeliveryAttempt; bench/README, "Fan-out
        // across many Pages and OAs"). The row number counts queued rows only.
        var counts = await connection.QuerySingleAsync<(long Queued, long Skipped)>(new CommandDefinition(
            $"""
            WITH audience AS (
                SELECT c.id, c.channel, c.org_unit_id, {Eligibility.ReasonSql} AS reason,
                       row_number() OVER (PARTITION BY c.channel, c.account_id ORDER BY c.id) AS turn, c.account_id
                {AudienceSql.From}
                {Eligibility.RulesJoin}
                {AudienceSql.SubscriptionJoin}
                WHERE {Audience.Sql}
                  AND {AudienceSql.IsOptedIn}
            ), inserted AS (
                INSERT INTO deliveries (broadcast_id, contact_id, channel, org_unit_id, status, skip_reason, chunk_no, updated_at)
                SELECT @broadcastId, a.id, a.channel, a.org_unit_id,
                       CASE WHEN a.reason IS NULL THEN 'queued' ELSE 'skipped' END,
                       a.reason,
                       CASE WHEN a.reason IS NULL
                            THEN ((row_number() OVER (PARTITION BY a.reason IS NULL ORDER BY a.turn, a.channel, a.account_id, a.id)) - 1) / @chunkSize END,
                       @now
                FROM audience a
                RETURNING chunk_no
            )
            SELECT count(chunk_no), count(*) - count(chunk_no) FROM inserted
            """,
            parameters,
            transaction,
            commandTimeout: 600,
            cancellationToken: cancellationToken));

        // Queued row k is in chunk k / chunkSize: the chunks are 0 … ceil(queued / chunkSize) - 1, no need to read the rows again.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO broadcast_chunks (broadcast_id, chunk_no)
            SELECT @broadcastId, g FROM generate_series(0, (@queued + @chunkSize - 1) / @chunkSize - 1) g
            """,
            new { broadcastId, queued = counts.Queued, chunkSize = (long)chunkSize },
            transaction,
            cancellationToken: cancellationToken));
        return ((int)counts.Queued, (int)counts.Skipped);
    }
}
