using Dapper;
using Npgsql;

namespace Outreach.Content.Channels;

/// <summary>The channels the database accepts (the channels table, one row per channel, added by that channel's migration).</summary>
public sealed class ChannelStore(NpgsqlDataSource dataSource)
{
    /// <summary>Those of <paramref name="names"/> the channels table does not list.</summary>
    public async Task<IReadOnlyList<string>> MissingAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT n FROM unnest(@names) AS n WHERE NOT EXISTS (SELECT 1 FROM channels c WHERE c.name = n) ORDER BY n",
            new { names = names.ToArray() },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
