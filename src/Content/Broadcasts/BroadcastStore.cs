using Dapper;
using Npgsql;

namespace Outreach.Content.Broadcasts;

/// <summary>Reads and writes broadcasts; status changes are conditional on the statuses they leave.</summary>
public sealed class BroadcastStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "id, post_id AS postid, occurrence_at AS occurrenceat, status, not_before AS notbefore, planned_at AS plannedat, " +
        "started_at AS startedat, finished_at AS finishedat, pause_reason AS pausereason, pause_detail AS pausedetail";

    /// <summary>The broadcast of this post's occurrence, created if it does not exist yet (a retried job finds the same one).</summary>
    public async Task<Broadcast> GetOrCreateAsync(long postId, DateTimeOffset occurrenceAt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO broadcasts (post_id, occurrence_at) VALUES (@postId, @occurrenceAt) ON CONFLICT (post_id, occurrence_at) DO NOTHING",
            new { postId, occurrenceAt },
            cancellationToken: cancellationToken));
        return await connection.QuerySingleAsync<Broadcast>(new CommandDefinition(
            $"SELECT {Columns} FROM broadcasts WHERE post_id = @postId AND occurrence_at = @occurrenceAt",
            new { postId, occurrenceAt },
            cancellationToken: cancellationToken));
    }

    public async Task<Broadcast?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Broadcast>(new CommandDefinition(
            $"SELECT {Columns} FROM broadcasts WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Broadcast>> ListForPostAsync(long postId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Broadcast>(new CommandDefinition(
            $"SELECT {Columns} FROM broadcasts WHERE post_id = @postId ORDER BY occurrence_at DESC", new { postId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Marks the broadcast planned and sending from <paramref name="notBefore"/>, in the planning transaction.</summary>
    public async Task MarkPlannedAsync(NpgsqlTransaction transaction, long id, DateTimeOffset now, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE broadcasts SET planned_at = @now, status = 'sending', not_before = @notBefore, started_at = @now, last_progress_at = @now WHERE id = @id",
            new { id, now, notBefore },
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>Moves the broadcast to <paramref name="to"/> if it is in one of <paramref name="from"/>. Returns whether it moved.</summary>
    public async Task<bool> TransitionAsync(long id, string[] from, string to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE broadcasts SET status = @to, last_progress_at = @now,
                   pause_reason = NULL, pause_detail = NULL,
                   finished_at = CASE WHEN @to IN ('completed', 'partial', 'cancelled', 'failed') THEN @now ELSE finished_at END
            WHERE id = @id AND status = ANY(@from)
            """,
            new { id, from, to, now },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// Pauses a sending broadcast by itself, saying why (<see cref="PauseReasons"/>) and the channel and platform code behind it.
    /// Returns whether it moved (false: it was no longer sending).
    /// </summary>
    public async Task<bool> PauseForAsync(long id, string reason, string? detail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE broadcasts SET status = 'paused', pause_reason = @reason, pause_detail = @detail, last_progress_at = @now
            WHERE id = @id AND status = 'sending'
            """,
            new { id, reason, detail, now },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// Nothing of the broadcast may be sent before <paramref name="until"/> (a platform's rate limit): the watchdog leaves it alone
    /// until then, when the workers scheduled for that time go on.
    /// </summary>
    public async Task WaitUntilAsync(long id, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE broadcasts SET not_before = greatest(not_before, @until) WHERE id = @id AND status = 'sending'",
            new { id, until },
            cancellationToken: cancellationToken));
    }

    /// <summary>Records that workers are making progress (the watchdog restarts broadcasts that stop progressing).</summary>
    public async Task TouchAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE broadcasts SET last_progress_at = @now WHERE id = @id", new { id, now }, cancellationToken: cancellationToken));
    }

    /// <summary>Sending broadcasts whose workers have shown no progress since <paramref name="before"/> (their host may have died).</summary>
    public async Task<IReadOnlyList<long>> ListStalledAsync(DateTimeOffset before, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<long>(new CommandDefinition(
            """
            SELECT id FROM broadcasts
            WHERE status = 'sending' AND (not_before IS NULL OR not_before <= @now) AND (last_progress_at IS NULL OR last_progress_at < @before)
            """,
            new { before, now },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
