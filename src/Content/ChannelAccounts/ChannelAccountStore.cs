using Dapper;
using Npgsql;
using Outreach.Content.Audit;

namespace Outreach.Content.ChannelAccounts;

/// <summary>
/// The installation's Pages and OAs (table <c>channel_accounts</c>). Staff reads and changes are scoped to a unit's subtree
/// (an account outside it is "not found"; an account seeded before any unit existed belongs to the top units); each change
/// is written with its audit entry in one transaction, naming the fields changed, never their values.
/// </summary>
public sealed class ChannelAccountStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    // An account in the subtree of @scopeUnitId (or without a unit, for a top unit's staff).
    private const string InScope =
        """
        JOIN org_units scope ON scope.id = @scopeUnitId
        WHERE (u.path LIKE scope.path || '%' OR (a.org_unit_id IS NULL AND scope.parent_id IS NULL))
        """;

    /// <summary>The accounts of <paramref name="scopeUnitId"/>'s subtree, by channel then account id.</summary>
    public async Task<IReadOnlyList<ChannelAccount>> ListAsync(long scopeUnitId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ChannelAccount>(new CommandDefinition(
            $"SELECT {ChannelAccount.Columns} FROM {ChannelAccount.From} {InScope} ORDER BY a.channel, u.path NULLS FIRST, a.account_id",
            new { scopeUnitId },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>The account, when it lies in <paramref name="scopeUnitId"/>'s subtree; otherwise null.</summary>
    public async Task<ChannelAccount?> FindAsync(long scopeUnitId, long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ChannelAccount>(new CommandDefinition(
            $"SELECT {ChannelAccount.Columns} FROM {ChannelAccount.From} {InScope} AND a.id = @id",
            new { scopeUnitId, id },
            cancellationToken: cancellationToken));
    }

    /// <summary>Every account, active or not (what the webhooks and senders route by).</summary>
    public async Task<IReadOnlyList<ChannelAccount>> ListAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ChannelAccount>(new CommandDefinition(
            $"SELECT {ChannelAccount.Columns} FROM {ChannelAccount.From} ORDER BY a.id", cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Adds an account; null when its channel already has this Page or OA id.</summary>
    public async Task<ChannelAccount?> CreateAsync(ChannelAccountDraft draft, long actorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            INSERT INTO channel_accounts (channel, account_id, name, org_unit_id, app_id, app_secret_protected, webhook_secret_protected,
                                          access_token_protected, secrets_changed_at, secrets_changed_by, created_at, updated_at)
            VALUES (@Channel, @AccountId, @Name, @OrgUnitId, @AppId, @AppSecretProtected, @WebhookSecretProtected, @AccessTokenProtected,
                    @now, @actorId, @now, @now)
            ON CONFLICT (channel, account_id) DO NOTHING
            RETURNING id
            """,
            new { draft.Channel, draft.AccountId, draft.Name, draft.OrgUnitId, draft.AppId, draft.AppSecretProtected, draft.WebhookSecretProtected,
                draft.AccessTokenProtected, now, actorId },
            transaction,
            cancellationToken: cancellationToken));
        if (id is not { } created)
        {
            return null;
        }

        await AuditLog.WriteAsync(transaction, now, actorId, AuditActions.ChannelAccountCreated, draft.OrgUnitId, null,
            new { channel = draft.Channel, accountId = draft.AccountId }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ReadAsync(connection, created, cancellationToken);
    }

    /// <summary>Applies <paramref name="change"/> to the account (already checked to be in the actor's scope).</summary>
    public async Task<ChannelAccount> UpdateAsync(long id, ChannelAccountChange change, long actorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var unitBefore = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            UPDATE channel_accounts a
            SET name = coalesce(@Name, name), org_unit_id = coalesce(@OrgUnitId, org_unit_id), app_id = coalesce(@AppId, app_id),
                app_secret_protected = coalesce(@AppSecretProtected, app_secret_protected),
                webhook_secret_protected = coalesce(@WebhookSecretProtected, webhook_secret_protected),
                access_token_protected = coalesce(@AccessTokenProtected, access_token_protected),
                is_active = coalesce(@IsActive, is_active),
                secrets_changed_at = CASE WHEN @secrets THEN @now ELSE secrets_changed_at END,
                secrets_changed_by = CASE WHEN @secrets THEN @actorId ELSE secrets_changed_by END,
                health_state = CASE WHEN @secrets THEN 'unknown' ELSE health_state END,
                health_detail = CASE WHEN @secrets THEN NULL ELSE health_detail END,
                updated_at = @now
            FROM channel_accounts old WHERE old.id = a.id AND a.id = @id
            RETURNING old.org_unit_id
            """,
            new { id, change.Name, change.OrgUnitId, change.AppId, change.AppSecretProtected, change.WebhookSecretProtected, change.AccessTokenProtected,
                change.IsActive, secrets = change.ChangesSecrets, now, actorId },
            transaction,
            cancellationToken: cancellationToken));
        var action = change.IsActive switch
        {
            false => AuditActions.ChannelAccountDeactivated,
            true => AuditActions.ChannelAccountReactivated,
            _ => AuditActions.ChannelAccountChanged,
        };
        await AuditLog.WriteAsync(transaction, now, actorId, action, change.OrgUnitId ?? unitBefore, null,
            new { id, fields = change.ChangedFields, fromUnit = change.OrgUnitId is null ? null : unitBefore }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ReadAsync(connection, id, cancellationToken);
    }

    /// <summary>
    /// Stores an account from configuration: added when absent (in the unit of <see cref="ChannelAccountSeed.UnitCode"/>, else
    /// without a unit), its secrets replaced only when the configured values changed since they were last seeded, so a restart
    /// keeps what an admin changed in the console. True when the row was written.
    /// </summary>
    public async Task<bool> SeedAsync(ChannelAccountSeed seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seed);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO channel_accounts AS a (channel, account_id, org_unit_id, app_id, app_secret_protected, webhook_secret_protected,
                                               access_token_protected, origin, seed_hash, secrets_changed_at, created_at, updated_at)
            VALUES (@Channel, @AccountId,
                    (SELECT coalesce(merged_into_id, id) FROM org_units WHERE code = @UnitCode LIMIT 1),
                    @AppId, @AppSecretProtected, @WebhookSecretProtected, @AccessTokenProtected, 'config', @SeedHash, @now, @now, @now)
            ON CONFLICT (channel, account_id) DO UPDATE
            SET app_id = coalesce(EXCLUDED.app_id, a.app_id),
                app_secret_protected = coalesce(EXCLUDED.app_secret_protected, a.app_secret_protected),
                webhook_secret_protected = coalesce(EXCLUDED.webhook_secret_protected, a.webhook_secret_protected),
                access_token_protected = coalesce(EXCLUDED.access_token_protected, a.access_token_protected),
                seed_hash = EXCLUDED.seed_hash, secrets_changed_at = EXCLUDED.updated_at, secrets_changed_by = NULL,
                health_state = 'unknown', health_detail = NULL, updated_at = EXCLUDED.updated_at
            WHERE a.seed_hash IS DISTINCT FROM EXCLUDED.seed_hash
            """,
            new { seed.Channel, seed.AccountId, seed.UnitCode, seed.AppId, seed.AppSecretProtected, seed.WebhookSecretProtected,
                seed.AccessTokenProtected, seed.SeedHash, now = time.GetUtcNow() },
            cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Records what the last sends found about the account's token; <c>health_since</c> moves only when the state changes.</summary>
    public async Task RecordHealthAsync(string channel, string accountId, string state, string? detail, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE channel_accounts
            SET health_since = CASE WHEN health_state = @state THEN health_since ELSE @now END, health_state = @state, health_detail = @detail
            WHERE channel = @channel AND account_id = @accountId
            """,
            new { channel, accountId, state, detail, now = time.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Per channel, the active account nearest to <paramref name="unitPath"/> (the unit's own, else its closest ancestor's,
    /// else one without a unit): where the unit's join material points.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> NearestAsync(string unitPath, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Channel, string AccountId)>(new CommandDefinition(
            """
            SELECT DISTINCT ON (a.channel) a.channel, a.account_id
            FROM channel_accounts a LEFT JOIN org_units u ON u.id = a.org_unit_id
            WHERE a.is_active AND (a.org_unit_id IS NULL OR @unitPath LIKE u.path || '%')
            ORDER BY a.channel, u.depth DESC NULLS LAST, a.id
            """,
            new { unitPath },
            cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Channel, r => r.AccountId, StringComparer.Ordinal);
    }

    private static async Task<ChannelAccount> ReadAsync(NpgsqlConnection connection, long id, CancellationToken cancellationToken) =>
        await connection.QuerySingleAsync<ChannelAccount>(new CommandDefinition(
            $"SELECT {ChannelAccount.Columns} FROM {ChannelAccount.From} WHERE a.id = @id", new { id }, cancellationToken: cancellationToken));
}
