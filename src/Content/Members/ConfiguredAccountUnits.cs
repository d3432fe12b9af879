using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Outreach.Content.Members;

/// <summary>
/// <see cref="IAccountUnits"/> from configuration (<see cref="AccountUnitsOptions"/>): the account's listed unit code, else
/// the default code, else the top unit. A code of a merged unit leads to its survivor; a deactivated or unknown code falls
/// back to the top unit, so a member is never left without the province's news because of a stale setting.
/// </summary>
public sealed class ConfiguredAccountUnits(IOptionsMonitor<AccountUnitsOptions> options) : IAccountUnits
{
    public async Task<AccountUnit?> FindAsync(NpgsqlTransaction transaction, string channel, string accountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var settings = options.CurrentValue;
        var code = settings.Accounts.FirstOrDefault(a => a.Channel == channel && a.AccountId == accountId)?.UnitCode ?? settings.DefaultUnitCode;
        return await transaction.Connection!.QueryFirstOrDefaultAsync<AccountUnit>(new CommandDefinition(
            """
            SELECT id, name, level FROM (
                SELECT u.id, u.name, u.level, 0 AS rank FROM org_units found JOIN org_units u ON u.id = coalesce(found.merged_into_id, found.id)
                WHERE found.code = @code AND u.is_active
                UNION ALL
                SELECT u.id, u.name, u.level, 1 FROM org_units u WHERE u.parent_id IS NULL AND u.is_active
            ) candidates
            ORDER BY rank, id LIMIT 1
            """,
            new { code },
            transaction,
            cancellationToken: cancellationToken));
    }
}
