using Dapper;
using Npgsql;
using Outreach.Content.Text;

namespace Outreach.Content.Staff;

/// <summary>
/// What admins do to staff accounts of their units: list, edit, lock, unlock and reset a password. Every call is scoped by
/// the admin's unit (an account outside her subtree is not found, as for a wrong id), writes its audit row in the same
/// statement, and replaces the account's security stamp when the change must end its sessions.
/// </summary>
public sealed class StaffAccountStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        """
        s.id, s.username, s.display_name AS displayname, s.org_unit_id AS orgunitid, u.name AS orgunitname, s.role,
        s.is_active AS isactive, s.must_change_password AS mustchangepassword, f.locked_until AS lockeduntil
        """;

    private const string From =
        """
        FROM staff_users s
        JOIN org_units u ON u.id = s.org_unit_id
        LEFT JOIN sign_in_failures f ON f.username = s.username
        """;

    private const string InScope = "u.path LIKE (SELECT path FROM org_units WHERE id = @scopeUnitId) || '%'";

    /// <summary>Staff of the unit and the units below it.</summary>
    public async Task<IReadOnlyList<StaffAccount>> ListAsync(long scopeUnitId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<StaffAccount, int, (StaffAccount Account, int Depth)>(
            new CommandDefinition($"SELECT {Columns}, u.depth {From} WHERE {InScope}", new { scopeUnitId }, cancellationToken: cancellationToken),
            (account, depth) => (account, depth),
            splitOn: "depth");
        return rows
            .OrderBy(r => r.Depth).ThenBy(r => r.Account.OrgUnitName, VietnameseOrder.Names).ThenBy(r => r.Account.OrgUnitId)
            .ThenBy(r => r.Account.Username, StringComparer.Ordinal)
            .Select(r => r.Account).ToList();
    }

    /// <summary>One account, or null when there is none or it lies outside the scope.</summary>
    public async Task<StaffAccount?> FindAsync(long scopeUnitId, long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StaffAccount>(new CommandDefinition(
            $"SELECT {Columns} {From} WHERE s.id = @id AND {InScope}", new { scopeUnitId, id }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Changes the name, unit and role of an account in the scope (the new unit must lie in it too). A new role or unit ends
    /// the account's sessions. Returns false when the account or the unit is outside the scope.
    /// </summary>
    public async Task<bool> EditAsync(long scopeUnitId, long actorId, long id, StaffAccountEdit edit, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (!StaffRoles.All.Contains(edit.Role))
        {
            throw new ArgumentOutOfRangeException(nameof(edit), edit.Role, "Unknown role.");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"""
            WITH before AS (
                SELECT s.id, s.display_name, s.org_unit_id, s.role FROM staff_users s JOIN org_units u ON u.id = s.org_unit_id
                WHERE s.id = @id AND {InScope}
                FOR UPDATE OF s
            ), target_unit AS (
                SELECT u.id FROM org_units u WHERE u.id = @OrgUnitId AND {InScope}
            ), changed AS (
                UPDATE staff_users s
                SET display_name = @DisplayName, org_unit_id = @OrgUnitId, role = @Role, updated_at = @at,
                    security_stamp = CASE WHEN b.org_unit_id <> @OrgUnitId OR b.role <> @Role
                        THEN gen_random_uuid() ELSE s.security_stamp END
                FROM before b
                WHERE s.id = b.id AND EXISTS (SELECT 1 FROM target_unit)
                RETURNING s.id
            ), audited AS (
                INSERT INTO staff_account_events (staff_user_id, actor_id, action, detail, at)
                SELECT b.id, @actorId, 'edited', jsonb_strip_nulls(jsonb_build_object(
                    'display_name', CASE WHEN b.display_name <> @DisplayName THEN jsonb_build_array(b.display_name, @DisplayName) END,
                    'org_unit_id', CASE WHEN b.org_unit_id <> @OrgUnitId THEN jsonb_build_array(b.org_unit_id, @OrgUnitId) END,
                    'role', CASE WHEN b.role <> @Role THEN jsonb_build_array(b.role, @Role) END)), @at
                FROM before b JOIN changed c ON c.id = b.id
            )
            SELECT count(*)::int FROM changed
            """,
            new { scopeUnitId, actorId, id, edit.DisplayName, edit.OrgUnitId, edit.Role, at },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// Locks (deactivates) or unlocks an account of the scope; locking ends its sessions, unlocking also lifts a sign-in lock.
    /// </summary>
    public async Task<bool> SetActiveAsync(long scopeUnitId, long actorId, long id, bool active, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"""
            WITH changed AS (
                UPDATE staff_users s
                SET is_active = @active, updated_at = @at,
                    security_stamp = CASE WHEN @active THEN s.security_stamp ELSE gen_random_uuid() END
                FROM org_units u
                WHERE u.id = s.org_unit_id AND s.id = @id AND {InScope}
                RETURNING s.id, s.username
            ), lifted AS (
                DELETE FROM sign_in_failures f USING changed c WHERE @active AND f.username = c.username
            ), audited AS (
                INSERT INTO staff_account_events (staff_user_id, actor_id, action, at)
                SELECT id, @actorId, CASE WHEN @active THEN 'unlocked' ELSE 'locked' END, @at FROM changed
            )
            SELECT count(*)::int FROM changed
            """,
            new { scopeUnitId, actorId, id, active, at },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// Gives an account of the scope a one-time password (its hash): she must choose her own at the next sign-in, her sessions
    /// end and a sign-in lock is lifted.
    /// </summary>
    public async Task<bool> ResetPasswordAsync(long scopeUnitId, long actorId, long id, string passwordHash, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"""
            WITH changed AS (
                UPDATE staff_users s
                SET password_hash = @passwordHash, must_change_password = true, security_stamp = gen_random_uuid(), updated_at = @at
                FROM org_units u
                WHERE u.id = s.org_unit_id AND s.id = @id AND {InScope}
                RETURNING s.id, s.username
            ), lifted AS (
                DELETE FROM sign_in_failures f USING changed c WHERE f.username = c.username
            ), audited AS (
                INSERT INTO staff_account_events (staff_user_id, actor_id, action, at)
                SELECT id, @actorId, 'password_reset', @at FROM changed
            )
            SELECT count(*)::int FROM changed
            """,
            new { scopeUnitId, actorId, id, passwordHash, at },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>The account's audit trail, newest first, with who acted.</summary>
    public async Task<IReadOnlyList<StaffAccountEvent>> HistoryAsync(long id, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<StaffAccountEvent>(new CommandDefinition(
            """
            SELECT e.id, e.action, e.detail::text AS detail, e.at, a.display_name AS actorname
            FROM staff_account_events e LEFT JOIN staff_users a ON a.id = e.actor_id
            WHERE e.staff_user_id = @id
            ORDER BY e.id DESC
            LIMIT @limit
            """,
            new { id, limit },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}

/// <summary>A staff account as admins manage it. <see cref="LockedUntil"/>: a sign-in lock after wrong passwords.</summary>
public sealed record StaffAccount(
    long Id, string Username, string DisplayName, long OrgUnitId, string OrgUnitName, string Role, bool IsActive, bool MustChangePassword,
    DateTimeOffset? LockedUntil);

/// <summary>What an admin may change on an account.</summary>
public sealed record StaffAccountEdit(string DisplayName, long OrgUnitId, string Role);

/// <summary>One audited change of an account. <see cref="Detail"/> is JSON (for edits: each changed field as [before, after]).</summary>
public sealed record StaffAccountEvent(long Id, string Action, string Detail, DateTimeOffset At, string? ActorName);
