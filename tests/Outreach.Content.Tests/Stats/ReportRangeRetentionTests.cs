using Dapper;
using Outreach.Content.Stats;
using Outreach.Content.Time;
using Outreach.Testing;

namespace Outreach.Content.Tests.Stats;

/// <summary>
/// Ranges of days asked for in the reports are periods the roll-up keeps counting for: one nobody asked for in a month is
/// forgotten with its counts (not one with a target, not one asked for lately, never a year), and asked for again it is
/// counted again from the events, to the same figures.
/// </summary>
public sealed class ReportRangeRetentionTests(PostgresServer server) : IAsyncLifetime
{
    private const string March = "2026-03-01_2026-03-31";
    private const string Spring = "2026-03-01_2026-05-31";
    private const string Winter = "2026-12-01_2027-01-31";
    private TestDatabase _database = null!;
    private ReachScenario _scenario = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        _scenario = await ReachScenario.CreateAsync(_database, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task UnusedRange_ForgottenWithItsCounts_AskedForAgain_SameFigures()
    {
        var ct = TestContext.Current.CancellationToken;
        var periods = _scenario.Periods();
        var march = (await periods.FindAsync(March, ct))!;
        var spring = (await periods.FindAsync(Spring, ct))!;
        var winter = (await periods.FindAsync(Winter, ct))!;
        await ReachSeed.RollUpAllAsync(_scenario.Rollup(), ct);
        var before = RawReach.Of(await _scenario.Query().ReportAsync(_scenario.Province, march, ct));
        var yearRows = await CountAsync("SELECT count(*) FROM reach_firsts WHERE scope NOT LIKE 'p:' || @march || '%'", new { march = march.Id });
        await using (var connection = await _database.DataSource.OpenConnectionAsync(ct))
        {
            // March and spring were last asked for 40 days ago; spring carries a target. Winter was asked for today.
            await connection.ExecuteAsync(
                "UPDATE report_periods SET last_used_on = last_used_on - 40 WHERE id = ANY(@ids)", new { ids = new[] { march.Id, spring.Id } });
            await connection.ExecuteAsync(
                """
                INSERT INTO targets (indicator_id, org_unit_id, period_id, target_value, set_by, set_at)
                SELECT id, @unit, @period, 100, @author, now() FROM indicators WHERE code = 'women_trained'
                """,
                new { unit = _scenario.Province.Id, period = spring.Id, author = _scenario.Author });
        }

        Assert.True(await CountAsync("SELECT count(*) FROM reach_firsts WHERE scope LIKE 'p:' || @id || ':t:%'", new { id = march.Id }) > 0);
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(DateTimeOffset.UtcNow).DateTime);

        var forgotten = await periods.ForgetUnusedRangesAsync(today.AddDays(-30), ct);

        Assert.Equal(1, forgotten);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM report_periods WHERE id = @id", new { id = march.Id }));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM reach_period_people WHERE period_id = @id", new { id = march.Id }));
        Assert.Equal(0, await CountAsync(
            "SELECT count(*) FROM reach_firsts WHERE scope = 'p:' || @id OR scope LIKE 'p:' || @id || ':t:%'", new { id = march.Id }));
        Assert.Equal(yearRows, await CountAsync("SELECT count(*) FROM reach_firsts"));
        Assert.True(await CountAsync("SELECT count(*) FROM reach_period_people WHERE period_id = @id", new { id = spring.Id }) > 0);
        Assert.True(await CountAsync("SELECT count(*) FROM reach_period_people WHERE period_id = @id", new { id = winter.Id }) > 0);

        var again = (await periods.FindAsync(March, ct))!;
        Assert.NotEqual(march.Id, again.Id);
        await ReachSeed.RollUpAllAsync(_scenario.Rollup(), ct);
        var after = RawReach.Of(await _scenario.Query().ReportAsync(_scenario.Province, (await periods.FindAsync(March, ct))!, ct));
        Assert.Equal(before.OrderBy(kv => kv.Key.ToString()), after.OrderBy(kv => kv.Key.ToString()));
        Assert.Equal(before.OrderBy(kv => kv.Key.ToString()), (await new RawReach(_database).TotalsAsync(_scenario.Province.Id, again)).OrderBy(kv => kv.Key.ToString()));
    }

    [Fact]
    public async Task RangeAskedForAgain_IsKept()
    {
        var ct = TestContext.Current.CancellationToken;
        var periods = _scenario.Periods();
        var march = (await periods.FindAsync(March, ct))!;
        await using (var connection = await _database.DataSource.OpenConnectionAsync(ct))
        {
            await connection.ExecuteAsync("UPDATE report_periods SET last_used_on = last_used_on - 40 WHERE id = @id", new { id = march.Id });
        }

        await periods.FindAsync(March, ct);
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(DateTimeOffset.UtcNow).DateTime);

        Assert.Equal(0, await periods.ForgetUnusedRangesAsync(today.AddDays(-30), ct));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM report_periods WHERE id = @id", new { id = march.Id }));
    }

    private async Task<long> CountAsync(string sql, object? args = null)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<long>(sql, args);
    }
}
