using System.Text.Json;
using Dapper;
using Npgsql;

namespace Outreach.Content.Audit;

/// <summary>Writes audit entries inside the transaction of the change they describe, so a change and its record commit together.</summary>
internal static class AuditLog
{
    public static Task WriteAsync(
        NpgsqlTransaction transaction, DateTimeOffset at, long? actorId, string action, long? orgUnitId, long? contactId, object detail,
        CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO audit_entries (at, actor_id, action, org_unit_id, contact_id, detail)
            VALUES (@at, @actorId, @action, @orgUnitId, @contactId, @detail::jsonb)
            """,
            new { at, actorId, action, orgUnitId, contactId, detail = JsonSerializer.Serialize(detail) },
            transaction,
            cancellationToken: cancellationToken));
}
