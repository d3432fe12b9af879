using Dapper;
using Npgsql;

namespace Outreach.Content.Stats;

/// <summary>Reads and defines reporting periods. Years exist on demand; terms and custom spans are created by staff.</summary>
public sealed class ReportPeriodStore(NpgsqlDataSource dataSource)
{
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
        if (found is not null || definition is null)
        {
            return found;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO report_periods (kind, code, name_vi, starts_on, ends_on) VALUES (@Kind, @Code, @NameVi, @StartsOn, @EndsOn)
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
