using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using Outreach.Bot.Staff.Auth;

namespace Outreach.Bot.Staff.Console.Accounts;

/// <summary>
/// Creates the first admin from <see cref="BootstrapAdminOptions"/> when the gateway starts on a database with no staff at
/// all. Hosts starting together take a transaction-scoped advisory lock, so exactly one of them creates her; once any staff
/// account exists this does nothing, whatever the configuration says (changing it later never resets a password).
/// </summary>
public sealed partial class BootstrapAdmin(
    NpgsqlDataSource dataSource, StaffPasswords passwords, IOptions<BootstrapAdminOptions> options,
    ILogger<BootstrapAdmin> logger) : IHostedService
{
    // Any constant shared by all hosts; 0x5374_6166 spells "Staf".
    private const long LockKey = 0x5374_6166;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.IsSet && await CreateIfNoStaffAsync(settings, cancellationToken) is { } unitId)
        {
            Log.BootstrapAdminCreated(logger, settings.Username!.Trim().ToLowerInvariant(), unitId);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Creates the admin (and her unit when needed); returns the unit's id, or null when staff already existed.</summary>
    public async Task<long?> CreateIfNoStaffAsync(BootstrapAdminOptions settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@LockKey)", new { LockKey }, transaction,
            cancellationToken: cancellationToken));
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM staff_users)", transaction: transaction, cancellationToken: cancellationToken)))
        {
            return null;
        }

        var name = settings.OrgUnitName!.Trim();
        var unitId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM org_units WHERE parent_id IS NULL AND name = @name ORDER BY id LIMIT 1", new { name }, transaction,
                cancellationToken: cancellationToken))
            ?? await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "INSERT INTO org_units (level, name) VALUES (@level, @name) RETURNING id",
                new { level = settings.OrgUnitLevel, name },
                transaction,
                cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO staff_users (username, display_name, org_unit_id, role, password_hash)
            VALUES (@username, @displayName, @unitId, 'admin', @hash)
            """,
            new { username = settings.Username!.Trim().ToLowerInvariant(), displayName = settings.DisplayName.Trim(), unitId,
                hash = passwords.Hash(settings.Password!) },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return unitId;
    }
}
