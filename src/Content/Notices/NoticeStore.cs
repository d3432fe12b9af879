using Dapper;
using Npgsql;
using Outreach.Content.Contacts;

namespace Outreach.Content.Notices;

/// <summary>
/// What a staff member should be told about, read from the data itself (no notice rows to keep in step): her scope's open crisis
/// alerts and waiting handoffs (with the newest ids, so a page knows when a new one arrives), and her own posts returned to her.
/// </summary>
public sealed class NoticeStore(NpgsqlDataSource dataSource)
{
    /// <summary>The most returned posts listed.</summary>
    public const int ReturnedLimit = 50;

    /// <summary>Open alerts and waiting handoffs of the scope (see <see cref="ContactScope"/>), and the newest of each.</summary>
    public async Task<ScopeCounts> CountsAsync(long scopeUnitId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<ScopeCounts>(new CommandDefinition(
            $"""
            SELECT
              (SELECT count(*)::int FROM crisis_alerts a LEFT JOIN contacts c ON c.id = a.contact_id {ContactScope.Join}
               WHERE a.acknowledged_at IS NULL AND {ContactScope.Where}) AS openalerts,
              (SELECT max(a.id) FROM crisis_alerts a LEFT JOIN contacts c ON c.id = a.contact_id {ContactScope.Join}
               WHERE a.acknowledged_at IS NULL AND {ContactScope.Where}) AS latestalertid,
              (SELECT count(*)::int FROM handoffs h JOIN contacts c ON c.id = h.contact_id {ContactScope.Join}
               WHERE h.status = 'requested' AND {ContactScope.Where}) AS waitinghandoffs,
              (SELECT max(h.id) FROM handoffs h JOIN contacts c ON c.id = h.contact_id {ContactScope.Join}
               WHERE h.status = 'requested' AND {ContactScope.Where}) AS latesthandoffid
            """,
            new { scopeUnitId },
            cancellationToken: cancellationToken));
    }

    /// <summary>Her posts an approver returned to draft and she has not sent again yet, newest first, with the reason.</summary>
    public async Task<IReadOnlyList<ReturnedPost>> ReturnedAsync(long authorId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ReturnedPost>(new CommandDefinition(
            """
            SELECT p.id AS postid, p.title, t.note, t.at, t.actor_id AS actorid
            FROM posts p
            JOIN LATERAL (SELECT from_status, to_status, note, at, actor_id FROM post_transitions
                          WHERE post_id = p.id ORDER BY id DESC LIMIT 1) t ON true
            WHERE p.created_by = @authorId AND p.status = 'draft' AND t.from_status = 'submitted' AND t.to_status = 'draft'
            ORDER BY t.at DESC
            LIMIT @ReturnedLimit
            """,
            new { authorId, ReturnedLimit },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}

/// <summary>Open crisis alerts and waiting handoffs of a scope, with the newest id of each (null: none).</summary>
public sealed record ScopeCounts(int OpenAlerts, long? LatestAlertId, int WaitingHandoffs, long? LatestHandoffId);

/// <summary>A post returned to its writer: when, by whom, and why.</summary>
public sealed record ReturnedPost(long PostId, string Title, string? Note, DateTimeOffset At, long? ActorId);
