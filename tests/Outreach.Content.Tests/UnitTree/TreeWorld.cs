using Dapper;
using Microsoft.Extensions.Time.Testing;
using Outreach.Content.Audit;
using Outreach.Content.UnitTree;
using Outreach.Testing;

namespace Outreach.Content.Tests.UnitTree;

/// <summary>
/// A province (Đồng Nai) with two communes, a chi hội under commune A, and another province outside the admin's reach; the
/// province admin as the actor, the store on a fake clock.
/// </summary>
internal sealed class TreeWorld
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 3, 0, 0, TimeSpan.Zero);

    private TreeWorld(TestDatabase database)
    {
        Database = database;
        Clock = new FakeTimeProvider(Start);
        Store = new UnitTreeStore(database.DataSource, Clock);
        Audit = new AuditStore(database.DataSource);
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public UnitTreeStore Store { get; }

    public AuditStore Audit { get; }

    public UnitNode Province { get; private set; } = null!;

    public UnitNode CommuneA { get; private set; } = null!;

    public UnitNode CommuneB { get; private set; } = null!;

    public UnitNode ChiHoiA1 { get; private set; } = null!;

    public UnitNode OtherProvince { get; private set; } = null!;

    public UnitActor Admin { get; private set; } = null!;

    public long AdminId => Admin.StaffId;

    public static async Task<TreeWorld> CreateAsync(TestDatabase database, CancellationToken ct)
    {
        var world = new TreeWorld(database);
        var seed = new Seed(database);
        var province = await seed.Units.CreateAsync(null, "tinh", "Hội LHPN tỉnh Đồng Nai", "75", ct);
        var other = await seed.Units.CreateAsync(null, "tinh", "Hội LHPN tỉnh Bắc Ninh", "24", ct);
        var admin = await seed.StaffAsync("tinh.quantri", province.Id, "admin", ct);
        world.Admin = new UnitActor(admin.Id, province.Id);
        world.Province = (await world.Store.FindAsync(province.Id, province.Id, ct))!;
        world.OtherProvince = (await world.Store.FindAsync(other.Id, other.Id, ct))!;
        world.CommuneA = await world.CreateAsync(province.Id, "xa", "Phường Đồng Xoài", "25210", ct);
        world.CommuneB = await world.CreateAsync(province.Id, "xa", "Phường Bình Phước", "25217", ct);
        world.ChiHoiA1 = await world.CreateAsync(world.CommuneA.Id, "chi_hoi", "Chi hội khu phố 1", "25210-kp1", ct);
        return world;
    }

    public async Task<UnitNode> CreateAsync(long parentId, string level, string name, string? code, CancellationToken ct)
    {
        var outcome = await Store.CreateAsync(Admin, parentId, level, name, code, ct);
        Assert.True(outcome.IsDone, outcome.Error);
        return outcome.Unit!;
    }

    public async Task<UnitNode> ReloadAsync(UnitNode unit, CancellationToken ct) => (await Store.FindAsync(unit.Id, unit.Id, ct))!;

    public async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, args))!;
    }
}
