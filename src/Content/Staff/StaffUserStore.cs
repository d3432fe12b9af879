using Dapper;
using Npgsql;

namespace Outreach.Content.Staff;

/// <summary>
/// Reads and writes staff accounts for sign-in and sessions. Password hashes are made and checked by the host (ASP.NET Core's
/// hasher). Every change that must end the account's sessions replaces its security stamp (see <see cref="StaffSessionState"/>).
/// </summary>
public sealed class StaffUserStore(NpgsqlDataSource dataSource)
{
    // Any constant shared by all hosts; 0x5374_6166 spells "Staf".
    private const long FirstAdminLock = 0x5374_6166;

    private const string Columns = "id, username, display_name AS displayname, org_unit_id AS orgunitid, role, is_active AS isactive";

    public Task<StaffUser> CreateAsync(
        string username, string displayName, long orgUnitId, string role, string passwordHash, CancellationToken cancellationToken) =>
        CreateAsync(username, displayName, orgUnitId, role, passwordHash, new StaffCreation(null, false, null), cancellationToken);

    /// <summary>
    /// Creates an account; <paramref name="creation"/> says who did it (audited) and whether the first password is temporary.
    /// </summary>
    public async Task<StaffUser> CreateAsync(
        string username, string displayName, long orgUnitId, string role, string passwordHash, StaffCreation creation,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        ArgumentNullException.ThrowIfNull(creation);
        if (!StaffRoles.All.Contains(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role.");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<StaffUser>(new CommandDefinition(
            $"""
            WITH created AS (
                INSERT INTO staff_users (username, display_name, org_unit_id, role, password_hash, must_change_password)
                VALUES (@username, @displayName, @orgUnitId, @role, @passwordHash, @MustChangePassword)
                RETURNING *
            ), audited AS (
                INSERT INTO staff_account_events (staff_user_id, actor_id, action, detail, at)
                SELECT id, @ActorId, 'created', jsonb_build_object('role', role, 'org_unit_id', org_unit_id), coalesce(@At, now())
                FROM created
            )
            SELECT {Columns} FROM created
            """,
            new { username = username.Trim().ToLowerInvariant(), displayName, orgUnitId, role, passwordHash, creation.MustChangePassword,
                creation.ActorId, creation.At },
            cancellationToken: cancellationToken));
    }

    /// <summary>The account and its password hash, for sign-in.</summary>
    public async Task<(StaffUser User, string PasswordHash)?> FindForSignInAsync(string username, CancellationToken cancellationToken)
    {
        var found = await FindCredentialAsync(username, cancellationToken);
        return found is null ? null : (found.User, found.PasswordHash);
    }

    /// <summary>The account with what sign-in needs: its password hash, security stamp and whether it must choose a password.</summary>
    public async Task<StaffCredential?> FindCredentialAsync(string username, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(username);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CredentialRow>(new CommandDefinition(
            $"""
            SELECT {Columns}, password_hash AS passwordhash, security_stamp AS securitystamp, must_change_password AS mustchangepassword
            FROM staff_users WHERE username = @username
            """,
            new { username = username.Trim().ToLowerInvariant() },
            cancellationToken: cancellationToken));
        return row is null
            ? null
            : new StaffCredential(
                new StaffUser(row.Id, row.Username, row.DisplayName, row.OrgUnitId, row.Role, row.IsActive), row.PasswordHash,
                row.SecurityStamp, row.MustChangePassword);
    }

