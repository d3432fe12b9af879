using Dapper;
using Microsoft.Extensions.Time.Testing;
using Outreach.Content.Audit;
using Outreach.Content.Members;
using Outreach.Content.Stats;
using Outreach.Content.Tests.Stats;
using Outreach.Content.UnitTree;
using Outreach.Testing;

namespace Outreach.Content.Tests.UnitTree;

/// <summary>Merging commune A into commune B (the 2025 reform), on the reach scenario's province (see UnitTree/README.md).</summary>
public sealed class UnitTreeStoreMergeTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ReachScenario _scenario = null!;
    private UnitTreeStore _store = null!;
    private UnitActor _admin = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(Ct);
        _scenario = await ReachScenario.CreateAsync(_database, Ct);
        _store = new UnitTreeStore(_database.DataSource, new FakeTimeProvider(new DateTimeOffset(2027, 2, 1, 3, 0, 0, TimeSpan.Zero)));
        _admin = new UnitActor((await new Seed(_database).StaffAsync("tinh.quantri", _scenario.Province.Id, "admin", Ct)).Id, _scenario.Province.Id);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task MergeAsync_CommuneIntoCommune_MembersUnitsPostsStaffTargetsAndResultsGoToTheSurvivor()
    {
        var a = _scenario.CommuneA.Id;
        var b = _scenario.CommuneB.Id;
        var seed = new Seed(_database);
        var communeEditor = await seed.StaffAsync("xa.a", a, "editor", Ct);
        var year = (await _scenario.Periods().FindAsync("2026", Ct))!;
        await ExecuteAsync(
            """
            INSERT INTO targets (indicator_id, org_unit_id, period_id, target_value, set_by, set_at)
            SELECT i.id, u.id, @period, v, @staff, now() FROM indicators i,
                   (VALUES (@a, 100), (@b, 200)) AS x(id, v) JOIN org_units u ON u.id = x.id WHERE i.code = 'members_reached';
            INSERT INTO indicator_results (indicator_id, org_unit_id, period_id, value, entered_by, entered_at)
            SELECT i.id, @a, @period, 7, @staff, now() FROM indicators i WHERE i.code = 'women_trained';
            INSERT INTO indicator_results (indicator_id, org_unit_id, period_id, value, entered_by, entered_at)
            SELECT i.id, @b, @period, 5, @staff, now() FROM indicators i WHERE i.code = 'women_trained';
            """,
            new { a, b, period = year.Id, staff = communeEditor.Id });
        var membersOfA = await ScalarAsync<int>("SELECT count(*)::int FROM contacts WHERE org_unit_id = @a", new { a });
        var transitions = await ScalarAsync<long>("SELECT count(*) FROM member_transitions");

        var outcome = await _store.MergeAsync(_admin, a, b, Ct);

        Assert.True(outcome.Outcome.IsDone, outcome.Outcome.Error);
        Assert.Equal(new MergeSummary(membersOfA, 1, 1, 1, 1, 1), outcome.Summary);
        Assert.Equal(0, await ScalarAsync<int>("SELECT count(*)::int FROM contacts WHERE org_unit_id = @a", new { a }));
        Assert.Equal(b, await ScalarAsync<long>("SELECT parent_id FROM org_units WHERE id = @id", new { id = _scenario.ChiHoiA1.Id }));
        Assert.Equal(b, await ScalarAsync<long>("SELECT org_unit_id FROM staff_users WHERE id = @id", new { id = communeEditor.Id }));
        Assert.Equal(0, await ScalarAsync<int>("SELECT count(*)::int FROM posts WHERE org_unit_id = @a OR audience -> 'units' @> to_jsonb(@a)", new { a }));
        Assert.True(await ScalarAsync<bool>("SELECT bool_and(audience -> 'units' @> to_jsonb(@b)) FROM posts WHERE org_unit_id = @b", new { b }));
        Assert.Equal(300m, await ScalarAsync<decimal>("SELECT target_value FROM targets WHERE org_unit_id = @b", new { b }));
        Assert.Equal(12m, await ScalarAsync<decimal>("SELECT value FROM indicator_results WHERE org_unit_id = @b", new { b }));
        Assert.Equal(transitions, await ScalarAsync<long>("SELECT count(*) FROM member_transitions"));
        var merged = (await _store.FindAsync(a, a, Ct))!;
        Assert.False(merged.IsActive);
        Assert.Equal(b, merged.MergedIntoId);
        Assert.Equal(b, (await _store.FindByJoinCodeAsync(merged.JoinCode, Ct))!.Id);
        var audit = await new AuditStore(_database.DataSource).ListAsync(_scenario.Province.Id, null, null, 10, Ct);
        Assert.Equal([b, a], audit.Where(e => e.Action == AuditActions.UnitMerged).Select(e => e.OrgUnitId!.Value));
    }

    [Fact]
    public async Task MergeAsync_PastReachOfTheMergedUnit_CountsInTheSurvivorsTotalsAndTheProvinceIsUnchanged()
    {
        var a = _scenario.CommuneA.Id;
        var b = _scenario.CommuneB.Id;
        await ReachSeed.RollUpAllAsync(_scenario.Rollup(), Ct);
        var year = (await _scenario.Periods().FindAsync("2026", Ct))!;
        var provinceBefore = RawReach.Of(await _scenario.Query().ReportAsync(_scenario.Province, year, Ct));
        var unionOfBoth = await new RawReach(_database).TotalsOfUnitsAsync([a, b, _scenario.ChiHoiA1.Id], year);

        await _store.MergeAsync(_admin, a, b, Ct);
        await ReachSeed.RollUpAllAsync(_scenario.Rollup(), Ct);

        var query = _scenario.Query();
        var survivor = await query.ReportAsync(_scenario.CommuneB, year, Ct);
        var province = await query.ReportAsync(_scenario.Province, year, Ct);
        Assert.Equal(Sorted(unionOfBoth), Sorted(RawReach.Of(survivor)));
        Assert.Equal(Sorted(provinceBefore), Sorted(RawReach.Of(province)));
        Assert.Equal([b], province.Units.Select(u => u.UnitId));
        Assert.Equal(10 + 4, survivor.Totals.Single(f => f.Kind == ReachKinds.Sent).People);
    }

    [Fact]
    public async Task MergeAsync_MembersConnectedOfPastDays_CountTheMergedUnitsMembersForTheSurvivor()
    {
        var growth = new MemberGrowthStore(_database.DataSource);
        var day = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var before = await growth.ConnectedAsync(_scenario.CommuneB.Id, day, null, Ct);
        var ofA = await growth.ConnectedAsync(_scenario.CommuneA.Id, day, null, Ct);

        await _store.MergeAsync(_admin, _scenario.CommuneA.Id, _scenario.CommuneB.Id, Ct);

        Assert.Equal(before + ofA, await growth.ConnectedAsync(_scenario.CommuneB.Id, day, null, Ct));
        Assert.Equal(0, await growth.ConnectedAsync(_scenario.CommuneA.Id, day, null, Ct));
        Assert.Equal(14, await growth.ConnectedAsync(_scenario.Province.Id, day, null, Ct));
    }

    [Fact]
    public async Task MergeAsync_RefusesWhatCannotBeMerged()
    {
        var seed = new Seed(_database);
        var tinh2 = await seed.Units.CreateAsync(null, "tinh", "Tỉnh khác", null, Ct);
        var a = _scenario.CommuneA.Id;

        Assert.Equal(UnitTreeMessages.MergeIntoItself, (await _store.MergeAsync(_admin, a, a, Ct)).Outcome.Error);
        Assert.Equal(UnitTreeMessages.MergeIntoDescendant, (await _store.MergeAsync(_admin, a, _scenario.ChiHoiA1.Id, Ct)).Outcome.Error);
        Assert.Contains("cấp thấp hơn", (await _store.MergeAsync(_admin, _scenario.CommuneB.Id, _scenario.ChiHoiA1.Id, Ct)).Outcome.Error, StringComparison.Ordinal);
        Assert.Equal(UnitTreeMessages.MoveOwnUnit, (await _store.MergeAsync(_admin, _scenario.Province.Id, a, Ct)).Outcome.Error);
        Assert.Equal(UnitOutcomeStatus.NotFound, (await _store.MergeAsync(_admin, a, tinh2.Id, Ct)).Outcome.Status);
        await _store.DeactivateAsync(_admin, _scenario.CommuneB.Id, Ct);
        Assert.Equal(UnitTreeMessages.SurvivorInactive(_scenario.CommuneB.Name), (await _store.MergeAsync(_admin, a, _scenario.CommuneB.Id, Ct)).Outcome.Error);
        Assert.True((await _store.FindAsync(a, a, Ct))!.IsActive);
    }

    [Fact]
    public async Task MergeAsync_Twice_TheFirstMergedUnitLeadsToTheLastSurvivor()
    {
        var c = await new Seed(_database).Units.CreateAsync(_scenario.Province.Id, "xa", "Xã C", "xa-c", Ct);
        await _store.SetCodeAsync(_admin, _scenario.CommuneA.Id, "xa-a", Ct);
        await _store.MergeAsync(_admin, _scenario.CommuneA.Id, _scenario.CommuneB.Id, Ct);

        var second = await _store.MergeAsync(_admin, _scenario.CommuneB.Id, c.Id, Ct);
        var again = await _store.MergeAsync(_admin, _scenario.CommuneA.Id, c.Id, Ct);

        Assert.True(second.Outcome.IsDone, second.Outcome.Error);
        Assert.Equal(c.Id, (await _store.FindByCodeAsync("xa-a", Ct))!.Id);
        Assert.Equal(c.Id, await ScalarAsync<long>("SELECT merged_into_id FROM org_units WHERE id = @id", new { id = _scenario.CommuneA.Id }));
        Assert.Equal(UnitTreeMessages.UnitMerged(_scenario.CommuneA.Name), again.Outcome.Error);
        Assert.Equal(14, await ScalarAsync<int>("SELECT count(*)::int FROM contacts WHERE org_unit_id IN (SELECT id FROM org_units WHERE path LIKE @path || '%')", new { path = c.Path }));
    }

    private static List<KeyValuePair<(string, string), (long, long)>> Sorted(Dictionary<(string Channel, string Kind), (long Events, long People)> figures) =>
        figures.OrderBy(f => f.Key.Channel, StringComparer.Ordinal).ThenBy(f => f.Key.Kind, StringComparer.Ordinal).ToList();

    private async Task ExecuteAsync(string sql, object args)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(Ct);
        await connection.ExecuteAsync(sql, args);
    }

    private async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(Ct);
        return (await connection.ExecuteScalarAsync<T>(sql, args))!;
    }
}
