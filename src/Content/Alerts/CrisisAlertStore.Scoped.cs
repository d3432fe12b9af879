using Dapper;
using Outreach.Content.Contacts;

namespace Outreach.Content.Alerts;

/// <summary>
/// Alerts as one unit's staff see them (see <see cref="ContactScope"/>; an alert without a contact is a top-level unit's):
/// listed with the member's latest handoff, so the alert links to her conversation, and acknowledged only within the scope.
/// </summary>
public sealed partial class CrisisAlertStore
{
    /// <summary>
    /// The scope's unacknowledged alerts, those whose hotline reply could not be sent first (the most urgent: she has no
    /// number), then newest first (at most 100). Each carries the status of the reply recorded in the alert's turn (the
    /// hotline answer; null when none was recorded).
    /// </summary>
    public async Task<IReadOnlyList<CrisisAlertListing>> ListOpenAsync(long scopeUnitId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<CrisisAlertListing>(new CommandDefinition(
            $"""
            SELECT a.id, a.contact_id, a.channel, a.category, a.categories, a.created_at, c.display_name,
                   (SELECT max(h.id) FROM handoffs h WHERE h.contact_id = a.contact_id) AS handoff_id,
                   r.status AS reply_status
            FROM crisis_alerts a
            LEFT JOIN contacts c ON c.id = a.contact_id
            LEFT JOIN LATERAL (
                SELECT o.status FROM outbound_messages o
                WHERE o.contact_id = a.contact_id AND o.purpose = 'reply' AND o.created_at >= a.created_at - interval '5 seconds'
                ORDER BY o.id LIMIT 1) r ON true
            {ContactScope.Join}
            WHERE a.acknowledged_at IS NULL AND {ContactScope.Where}
            ORDER BY (r.status = 'failed') DESC NULLS LAST, a.created_at DESC, a.id DESC
            LIMIT 100
            """,
            new { scopeUnitId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>As <see cref="AcknowledgeAsync(long, string, DateTimeOffset, CancellationToken)"/>, only for an alert of the
    /// scope. False when it is outside the scope, already acknowledged or does not exist.</summary>
    public async Task<bool> AcknowledgeAsync(long id, long scopeUnitId, string staffId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE crisis_alerts a SET acknowledged_at = @at, acknowledged_by = @staffId
            WHERE a.id = @id AND a.acknowledged_at IS NULL
              AND EXISTS (SELECT 1 FROM crisis_alerts x LEFT JOIN contacts c ON c.id = x.contact_id {ContactScope.Join}
                          WHERE x.id = a.id AND {ContactScope.Where})
            """,
            new { id, scopeUnitId, staffId, at }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>True when the alert exists and belongs to the scope (acknowledged or not).</summary>
    public async Task<bool> IsVisibleAsync(long id, long scopeUnitId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            $"""
            SELECT EXISTS (SELECT 1 FROM crisis_alerts a LEFT JOIN contacts c ON c.id = a.contact_id {ContactScope.Join}
                           WHERE a.id = @id AND {ContactScope.Where})
            """,
            new { id, scopeUnitId }, cancellationToken: cancellationToken));
    }
}

/// <summary>An open crisis alert in a staff member's list: when, which channel, which categories, whose (name and latest handoff,
/// for the link to her conversation). Never what she wrote.</summary>
public sealed record CrisisAlertListing(
    long Id, long? ContactId, string Channel, string Category, string[] Categories, DateTimeOffset CreatedAt, string? DisplayName,
    long? HandoffId,
    string? ReplyStatus = null)
{
    /// <summary>True when the hotline reply was refused by the platform: the member has no number, staff must reach her.</summary>
    public bool ReplyFailed => ReplyStatus == "failed";

    /// <summary>True when the platform accepted the hotline reply.</summary>
    public bool ReplyDelivered => ReplyStatus is "sent" or "delivered" or "read";
}
