using Dapper;
using Npgsql;

namespace Outreach.Content.Targets;

/// <summary>Indicators, the targets units have for a period, and the results staff enter for manual indicators.</summary>
public sealed class TargetStore(NpgsqlDataSource dataSource)
{
    private const string IndicatorColumns =
        "i.id, i.code, i.name_vi AS namevi, i.unit_vi AS unitvi, i.source, i.reach_kind AS reachkind, i.measure, i.topic, " +
        "i.percent_decimals::int AS percentdecimals, i.channel, i.counts_whole AS countswhole";

    public async Task<IReadOnlyList<Indicator>> ListIndicatorsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Indicator>(new CommandDefinition(
            $"SELECT {IndicatorColumns} FROM indicators i ORDER BY i.id", cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task<Indicator?> FindIndicatorAsync(string code, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Indicator>(new CommandDefinition(
            $"SELECT {IndicatorColumns} FROM indicators i WHERE i.code = @code", new { code }, cancellationToken: cancellationToken));
    }

    /// <summary>Sets (or replaces) the target of an indicator for a unit and period.</summary>
    public async Task SetTargetAsync(
        long indicatorId, long unitId, long periodId, decimal value, string? note, long staffId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO targets (indicator_id, org_unit_id, period_id, target_value, note, set_by, set_at)
            VALUES (@indicatorId, @unitId, @periodId, @value, @note, @staffId, @at)
            ON CONFLICT (org_unit_id, period_id, indicator_id)
            DO UPDATE SET target_value = EXCLUDED.target_value, note = EXCLUDED.note, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at
            """,
            new { indicatorId, unitId, periodId, value, note, staffId, at },
            cancellationToken: cancellationToken));
    }

    /// <summary>Records what the unit itself did for a manual indicator in the period (units above add it to their own).</summary>
    public async Task SetResultAsync(
        long indicatorId, long unitId, long periodId, decimal value, string? note, long staffId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO indicator_results (indicator_id, org_unit_id, period_id, value, note, entered_by, entered_at)
            VALUES (@indicatorId, @unitId, @periodId, @value, @note, @staffId, @at)
            ON CONFLICT (indicator_id, period_id, org_unit_id)
            DO UPDATE SET value = EXCLUDED.value, note = EXCLUDED.note, entered_by = EXCLUDED.entered_by, entered_at = EXCLUDED.entered_at
            """,
            new { indicatorId, unitId, periodId, value, note, staffId, at },
            cancellationToken: cancellationToken));
    }

    /// <summary>The targets set for the unit and period, with their indicators.</summary>
    public async Task<IReadOnlyList<(Indicator Indicator, decimal Target, string? Note)>> TargetsAsync(long unitId, long periodId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Indicator, TargetRow, (Indicator, decimal, string?)>(
            new CommandDefinition(
                $"""
                SELECT {IndicatorColumns}, t.target_value AS target, t.note
                FROM targets t JOIN indicators i ON i.id = t.indicator_id
                WHERE t.org_unit_id = @unitId AND t.period_id = @periodId ORDER BY i.id
                """,
                new { unitId, periodId },
                cancellationToken: cancellationToken),
            (indicator, target) => (indicator, target.Target, target.Note),
            splitOn: "target");
        return rows.AsList();
    }

    /// <summary>The sum of entered results of a manual indicator over the unit and everything below it.</summary>
    public async Task<decimal> ManualResultAsync(long indicatorId, long unitId, long periodId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<decimal>(new CommandDefinition(
            """
            SELECT coalesce(sum(r.value), 0) FROM indicator_results r JOIN org_units u ON u.id = r.org_unit_id
            WHERE r.indicator_id = @indicatorId AND r.period_id = @periodId
              AND u.path LIKE (SELECT path FROM org_units WHERE id = @unitId) || '%'
            """,
            new { indicatorId, unitId, periodId },
            cancellationToken: cancellationToken));
    }

    /// <summary>The results entered for the unit itself in the period (not its subtree), with who entered each and when.</summary>
    public async Task<IReadOnlyList<ManualResult>> UnitResultsAsync(long unitId, long periodId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ManualResult>(new CommandDefinition(
            """
            SELECT r.indicator_id AS indicatorid, r.value, r.note, s.display_name AS enteredby, r.entered_at AS enteredat
            FROM indicator_results r JOIN staff_users s ON s.id = r.entered_by
            WHERE r.org_unit_id = @unitId AND r.period_id = @periodId ORDER BY r.indicator_id
            """,
            new { unitId, periodId },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Posts of the unit's subtree (of one topic, or any) with a broadcast that went out in the period and sent to someone.</summary>
    public async Task<long> PostsSentAsync(long unitId, DateOnly startsOn, DateOnly endsOn, string? topic, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT count(*) FROM posts p JOIN org_units u ON u.id = p.org_unit_id
            WHERE u.path LIKE (SELECT path FROM org_units WHERE id = @unitId) || '%'
              AND (@topic::text IS NULL OR p.topic = @topic)
              AND (EXISTS (SELECT 1 FROM broadcasts b
                           WHERE b.post_id = p.id AND (b.occurrence_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN @startsOn AND @endsOn
                             AND EXISTS (SELECT 1 FROM deliveries d WHERE d.broadcast_id = b.id AND d.sent_at IS NOT NULL))
                   -- A post published only on a Page feed or as a Zalo article went out too.
                   OR EXISTS (SELECT 1 FROM post_publications pp
                              WHERE pp.post_id = p.id AND pp.status = 'published'
                                AND (pp.published_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN @startsOn AND @endsOn))
            """,
            new { unitId, startsOn, endsOn, topic },
            cancellationToken: cancellationToken));
    }

    private sealed record TargetRow(decimal Target, string? Note);
}
