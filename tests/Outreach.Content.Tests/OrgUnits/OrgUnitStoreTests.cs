using Npgsql;
using Outreach.Content.OrgUnits;
using Outreach.Testing;

namespace Outreach.Content.Tests.OrgUnits;

public sealed class OrgUnitStoreTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private OrgUnitStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        _store = new OrgUnitStore(_database.DataSource);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task GetSubtreeAsync_Commune_ReturnsItAndEverythingBelowOnly()
    {
        var tree = await BuildTreeAsync();

        var subtree = await _store.GetSubtreeAsync(tree.CommuneA.Id, TestContext.Current.CancellationToken);

        Assert.Equal(
            new[] { tree.CommuneA.Id, tree.ChiHoiA1.Id, tree.ChiHoiA2.Id, tree.ToA1.Id }.Order(),
            subtree.Select(u => u.Id).Order());
        Assert.Equal(tree.CommuneA.Id, subtree[0].Id);
    }

    [Fact]
    public async Task GetSubtreeAsync_Province_IncludesCommunesWithAndWithoutDistrict()
    {
        var tree = await BuildTreeAsync();

        var subtree = await _store.GetSubtreeAsync(tree.Province.Id, TestContext.Current.CancellationToken);

        Assert.Equal(tree.All.Count, subtree.Count);
        Assert.Contains(subtree, u => u.Id == tree.CommuneB.Id && u.Depth == 2);
        Assert.Contains(subtree, u => u.Id == tree.CommuneA.Id && u.Depth == 1);
        Assert.DoesNotContain(subtree, u => u.Id == tree.OtherProvince.Id);
    }

    [Fact]
    public async Task GetSubtreeAsync_UnitWhoseIdIsPrefixOfAnother_DoesNotLeakSiblings()
    {
        // Ids 1 and 10..19 share a textual prefix; the path separator must keep them apart.
        var ct = TestContext.Current.CancellationToken;
        var root = await _store.CreateAsync(null, "tinh", "Tỉnh gốc", null, ct);
        var units = new List<OrgUnit>();
        for (var i = 0; i < 12; i++)
        {
            units.Add(await _store.CreateAsync(root.Id, "xa", $"Xã {i}", null, ct));
        }

        var first = units[0];
        var subtree = await _store.GetSubtreeAsync(first.Id, ct);

        Assert.Single(subtree);
    }

    [Fact]
    public async Task GetAncestryAsync_Tổ_ReturnsChainFromProvince()
    {
        var tree = await BuildTreeAsync();

        var chain = await _store.GetAncestryAsync(tree.ToA1.Id, TestContext.Current.CancellationToken);

        Assert.Equal(new[] { tree.Province.Id, tree.CommuneA.Id, tree.ChiHoiA1.Id, tree.ToA1.Id }, chain.Select(u => u.Id));
    }

    [Fact]
    public async Task IsWithinAsync_ScopesToDescendantsOnly()
    {
        var tree = await BuildTreeAsync();
        var ct = TestContext.Current.CancellationToken;

        Assert.True(await _store.IsWithinAsync(tree.ToA1.Id, tree.CommuneA.Id, ct));
        Assert.True(await _store.IsWithinAsync(tree.CommuneA.Id, tree.CommuneA.Id, ct));
        Assert.False(await _store.IsWithinAsync(tree.CommuneA.Id, tree.ToA1.Id, ct));
        Assert.False(await _store.IsWithinAsync(tree.ChiHoiB1.Id, tree.CommuneA.Id, ct));
    }

    [Fact]
    public async Task MoveAsync_CommuneToAnotherDistrict_DescendantsFollow()
    {
        var tree = await BuildTreeAsync();
        var ct = TestContext.Current.CancellationToken;

        await _store.MoveAsync(tree.CommuneA.Id, tree.District.Id, ct);

        var districtTree = await _store.GetSubtreeAsync(tree.District.Id, ct);
        Assert.Contains(districtTree, u => u.Id == tree.ToA1.Id && u.Depth == 4);
        var to = await _store.FindAsync(tree.ToA1.Id, ct);
        Assert.Equal($"/{tree.Province.Id}/{tree.District.Id}/{tree.CommuneA.Id}/{tree.ChiHoiA1.Id}/{tree.ToA1.Id}/", to!.Path);
    }

    [Fact]
    public async Task MoveAsync_UnderOwnDescendant_IsRejected()
    {
        var tree = await BuildTreeAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(
            () => _store.MoveAsync(tree.CommuneA.Id, tree.ChiHoiA1.Id, TestContext.Current.CancellationToken));

        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
    }

    [Fact]
    public async Task CreateAsync_HigherLevelUnderLowerLevel_IsRejected()
    {
        var tree = await BuildTreeAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(
            () => _store.CreateAsync(tree.ToA1.Id, "chi_hoi", "Chi hội sai chỗ", null, TestContext.Current.CancellationToken));

        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
    }

    private async Task<Tree> BuildTreeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var province = await _store.CreateAsync(null, "tinh", "Hội LHPN tỉnh Đồng Nai", "75", ct);
        var communeA = await _store.CreateAsync(province.Id, "xa", "Hội LHPN xã Tân Phú", null, ct);
        var chiHoiA1 = await _store.CreateAsync(communeA.Id, "chi_hoi", "Chi hội ấp 1", null, ct);
        var chiHoiA2 = await _store.CreateAsync(communeA.Id, "chi_hoi", "Chi hội ấp 2", null, ct);
        var toA1 = await _store.CreateAsync(chiHoiA1.Id, "to", "Tổ phụ nữ số 1", null, ct);
        var district = await _store.CreateAsync(province.Id, "huyen", "Hội LHPN huyện cũ", null, ct);
        var communeB = await _store.CreateAsync(district.Id, "xa", "Hội LHPN xã Lộc Ninh", null, ct);
        var chiHoiB1 = await _store.CreateAsync(communeB.Id, "chi_hoi", "Chi hội ấp 3", null, ct);
        var otherProvince = await _store.CreateAsync(null, "tinh", "Hội LHPN tỉnh Bắc Ninh", "27", ct);
        return new Tree(province, communeA, chiHoiA1, chiHoiA2, toA1, district, communeB, chiHoiB1, otherProvince);
    }

    private sealed record Tree(
        OrgUnit Province, OrgUnit CommuneA, OrgUnit ChiHoiA1, OrgUnit ChiHoiA2, OrgUnit ToA1,
        OrgUnit District, OrgUnit CommuneB, OrgUnit ChiHoiB1, OrgUnit OtherProvince)
    {
        public IReadOnlyList<OrgUnit> All => [Province, CommuneA, ChiHoiA1, ChiHoiA2, ToA1, District, CommuneB, ChiHoiB1];
    }
}
