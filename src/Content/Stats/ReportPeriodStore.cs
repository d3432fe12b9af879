using Dapper;
using Npgsql;

namespace Outreach.Content.Stats;

/// <summary>Reads and defines reporting periods. Years exist on demand; terms and custom spans are created by staff.</summary>
public sealed class ReportPeriodStore(NpgsqlDataSource dataSource)
{
    private const string Today = "(now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date";

    private const string Columns =
        "id, kind, code, name_vi AS namevi, starts_on AS startson, ends_on AS endson, is_rolled_up AS isrolledup";

    public async Task<IReadOnlyList<ReportPeriod>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ReportPeriod>(new CommandDefinition(
            $"SELECT {Columns} FROM report_periods ORDER BY starts_on DESC, ends_on, code", cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// The period with this code. A year, quarter, half-year or range of days (<see cref="ReportPeriodCodes"/>) that does not
    /// exist yet is created (not rolled up: the next roll-up back-fills its unique people).
    /// </summary>
    public async Task<ReportPeriod?> FindAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var definition = ReportPeriodCodes.Parse(code, out _);
        code = definition?.Code ?? code;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var found = await connection.QuerySingleOrDefaultAsync<ReportPeriod>(new CommandDefinition(
            $"SELECT {Columns} FROM report_periods WHERE code = @code", new { code }, cancellationToken: cancellationToken));
        if (found is { Kind: ReportPeriodKinds.Range })
        {
            // Asked for today: kept (see ForgetUnusedRangesAsync). One write a day at most.
            await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE report_periods SET last_used_on = {Today} WHERE id = @Id AND last_used_on IS DISTINCT FROM {Today}",
                found,
                cancellationToken: cancellationToken));
        }

        if (found is not null || definition is null)
        {
            return found;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO report_periods (kind, code, name_vi, starts_on, ends_on, last_used_on)
            VALUES (@Kind, @Code, @NameVi, @StartsOn, @EndsOn, CASE WHEN @Kind = '{ReportPeriodKinds.Range}' THEN {Today} END)
            ON CONFLICT (code) DO NOTHING
            """,
            definition,
            cancellationToken: cancellationToken));
        return await connection.QuerySingleOrDefaultAsync<ReportPeriod>(new CommandDefinition(
            $"SELECT {Columns} FROM report_periods WHERE code = @code", new { code }, cancellationToken: cancellationToken));
    }

    /// <summary>Defines a term or custom period. Null when the code is taken.</summary>
    public async Task<ReportPeriod?> CreateAsync(
        string kind, string code, string nameVi, DateOnly startsOn, DateOnly endsOn, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ReportPeriod>(new CommandDefinition(
            $"""
            INSERT INTO report_periods (kind, code, name_vi, starts_on, ends_on) VALUES (@kind, @code, @nameVi, @startsOn, @endsOn)
            ON CONFLICT (code) DO NOTHING
            RETURNING {Columns}
            """,
            new { kind, code, nameVi, startsOn, endsOn },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Forgets the ranges of days not asked for since <paramref name="unusedSince"/> (Vietnamese dates), with the people the
    /// roll-up counted for them, unless a target or a result was set for one. Runs under the roll-up's lock, so no roll-up is
    /// counting for a range while it goes. Returns how many were forgotten.
    /// </summary>
    public async Task<int> ForgetUnusedRangesAsync(DateOnly unusedSince, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            ReachRollupSql.Lock, new { key = ReachRollupSql.LockKey }, transaction, cancellationToken: cancellationToken));
        var forgotten = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"""
            WITH gone AS (
                DELETE FROM report_periods p
                WHERE p.kind = '{ReportPeriodKinds.Range}' AND p.last_used_on < @unusedSince
                  AND NOT EXISTS (SELECT 1 FROM targets t WHERE t.period_id = p.id)
                  AND NOT EXISTS (SELECT 1 FROM indicator_results r WHERE r.period_id = p.id)
                RETURNING p.id
            ), scopes AS (
                SELECT 'p:' || g.id AS scope FROM gone g
                UNION ALL
                SELECT 'p:' || g.id || ':t:' || t.topic FROM gone g CROSS JOIN (SELECT DISTINCT topic FROM posts) t
            ), firsts AS (
                DELETE FROM reach_firsts f USING scopes s WHERE f.scope = s.scope
            )
            SELECT count(*)::int FROM gone
            """,
            new { unusedSince },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return forgotten;
    }

    /// <summary>Creates the year periods of <paramref name="years"/> that do not exist yet (not rolled up: the roll-up back-fills them).</summary>
    internal static async Task EnsureYearsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, int[] years, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO report_periods (kind, code, name_vi, starts_on, ends_on)
            SELECT 'year', y::text, 'Năm ' || y, make_date(y, 1, 1), make_date(y, 12, 31) FROM unnest(@years) AS y
            ON CONFLICT (code) DO NOTHING
            """,
            new { years },
            transaction,
            cancellationToken: cancellationToken));
}
