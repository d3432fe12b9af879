using Dapper;
using Npgsql;

namespace Outreach.Content.Staff;

/// <summary>Reads and writes staff accounts. Password hashes are made and checked by the host (ASP.NET Core's hasher).</summary>
public sealed class StaffUserStore(NpgsqlDataSource dataSource)
{
    // Any constant shared by all hosts; 0x5374_6166 spells "Staf".
    private const long FirstAdminLock = 0x5374_6166;

    private const string Columns = "id, username, display_name AS displayname, org_unit_id AS orgunitid, role, is_active AS isactive";

    public async Task<StaffUser> CreateAsync(
        string username, string displayName, long orgUnitId, string role, string passwordHash, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        if (!StaffRoles.All.Contains(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role.");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<StaffUser>(new CommandDefinition(
            $"""
            INSERT INTO staff_users (username, display_name, org_unit_id, role, password_hash)
            VALUES (@username, @displayName, @orgUnitId, @role, @passwordHash)
            RETURNING {Columns}
            """,
            new { username = username.Trim().ToLowerInvariant(), displayName, orgUnitId, role, passwordHash },
            cancellationToken: cancellationToken));
    }

    /// <summary>The account and its password hash, for sign-in.</summary>
    public async Task<(StaffUser User, string PasswordHash)?> FindForSignInAsync(string username, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SignInRow>(new CommandDefinition(
            $"SELECT {Columns}, password_hash AS passwordhash FROM staff_users WHERE username = @username",
            new { username = username.Trim().ToLowerInvariant() },
            cancellationToken: cancellationToken));
        return row is null ? null : (new StaffUser(row.Id, row.Username, row.DisplayName, row.OrgUnitId, row.Role, row.IsActive), row.PasswordHash);
    }

    public async Task<StaffUser?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StaffUser>(new CommandDefinition(
            $"SELECT {Columns} FROM staff_users WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Staff of the unit and the units below it, with their unit's name (shallow units first).</summary>
    public async Task<IReadOnlyList<StaffListing>> ListInScopeAsync(long scopeUnitId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<StaffListing>(new CommandDefinition(
            """
            SELECT s.id, s.username, s.display_name AS displayname, s.org_unit_id AS orgunitid, s.role, s.is_active AS isactive,
                   u.name AS orgunitname
            FROM staff_users s JOIN org_units u ON u.id = s.org_unit_id
            WHERE u.path LIKE (SELECT path FROM org_units WHERE id = @scopeUnitId) || '%'
            ORDER BY u.depth, u.name, s.username
            """,
            new { scopeUnitId },
            cancellationToken: cancellationToken));
        return rows.AsList();
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
            INSERT INTO staff_users (username, display_name, org_unit_id, role, password_hash)
            VALUES (@username, @displayName, @unitId, 'admin', @passwordHash)
            """,
            new { username = username.Trim().ToLowerInvariant(), displayName = displayName.Trim(), unitId, passwordHash },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return unitId;
    }

    public async Task UpdatePasswordHashAsync(long id, string passwordHash, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE staff_users SET password_hash = @passwordHash WHERE id = @id", new { id, passwordHash }, cancellationToken: cancellationToken));
    }

    private sealed record SignInRow(long Id, string Username, string DisplayName, long OrgUnitId, string Role, bool IsActive, string PasswordHash);
}
