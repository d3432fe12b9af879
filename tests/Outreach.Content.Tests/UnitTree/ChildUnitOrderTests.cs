using Microsoft.Extensions.Options;
using Outreach.Content.Members;
using Outreach.Content.Posts;
using Outreach.Content.Staff;
using Outreach.Content.Stats;
using Outreach.Content.UnitTree;
using Outreach.Testing;

namespace Outreach.Content.Tests.UnitTree;

/// <summary>
/// The per-unit rows of the reach dashboard, the members' growth and the report's subscriber flows list a province's wards
/// in Vietnamese order: "Bình Phước", "Đồng Xoài", "Ea Kar" ("Đ" right after "D", before "E"), not by code point as the
/// database's C collation sorts them ("Ea Kar" before "Đồng Xoài"). So do the staff accounts list (by unit) and the topic
/// pickers ("Đường dây nóng" right after "Chính sách", not last).
/// </summary>
public sealed class ChildUnitOrderTests(PostgresServer server) : TreeWorldTests(server)
{
    private static readonly string[] Expected = ["Phường Bình Phước", "Phường Đồng Xoài", "Phường Ea Kar"];
    private UnitNode _eaKar = null!;

    protected override async Task SeedAsync() => _eaKar = await World.CreateAsync(World.Province.Id, "xa", "Phường Ea Kar", "99001", Ct);

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

    [Fact]
    public async Task StaffAccounts_ByUnitInVietnameseOrder()
    {
        var seed = new Seed(Database);
        await seed.StaffAsync("a-ea-kar", _eaKar.Id, StaffRoles.Editor, Ct);
        await seed.StaffAsync("z-dong-xoai", World.CommuneA.Id, StaffRoles.Editor, Ct);

        var accounts = await new StaffAccountStore(Database.DataSource).ListAsync(World.Province.Id, Ct);

        var wards = accounts.Where(a => a.OrgUnitId != World.Province.Id).Select(a => a.OrgUnitName).ToList();
        Assert.Equal(["Phường Đồng Xoài", "Phường Ea Kar"], wards);
        Assert.Equal(World.Province.Id, accounts[0].OrgUnitId);
    }

    [Fact]
    public async Task TopicPickers_InVietnameseOrder()
    {
        string[] expected =
        [
            "Chính sách, đề án hỗ trợ phụ nữ", "Đường dây nóng, hỗ trợ khẩn cấp", "Hoạt động Hội", "Phòng, chống bạo lực gia đình",
            "Sức khỏe, khám sàng lọc", "Vay vốn, khởi nghiệp",
        ];

        Assert.Equal(expected, (await new PostStore(Database.DataSource, TimeProvider.System).ListTopicsAsync(Ct)).Select(t => t.Name));
        Assert.Equal(expected, (await new MemberStore(Database.DataSource, TestChannels.Eligibility(), TimeProvider.System).TopicsAsync(Ct)).Select(t => t.Name));
    }
}
