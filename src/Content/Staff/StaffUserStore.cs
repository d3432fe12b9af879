using Dapper;
using Npgsql;

namespace Outreach.Content.Staff;

/// <summary>Reads and writes staff accounts. Password hashes are made and checked by the host (ASP.NET Core's hasher).</summary>
public sealed class StaffUserStore(NpgsqlDataSource dataSource)
{
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

    public async Task UpdatePasswordHashAsync(long id, string passwordHash, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE staff_users SET password_hash = @passwordHash WHERE id = @id", new { id, passwordHash }, cancellationToken: cancellationToken));
    }

    private sealed record SignInRow(long Id, string Username, string DisplayName, long OrgUnitId, string Role, bool IsActive, string PasswordHash);
}
