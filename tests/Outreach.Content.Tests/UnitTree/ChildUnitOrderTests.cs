using Microsoft.Extensions.Options;
using Outreach.Content.Members;
using Outreach.Content.Stats;
using Outreach.Testing;

namespace Outreach.Content.Tests.UnitTree;

/// <summary>
/// The per-unit rows of the reach dashboard, the members' growth and the report's subscriber flows list a province's wards
/// in Vietnamese order: "Bình Phước", "Đồng Xoài", "Ea Kar" ("Đ" right after "D", before "E"), not by code point as the
/// database's C collation sorts them ("Ea Kar" before "Đồng Xoài").
/// </summary>
public sealed class ChildUnitOrderTests(PostgresServer server) : TreeWorldTests(server)
{
    private static readonly string[] Expected = ["Phường Bình Phước", "Phường Đồng Xoài", "Phường Ea Kar"];
    protected override Task SeedAsync() => World.CreateAsync(World.Province.Id, "xa", "Phường Ea Kar", "99001", Ct);

    [Fact]
    public async Task ReachReport_UnitsInVietnameseOrder()
    {
        var periods = new ReportPeriodStore(Database.DataSource);
        var year = (await periods.CreateAsync("custom", "2026-test", "Năm 2026", new(2026, 1, 1), new(2026, 12, 31), Ct))!;
        var rollup = new ReachRollup(Database.DataSource, Options.Create(new ReachOptions()), TimeProvider.System);
        var province = World.Province;

        var report = await new ReachQuery(Database.DataSource, rollup).ReportAsync(
            new(province.Id, null, "tinh", "75", province.Name, province.Path, 0), year, Ct);

        Assert.Equal(Expected, report.Units.Select(u => u.Name));
    }

    [Fact]
    public async Task MemberGrowthChildren_InVietnameseOrder()
    {
        var children = await new MemberGrowthStore(Database.DataSource).ChildrenAsync(
            World.Province.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), null, Ct);

        Assert.Equal(Expected, children.Select(c => c.Name));
    }

    [Fact]
    public async Task MemberFlowsChildren_InVietnameseOrder()
    {
        var flows = await new MemberFlowStore(Database.DataSource).FlowsAsync(
            World.Province.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), Ct);

        Assert.Equal(Expected, flows.Children.Select(c => c.Name));
    }
}
