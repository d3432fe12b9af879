using Dapper;
using Outreach.Bot.Hosting;
using Outreach.Content.OrgUnits;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Units;

/// <summary>
/// A province (Lai Châu, code <c>lai-chau</c>) with its admin, editor and viewer, another province with its own admin, and
/// the real gateway: what the units and members API tests sign into. One database and host per test (they change the tree).
/// </summary>
internal sealed class UnitsWorld : IAsyncDisposable
{
    private UnitsWorld(TestDatabase database, OutreachHost host, OrgUnit province, OrgUnit other)
    {
        Database = database;
        Host = host;
        Province = province;
        Other = other;
    }

    public TestDatabase Database { get; }

    public OutreachHost Host { get; }

    public OrgUnit Province { get; }

    public OrgUnit Other { get; }

    public Seed Seed => new(Database);

    public static async Task<UnitsWorld> StartAsync(PostgresServer server, IDictionary<string, string?>? settings = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await server.CreateDatabaseAsync(ct);
        var seed = new Seed(database);
        var province = await seed.Units.CreateAsync(null, "tinh", "Hội LHPN tỉnh Lai Châu", "lai-chau", ct);
        var other = await seed.Units.CreateAsync(null, "tinh", "Hội LHPN tỉnh Điện Biên", "dien-bien", ct);
        await seed.StaffAsync("quantri.tinh", province.Id, "admin", ct);
        await seed.StaffAsync("bientap.tinh", province.Id, "editor", ct);
        await seed.StaffAsync("xem.tinh", province.Id, "viewer", ct);
        await seed.StaffAsync("quantri.khac", other.Id, "admin", ct);
        var values = new Dictionary<string, string?> { ["Outreach:Scheduler:RunServer"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var host = await TestHost.StartAsync(database, values, cancellationToken: ct);
        return new UnitsWorld(database, host, province, other);
    }

    public Task<StaffApiClient> SignInAsync(string username) =>
        StaffApiClient.SignInAsync(Host.BaseAddress, username, ct: TestContext.Current.CancellationToken);

    public async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return (await connection.ExecuteScalarAsync<T>(sql, args))!;
    }

    public async Task ExecuteAsync(string sql, object? args = null)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await connection.ExecuteAsync(sql, args);
    }

    /// <summary>The id of the unit with this code.</summary>
    public Task<long> UnitIdAsync(string code) => ScalarAsync<long>("SELECT id FROM org_units WHERE code = @code", new { code });

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}
