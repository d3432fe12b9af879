using Dapper;
using Npgsql;

namespace Outreach.Content.Handoffs;

/// <summary>
/// Handoffs in PostgreSQL. Member-side calls run in the turn's transaction; staff-side calls (take, release) are atomic
/// single statements, so two staff members cannot take the same conversation.
/// </summary>
public sealed partial class HandoffStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "id, contact_id, status, reason, requested_at, taken_by, taken_at, closed_at, quiet_until";

    /// <summary>The member's open handoff (requested or active), if any.</summary>
    public async Task<Handoff?> FindOpenAsync(NpgsqlTransaction transaction, long contactId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return await transaction.Connection!.QuerySingleOrDefaultAsync<Handoff>(new CommandDefinition(
            $"SELECT {Columns} FROM handoffs WHERE contact_id = @contactId AND status IN ('requested', 'active')",
            new { contactId }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Opens a handoff unless one is already open. Returns the open handoff and whether this call created it.</summary>
    public async Task<(Handoff Handoff, bool Created)> RequestAsync(
        NpgsqlTransaction transaction, long contactId, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var created = await transaction.Connection!.QuerySingleOrDefaultAsync<Handoff>(new CommandDefinition(
            $"""
            INSERT INTO handoffs (contact_id, reason, requested_at) VALUES (@contactId, @reason, @at)
            ON CONFLICT (contact_id) WHERE status IN ('requested', 'active') DO NOTHING
            RETURNING {Columns}
            """,
            new { contactId, reason, at }, transaction, cancellationToken: cancellationToken));
        return created is not null ? (created, true) : ((await FindOpenAsync(transaction, contactId, cancellationToken))!, false);
    }

    /// <summary>Open handoffs, oldest request first (the staff queue).</summary>
    public async Task<IReadOnlyList<Handoff>> ListOpenAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Handoff>(new CommandDefinition(
            $"SELECT {Columns} FROM handoffs WHERE status IN ('requested', 'active') ORDER BY requested_at, id", cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public async Task<Handoff?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Handoff>(new CommandDefinition(
            $"SELECT {Columns} FROM handoffs WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Gives a requested handoff to <paramref name="staffId"/>. Null when it is not waiting (taken by someone else, closed).</summary>
    public async Task<Handoff?> TakeAsync(long id, string staffId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Handoff>(new CommandDefinition(
            $"""
            UPDATE handoffs SET status = 'active', taken_by = @staffId, taken_at = @at
            WHERE id = @id AND (status = 'requested' OR (status = 'active' AND taken_by = @staffId))
            RETURNING {Columns}
            """,
            new { id, staffId, at }, cancellationToken: cancellationToken));
    }

    /// <summary>Closes an open handoff; the bot answers again. Null when it was not open.</summary>
    public async Task<Handoff?> ReleaseAsync(long id, string staffId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Handoff>(new CommandDefinition(
            $"""
            UPDATE handoffs SET status = 'closed', closed_at = @at, closed_by = @staffId
            WHERE id = @id AND status IN ('requested', 'active')
            RETURNING {Columns}
            """,
            new { id, staffId, at }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// A person answered on the platform (or another app took the thread) at <paramref name="at"/>: the member's conversation is
    /// held on the platform until <paramref name="quietUntil"/> (moved on by each further human message). A waiting request
    /// becomes held; a conversation a console staff member holds stays hers (silent until she releases it).
    /// </summary>
    public async Task<Handoff> TakeOverOnPlatformAsync(
        NpgsqlTransaction transaction, long contactId, DateTimeOffset at, DateTimeOffset quietUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return await transaction.Connection!.QuerySingleAsync<Handoff>(new CommandDefinition(
            $"""
            INSERT INTO handoffs AS h (contact_id, reason, requested_at, status, taken_by, taken_at, quiet_until)
            VALUES (@contactId, 'platform', @at, 'active', 'platform', @at, @quietUntil)
            ON CONFLICT (contact_id) WHERE status IN ('requested', 'active') DO UPDATE SET
                status = 'active',
                taken_by = CASE WHEN h.status = 'active' THEN h.taken_by ELSE 'platform' END,
                taken_at = COALESCE(h.taken_at, @at),
                quiet_until = CASE WHEN h.status = 'active' AND h.taken_by <> 'platform' THEN h.quiet_until
                                   ELSE GREATEST(h.quiet_until, @quietUntil) END
            RETURNING {Columns}
            """,
            new { contactId, at, quietUntil }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Closes the member's platform-held handoff (the thread came back, or its quiet time passed). False when there was none.</summary>
    public async Task<bool> EndOnPlatformAsync(NpgsqlTransaction transaction, long contactId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            UPDATE handoffs SET status = 'closed', closed_at = @at, closed_by = 'platform'
            WHERE contact_id = @contactId AND status = 'active' AND taken_by = 'platform'
            """,
            new { contactId, at }, transaction, cancellationToken: cancellationToken)) > 0;
    }
}
