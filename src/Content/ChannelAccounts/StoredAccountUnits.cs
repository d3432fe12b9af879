using Dapper;
using Npgsql;
using Outreach.Content.Members;

namespace Outreach.Content.ChannelAccounts;

/// <summary>
/// <see cref="IAccountUnits"/> from <c>channel_accounts</c>: a member who writes to or follows a commune's own Page or OA
/// belongs to that commune until she chooses (a merged unit's survivor; a deactivated unit does not take her). An account
/// the table does not know, or one without a unit, is answered by configuration (<see cref="ConfiguredAccountUnits"/>).
/// </summary>
public sealed class StoredAccountUnits(ConfiguredAccountUnits configured) : IAccountUnits
{
    public async Task<AccountUnit?> FindAsync(NpgsqlTransaction transaction, string channel, string accountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var own = await transaction.Connection!.QueryFirstOrDefaultAsync<AccountUnit>(new CommandDefinition(
            """
            SELECT u.id, u.name, u.level
            FROM channel_accounts a JOIN org_units found ON found.id = a.org_unit_id
            JOIN org_units u ON u.id = coalesce(found.merged_into_id, found.id)
            WHERE a.channel = @channel AND a.account_id = @accountId AND u.is_active
            """,
            new { channel, accountId },
            transaction,
            cancellationToken: cancellationToken));
        return own ?? await configured.FindAsync(transaction, channel, accountId, cancellationToken);
    }
}
