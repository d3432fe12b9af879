using Microsoft.Extensions.DependencyInjection;
using Outreach.Bot.Hosting;
using Outreach.Content.OrgUnits;
using Outreach.Content.Stats;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff;

/// <summary>
/// A gateway with a province and two communes, staff at each level, webchat members who received two broadcasts in 2026
/// (with receipts, clicks and replies), and the roll-ups brought up to date.
/// </summary>
public sealed class ReachApiFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset March = new(2026, 3, 10, 3, 0, 0, TimeSpan.Zero);
    private readonly PostgresServer _server;

    public ReachApiFixture(PostgresServer server) => _server = server;

    public TestDatabase Database { get; private set; } = null!;

    public OutreachHost Host { get; private set; } = null!;

    public OrgUnit Province { get; private set; } = null!;

    public OrgUnit CommuneA { get; private set; } = null!;

    public OrgUnit CommuneB { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Database = await _server.CreateDatabaseAsync(ct);
        var seed = new Seed(Database);
        Province = await seed.UnitAsync(null, "tinh", "Hội LHPN tỉnh", ct);
        CommuneA = await seed.UnitAsync(Province.Id, "xa", "Hội LHPN xã Tân Lập", ct);
        CommuneB = await seed.UnitAsync(Province.Id, "xa", "Hội LHPN phường Tân Phú", ct);
        var author = await seed.StaffAsync("quantri.tinh", Province.Id, "admin", ct);
        await seed.StaffAsync("duyet.tinh", Province.Id, "approver", ct);
        await seed.StaffAsync("duyet.a", CommuneA.Id, "approver", ct);
        await seed.StaffAsync("xem.a", CommuneA.Id, "viewer", ct);
        await seed.StaffAsync("bientap.b", CommuneB.Id, "editor", ct);
        var a = new List<long>();
        var b = new List<long>();
        for (var i = 0; i < 8; i++)
        {
            a.Add(await seed.ContactAsync("webchat", $"a-{i}", CommuneA.Id, TimeSpan.FromHours(1), March, ["health"], ct: ct));
        }

        for (var i = 0; i < 5; i++)
        {
            b.Add(await seed.ContactAsync("webchat", $"b-{i}", CommuneB.Id, TimeSpan.FromHours(1), March, ["health"], ct: ct));
        }

        var reach = new ReachSeed(Database);
        var first = await reach.BroadcastAsync(Province.Id, author.Id, "health", March, title: "Khám sàng lọc miễn phí", ct: ct);
        await reach.SendAsync(first, a.Concat(b), March, ct);
        foreach (var c in a.Take(6).Concat(b.Take(2)))
        {
            await reach.ReceiptAsync(first, c, "read", March.AddHours(3), ct);
        }

        await reach.ClickAsync(first, a[0], March.AddHours(4), ct);
        await reach.ClickAsync(first, a[0], March.AddDays(1), ct);
        await reach.ReplyAsync(b[0], March.AddHours(5), ct);
        var second = await reach.BroadcastAsync(CommuneA.Id, author.Id, "violence", March.AddMonths(2), title: "Địa chỉ tin cậy", ct: ct);
        await reach.SendAsync(second, a, March.AddMonths(2), ct);
        await reach.ReceiptAsync(second, a[1], "delivered", March.AddMonths(2).AddMinutes(1), ct);

        Host = await TestHost.StartAsync(Database, new Dictionary<string, string?> { ["Outreach:Scheduler:RunServer"] = "false" }, cancellationToken: ct);
        await ReachSeed.RollUpAllAsync(Host.Services.GetRequiredService<ReachRollup>(), ct);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }

    public Task<StaffApiClient> SignInAsync(string username) => StaffApiClient.SignInAsync(Host.BaseAddress, username, ct: TestContext.Current.CancellationToken);
}
