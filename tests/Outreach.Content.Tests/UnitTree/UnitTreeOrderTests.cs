using Outreach.Content.OrgUnits;
using Outreach.Content.UnitTree;
using Outreach.Testing;

namespace Outreach.Content.Tests.UnitTree;

/// <summary>
/// Both stores the console's unit lists and pickers read (<see cref="UnitTreeStore.ListSubtreeAsync"/> and
/// <see cref="OrgUnitStore.GetSubtreeAsync"/>) give the tree depth first, siblings in Vietnamese order, on real PostgreSQL.
/// </summary>
public sealed class UnitTreeOrderTests(PostgresServer server) : TreeWorldTests(server)
{
    [Fact]
    public async Task Subtree_IsDepthFirst_SiblingsInVietnameseOrder_InBothStores()
    {
        var province = World.Province.Id;
        var hoanLao = await World.CreateAsync(province, "xa", "Xã Hoàn Lão", null, Ct);
        await World.CreateAsync(province, "xa", "Xã Hòa Trạch", null, Ct);
        await World.CreateAsync(province, "xa", "Xã Diên Sanh", null, Ct);
        var danHoa = await World.CreateAsync(province, "xa", "Xã Dân Hóa", null, Ct);
        await World.CreateAsync(province, "xa", "Xã Đakrông", null, Ct);
        await World.CreateAsync(province, "xa", "Xã Ea Súp", null, Ct);
        await World.CreateAsync(hoanLao.Id, "chi_hoi", "Chi hội Tổ dân phố 1", null, Ct);
        await World.CreateAsync(danHoa.Id, "chi_hoi", "Chi hội thôn Ba Nương", null, Ct);

        var listed = (await World.Store.ListSubtreeAsync(province, province, false, Ct)).Select(u => u.Name).ToList();
        var read = (await new OrgUnitStore(Database.DataSource).GetSubtreeAsync(province, Ct)).Select(u => u.Name).ToList();

        string[] expected =
        [
            "Hội LHPN tỉnh Đồng Nai",
            "Phường Bình Phước",
            "Phường Đồng Xoài",
            "Chi hội khu phố 1",
            "Xã Dân Hóa",
            "Chi hội thôn Ba Nương",
            "Xã Diên Sanh",
            "Xã Đakrông",
            "Xã Ea Súp",
            "Xã Hòa Trạch",
            "Xã Hoàn Lão",
            "Chi hội Tổ dân phố 1",
        ];
        Assert.Equal(expected, listed);
        Assert.Equal(expected, read);
    }
}
