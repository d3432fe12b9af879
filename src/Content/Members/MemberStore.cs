using Dapper;
using Npgsql;
using Outreach.Content.Audit;
using Outreach.Content.Broadcasts;
using Outreach.Content.Contacts;
using Outreach.Content.Text;

namespace Outreach.Content.Members;

/// <summary>
/// Members and their units: a member placing herself (a link's ref, a join code, the registration dialog), staff moving her
/// (audited), the members page's queries, and erasing a member on request. Staff see members of their subtree only
/// (<see cref="ContactScope"/>): anyone else is "not found".
/// </summary>
public sealed partial class MemberStore(NpgsqlDataSource dataSource, Eligibility eligibility, TimeProvider time)
{
    /// <summary>
    /// Puts the member in the unit she chose, inside the caller's transaction (a turn's). A merged unit's choice leads to the
    /// unit it was merged into; a deactivated unit is refused and nothing changes. The unit is locked FOR SHARE, so a
    /// concurrent deactivation or merge either waits for this or is seen by it.
    /// </summary>
    public async Task<Placement> PlaceAsync(NpgsqlTransaction transaction, long contactId, long unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var connection = transaction.Connection!;
        var unit = await connection.QuerySingleOrDefaultAsync<UnitRow>(new CommandDefinition(
            """
            SELECT u.id, u.name, u.is_active AS isactive FROM org_units found JOIN org_units u ON u.id = coalesce(found.merged_into_id, found.id)
            WHERE found.id = @unitId FOR SHARE OF u
            """,
            new { unitId },
            transaction,
            cancellationToken: cancellationToken));
        if (unit is null)
        {
            return new Placement(PlacementStatus.UnitNotFound, null, null);
        }

        if (!unit.IsActive)
        {
            return new Placement(PlacementStatus.UnitInactive, unit.Id, unit.Name);
        }

        var placed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE contacts SET org_unit_id = @unit, updated_at = @now
            WHERE id = @contactId AND status <> 'erased' AND org_unit_id IS DISTINCT FROM @unit
            """,
            new { contactId, unit = unit.Id, now = time.GetUtcNow() },
            transaction,
            cancellationToken: cancellationToken));
        var exists = placed == 1 || await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM contacts WHERE id = @contactId AND status <> 'erased')", new { contactId }, transaction,
            cancellationToken: cancellationToken));
        return exists
            ? new Placement(PlacementStatus.Placed, unit.Id, unit.Name)
            : new Placement(PlacementStatus.ContactNotFound, null, null);
    }

    /// <summary>The topics members subscribe to, by name.</summary>
    public async Task<IReadOnlyList<MemberTopic>> TopicsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<MemberTopic>(new CommandDefinition(
            "SELECT code, name_vi AS name FROM topics", cancellationToken: cancellationToken)))
            .OrderBy(t => t.Name, VietnameseOrder.Names).ThenBy(t => t.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary><see cref="PlaceAsync(NpgsqlTransaction, long, long, CancellationToken)"/> in a transaction of its own.</summary>
    public async Task<Placement> PlaceAsync(long contactId, long unitId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var placement = await PlaceAsync(transaction, contactId, unitId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return placement;
    }

    /// <summary>Staff move a member of their subtree to another unit of it (active). Audited: who, when, from and to.</summary>
    public async Task<MemberOutcome> MoveAsync(long actorId, long scopeUnitId, long contactId, long unitId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var contact = await LockInScopeAsync(transaction, scopeUnitId, contactId, cancellationToken);
        var unit = contact is null ? null : await connection.QuerySingleOrDefaultAsync<UnitRow>(new CommandDefinition(
            """
            SELECT u.id, u.name, u.is_active AS isactive FROM org_units u JOIN org_units scope ON scope.id = @scopeUnitId
            WHERE u.id = @unitId AND u.path LIKE scope.path || '%' FOR SHARE OF u
            """,
            new { scopeUnitId, unitId },
            transaction,
            cancellationToken: cancellationToken));
        if (contact is null || unit is null)
        {
            return MemberOutcome.NotFound;
        }

        if (contact.Status == ContactStatuses.Erased)
        {
            return MemberOutcome.Invalid(MemberMessages.Erased);
        }

        if (!unit.IsActive)
        {
            return MemberOutcome.Invalid(MemberMessages.UnitInactive(unit.Name));
        }

        if (contact.OrgUnitId == unitId)
        {
            return MemberOutcome.Done;
        }

        var now = time.GetUtcNow();
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE contacts SET org_unit_id = @unitId, updated_at = @now WHERE id = @contactId", new { contactId, unitId, now }, transaction,
            cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(transaction, now, actorId, AuditActions.MemberMoved, unitId, contactId,
            new { FromUnitId = contact.OrgUnitId, ToUnitId = unitId }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return MemberOutcome.Done;
    }

    /// <summary>Records the name the platform gives her (shown to staff; removed when she is erased).</summary>
    public async Task SetDisplayNameAsync(NpgsqlTransaction transaction, long contactId, string? displayName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var name = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim()[..Math.Min(displayName.Trim().Length, 200)];
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE contacts SET display_name = @name WHERE id = @contactId AND status <> 'erased'",
            new { contactId, name },
            transaction,
            cancellationToken: cancellationToken));
    }

    private static Task<ContactRow?> LockInScopeAsync(
        NpgsqlTransaction transaction, long scopeUnitId, long contactId, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<ContactRow?>(new CommandDefinition(
            $"""
            SELECT c.id, c.channel, c.account_id AS accountid, c.platform_user_id AS platformuserid, c.org_unit_id AS orgunitid, c.status
            FROM contacts c {ContactScope.Join}
            WHERE c.id = @contactId AND {ContactScope.Where}
            FOR UPDATE OF c
            """,
            new { scopeUnitId, contactId },
            transaction,
            cancellationToken: cancellationToken));

    private sealed record UnitRow(long Id, string Name, bool IsActive);

    private sealed record ContactRow(long Id, string Channel, string AccountId, string PlatformUserId, long? OrgUnitId, string Status);
}