    public async Task<StaffUser?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StaffUser>(new CommandDefinition(
            $"SELECT {Columns} FROM staff_users WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>The account as a session checks it on every request (one indexed read).</summary>
    public async Task<StaffSessionState?> FindSessionAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SessionRow>(new CommandDefinition(
            $"""
            SELECT {Columns}, security_stamp AS securitystamp, must_change_password AS mustchangepassword
            FROM staff_users WHERE id = @id
            """,
            new { id },
            cancellationToken: cancellationToken));
        return row is null
            ? null
            : new StaffSessionState(new StaffUser(row.Id, row.Username, row.DisplayName, row.OrgUnitId, row.Role, row.IsActive),
                row.SecurityStamp, row.MustChangePassword);
    }


    /// <summary>
    /// Creates the first admin (and her top-level unit, found by name or created at <paramref name="unitLevel"/>) when no staff
    /// account exists; returns her unit's id, or null when staff already existed. Hosts starting together take a
    /// transaction-scoped advisory lock, so exactly one of them creates her.
    /// </summary>
    public async Task<long?> CreateFirstAdminAsync(
        string username, string displayName, string unitName, string unitLevel, string passwordHash, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        ArgumentException.ThrowIfNullOrWhiteSpace(unitName);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@FirstAdminLock)", new { FirstAdminLock }, transaction,
            cancellationToken: cancellationToken));
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM staff_users)", transaction: transaction, cancellationToken: cancellationToken)))
        {
            return null;
        }

        var name = unitName.Trim();
        var unitId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM org_units WHERE parent_id IS NULL AND name = @name ORDER BY id LIMIT 1", new { name }, transaction,
                cancellationToken: cancellationToken))
            ?? await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "INSERT INTO org_units (level, name) VALUES (@unitLevel, @name) RETURNING id",
                new { unitLevel, name },
                transaction,
                cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO staff_users (username, display_name, org_unit_id, role, password_hash, must_change_password)
            VALUES (@username, @displayName, @unitId, 'admin', @passwordHash, true)
            """,
            new { username = username.Trim().ToLowerInvariant(), displayName = displayName.Trim(), unitId, passwordHash },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return unitId;
    }

    /// <summary>
    /// She must choose her own password at her next sign-in (the first admin still signing in with the configured one); true
    /// when this changed the account.
    /// </summary>
    public async Task<bool> RequirePasswordChangeAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE staff_users SET must_change_password = true, updated_at = now() WHERE id = @id AND NOT must_change_password",
            new { id }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Stores a hash of the same password made with newer parameters (the sessions stay valid).</summary>
    public async Task UpdatePasswordHashAsync(long id, string passwordHash, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE staff_users SET password_hash = @passwordHash WHERE id = @id", new { id, passwordHash }, cancellationToken: cancellationToken));
    }

    /// <summary>Ends every session of the account (sign-out): a new security stamp, returned.</summary>
    public async Task<Guid> RotateSecurityStampAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<Guid>(new CommandDefinition(
            "UPDATE staff_users SET security_stamp = gen_random_uuid() WHERE id = @id RETURNING security_stamp",
            new { id },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Her own new password: no longer temporary, every other session ended (a new security stamp, returned), audited.
    /// </summary>
    public async Task<Guid> ChangeOwnPasswordAsync(long id, string passwordHash, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<Guid>(new CommandDefinition(
            """
            WITH changed AS (
                UPDATE staff_users
                SET password_hash = @passwordHash, must_change_password = false, security_stamp = gen_random_uuid(), updated_at = @at
                WHERE id = @id
                RETURNING id, security_stamp
            ), audited AS (
                INSERT INTO staff_account_events (staff_user_id, actor_id, action, at) SELECT id, id, 'password_changed', @at FROM changed
            )
            SELECT security_stamp FROM changed
            """,
            new { id, passwordHash, at },
            cancellationToken: cancellationToken));
    }

    private sealed record CredentialRow(
        long Id, string Username, string DisplayName, long OrgUnitId, string Role, bool IsActive, string PasswordHash, Guid SecurityStamp,
        bool MustChangePassword);

    private sealed record SessionRow(
        long Id, string Username, string DisplayName, long OrgUnitId, string Role, bool IsActive, Guid SecurityStamp,
        bool MustChangePassword);
}

/// <summary>Who creates an account (null: the system), whether its first password is temporary, and when (null: now).</summary>
public sealed record StaffCreation(long? ActorId, bool MustChangePassword, DateTimeOffset? At);

/// <summary>An account with what sign-in checks.</summary>
public sealed record StaffCredential(StaffUser User, string PasswordHash, Guid SecurityStamp, bool MustChangePassword);

/// <summary>
/// An account as a session sees it: a cookie is valid only while <see cref="SecurityStamp"/> equals the stamp it was issued with.
/// </summary>
public sealed record StaffSessionState(StaffUser User, Guid SecurityStamp, bool MustChangePassword);
