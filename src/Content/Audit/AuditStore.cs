using Dapper;
using Npgsql;

namespace Outreach.Content.Audit;

/// <summary>Reads the audit trail of a staff member's subtree: changes to its units and to its members, newest first.</summary>
public sealed class AuditStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Entries about units in <paramref name="scopeUnitId"/>'s subtree (a merged unit counts where it was), optionally only those
    /// about one unit or one member.
    /// </summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(
        long scopeUnitId, long? orgUnitId, long? contactId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditEntry>(new CommandDefinition(
            """
            SELECT a.id, a.at, a.actor_id AS actorid, s.display_name AS actorname, a.action, a.org_unit_id AS orgunitid,
                   a.contact_id AS contactid, a.detail::text AS detail
            FROM audit_entries a
            JOIN org_units u ON u.id = a.org_unit_id
            LEFT JOIN staff_users s ON s.id = a.actor_id
            WHERE u.path LIKE (SELECT path FROM org_units WHERE id = @scopeUnitId) || '%'
              AND (@orgUnitId::bigint IS NULL OR a.org_unit_id = @orgUnitId)
              AND (@contactId::bigint IS NULL OR a.contact_id = @contactId)
            ORDER BY a.id DESC
            LIMIT @limit
            """,
            new { scopeUnitId, orgUnitId, contactId, limit },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
