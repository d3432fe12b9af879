using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Outreach.Content.Stats;

/// <summary>
/// Consumes reach events after a watermark into the roll-ups, one transaction per batch: the batch's figures and the new
/// watermark commit together, so a crash or a retry never counts an event twice or skips one. Only events of transactions
/// that have all ended are taken (tx below the snapshot's xmin), so an event committed late by a slow writer is still ahead
/// of the watermark when it becomes visible. One roll-up runs at a time (an advisory lock), whoever starts it.
/// </summary>
public sealed class ReachRollup(NpgsqlDataSource dataSource, IOptions<ReachOptions> options, TimeProvider time)
{
    /// <summary>Runs batches until the backlog is consumed or the run's batch limit is reached. Returns the events consumed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        for (var batch = 0; batch < options.Value.RollupMaxBatches; batch++)
        {
            var consumed = await RunBatchAsync(options.Value.RollupBatchSize, cancellationToken);
            total += consumed;
            if (consumed < options.Value.RollupBatchSize)
            {
                break;
            }
        }

        return total;
    }

    /// <summary>One transaction: a requested rebuild, new periods' back-fill, then up to <paramref name="limit"/> events.</summary>
    public async Task<int> RunBatchAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(transaction, ReachRollupSql.Lock, new { key = ReachRollupSql.LockKey }, cancellationToken);
        var state = await connection.QuerySingleAsync<State>(new CommandDefinition(
            ReachRollupSql.ReadState, transaction: transaction, cancellationToken: cancellationToken));
        if (state.RebuildRequested)
        {
            await ExecuteAsync(transaction, ReachRollupSql.Reset, null, cancellationToken);
            state = state with { LastTx = "0", LastId = 0 };
        }

        await ExecuteAsync(transaction, ReachRollupSql.CreateTemporaryTables, null, cancellationToken);
        await ExecuteAsync(transaction, ReachRollupSql.FillBatch, new { state.LastTx, state.LastId, state.Horizon, limit }, cancellationToken);
        var end = await connection.QuerySingleOrDefaultAsync<BatchEnd>(new CommandDefinition(
            ReachRollupSql.BatchEnd, transaction: transaction, cancellationToken: cancellationToken));
        await ExecuteAsync(transaction, ReachRollupSql.EnsureYears, null, cancellationToken);
        await BackfillNewPeriodsAsync(transaction, state, cancellationToken);
        var now = time.GetUtcNow();
        if (end is null)
        {
            await ExecuteAsync(transaction, ReachRollupSql.Touch, new { now }, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return 0;
        }

        await ExecuteAsync(transaction, ReachRollupSql.AddDailyEvents, null, cancellationToken);
        await ExecuteAsync(transaction, ReachRollupSql.BatchCandidates, null, cancellationToken);
        await ExecuteAsync(transaction, ReachRollupSql.ApplyCandidates, null, cancellationToken);
        await ExecuteAsync(transaction, ReachRollupSql.Advance, new { end.LastTx, end.LastId, now }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return end.Count;
    }

    /// <summary>When the roll-ups were last brought up to date, and how many events wait beyond the watermark.</summary>
    public async Task<RollupStatus> StatusAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<RollupStatus>(new CommandDefinition(
            """
            SELECT s.rolled_up_at AS rolledupat, s.rebuild_requested AS rebuildrequested,
                   (SELECT count(*) FROM reach_events e WHERE (e.tx, e.id) > (s.last_tx, s.last_id)) AS pendingevents
            FROM reach_rollup_state s WHERE s.id = 1
            """,
            cancellationToken: cancellationToken));
    }

    private async Task BackfillNewPeriodsAsync(NpgsqlTransaction transaction, State state, CancellationToken cancellationToken)
    {
        var periodIds = (await transaction.Connection!.QueryAsync<long>(new CommandDefinition(
            ReachRollupSql.PeriodsToBackfill, transaction: transaction, cancellationToken: cancellationToken))).ToArray();
        if (periodIds.Length == 0)
        {
            return;
        }

        await ExecuteAsync(transaction, ReachRollupSql.BackfillCandidates, new { periodIds, state.LastTx, state.LastId }, cancellationToken);
        await ExecuteAsync(transaction, ReachRollupSql.ApplyCandidates, null, cancellationToken);
    }

    private static Task<int> ExecuteAsync(NpgsqlTransaction transaction, string sql, object? args, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(sql, args, transaction, commandTimeout: 3600, cancellationToken: cancellationToken));

    private sealed record State(string LastTx, long LastId, bool RebuildRequested, string Horizon);

    private sealed record BatchEnd(string LastTx, long LastId, int Count);
}

/// <summary>How fresh the roll-ups are: dashboards show it next to the figures.</summary>
public sealed record RollupStatus(DateTimeOffset? RolledUpAt, bool RebuildRequested, long PendingEvents);
