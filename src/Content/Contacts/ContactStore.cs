using Dapper;
using Npgsql;
using Outreach.Content.OrgUnits;

namespace Outreach.Content.Contacts;

/// <summary>Reads and writes contacts.</summary>
public sealed class ContactStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "id, channel, account_id AS accountid, platform_user_id AS platformuserid, org_unit_id AS orgunitid, " +
        "display_name AS displayname, status, last_inbound_at AS lastinboundat";

    /// <summary>
    /// Creates the contact on first contact, or finds it. When <paramref name="interactedAt"/> is given (a message, a tap,
    /// a follow) it moves the last-interaction time forward (never back: events can arrive out of order) and reactivates her,
    /// and asks for her name to be looked up on the platform when it never was or its refresh time has come
    /// (<see cref="ContactProfileStore"/>; the lookup runs after the turn, never in it).
    /// </summary>
    public async Task<Contact> UpsertAsync(
        NpgsqlTransaction transaction, string channel, string accountId, string platformUserId, DateTimeOffset? interactedAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return await transaction.Connection!.QuerySingleAsync<Contact>(new CommandDefinition(
            $"""
            INSERT INTO contacts AS c (channel, account_id, platform_user_id, last_inbound_at, profile_due_at)
            VALUES (@channel, @accountId, @platformUserId, @interactedAt, CASE WHEN @interactedAt::timestamptz IS NOT NULL THEN now() END)
            ON CONFLICT (channel, account_id, platform_user_id) DO UPDATE
            SET last_inbound_at = GREATEST(c.last_inbound_at, EXCLUDED.last_inbound_at),
                status = CASE WHEN EXCLUDED.last_inbound_at IS NOT NULL AND c.status <> 'erased' THEN 'active' ELSE c.status END,
                profile_due_at = CASE
                    WHEN EXCLUDED.last_inbound_at IS NOT NULL AND c.status <> 'erased' AND c.profile_due_at IS NULL
                         AND (c.profile_refresh_at IS NULL OR c.profile_refresh_at <= now()) THEN now()
                    ELSE c.profile_due_at END,
                updated_at = now()
            RETURNING {Columns}
            """,
            new { channel, accountId, platformUserId, interactedAt },
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The codes of the member's org unit and of every unit above it that has one, nearest first (the tree keeps materialised
    /// paths: one range lookup), in the turn's transaction. Empty for a member with no unit.
    /// </summary>
    public async Task<IReadOnlyList<UnitCode>> UnitCodesAsync(NpgsqlTransaction transaction, long orgUnitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var rows = await transaction.Connection!.QueryAsync<UnitCode>(new CommandDefinition(
            """
            SELECT a.code, a.level FROM org_units u JOIN org_units a ON u.path LIKE a.path || '%'
            WHERE u.id = @orgUnitId AND a.code IS NOT NULL
            ORDER BY a.depth DESC
            """,
            new { orgUnitId },
            transaction,
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>The ids of <paramref name="orgUnitId"/> and the units above it, its own first (from the unit's materialised path).</summary>
    public async Task<IReadOnlyList<long>> UnitPathAsync(NpgsqlTransaction transaction, long orgUnitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var path = await transaction.Connection!.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT path FROM org_units WHERE id = @orgUnitId", new { orgUnitId }, transaction, cancellationToken: cancellationToken));
        return (path ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => long.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).Reverse().ToList();
    }

    public async Task SetStatusAsync(NpgsqlTransaction transaction, long contactId, string status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE contacts SET status = @status, updated_at = now() WHERE id = @contactId",
            new { contactId, status },
            transaction,
            cancellationToken: cancellationToken));
    }

    public async Task SetOrgUnitAsync(long contactId, long? orgUnitId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE contacts SET org_unit_id = @orgUnitId, updated_at = now() WHERE id = @contactId",
            new { contactId, orgUnitId },
            cancellationToken: cancellationToken));
    }

    public async Task<Contact?> FindAsync(string channel, string accountId, string platformUserId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Contact>(new CommandDefinition(
            $"SELECT {Columns} FROM contacts WHERE channel = @channel AND account_id = @accountId AND platform_user_id = @platformUserId",
            new { channel, accountId, platformUserId },
            cancellationToken: cancellationToken));
    }

    public async Task<Contact?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Contact>(new CommandDefinition(
            $"SELECT {Columns} FROM contacts WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }
}
