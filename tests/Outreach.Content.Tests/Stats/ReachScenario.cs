using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Outreach.Content.OrgUnits;
using Outreach.Content.Stats;
using Outreach.Testing;

namespace Outreach.Content.Tests.Stats;

/// <summary>
/// A province with two communes (one with a chi hội), members on Messenger and Zalo, and three broadcasts whose receipts,
/// clicks and replies fall on different Vietnamese days, one across the 2026/2027 midnight, and one member who moves from
/// one commune to the other between broadcasts.
/// </summary>
internal sealed class ReachScenario
{
    public static readonly DateTimeOffset March = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);

    // 2026-12-31 17:30 UTC is 2027-01-01 00:30 in Vietnam.
    public static readonly DateTimeOffset NewYearsNight = new(2026, 12, 31, 17, 30, 0, TimeSpan.Zero);

    private ReachScenario(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public OrgUnit Province { get; private set; } = null!;

    public OrgUnit CommuneA { get; private set; } = null!;

    public OrgUnit CommuneB { get; private set; } = null!;

    public OrgUnit ChiHoiA1 { get; private set; } = null!;

    public long Author { get; private set; }

    public List<long> Broadcasts { get; } = [];

    public long Mover { get; private set; }

    public IReadOnlyList<OrgUnit> AllUnits => [Province, CommuneA, CommuneB, ChiHoiA1];

    public ReachRollup Rollup(int batchSize = 50_000) =>
        new(Database.DataSource, Options.Create(new ReachOptions { RollupBatchSize = batchSize, RollupMaxBatches = 10_000 }), new FakeTimeProvider(March));

    public ReachQuery Query() => new(Database.DataSource, Rollup());

    public ReportPeriodStore Periods() => new(Database.DataSource);

    public static async Task<ReachScenario> CreateAsync(TestDatabase database, CancellationToken ct)
    {
        var s = new ReachScenario(database);
        var seed = new Seed(database);
        s.Province = await seed.UnitAsync(null, "tinh", "Hội LHPN tỉnh Bình Phước", ct);
        s.CommuneA = await seed.UnitAsync(s.Province.Id, "xa", "Hội LHPN xã Tân Lập", ct);
        s.CommuneB = await seed.UnitAsync(s.Province.Id, "xa", "Hội LHPN phường Tân Phú", ct);
        s.ChiHoiA1 = await seed.UnitAsync(s.CommuneA.Id, "chi_hoi", "Chi hội ấp 1", ct);
        s.Author = (await seed.StaffAsync("tinh.bientap", s.Province.Id, "editor", ct)).Id;
        var a1 = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            a1.Add(await seed.ContactAsync("messenger", $"a1-{i}", s.ChiHoiA1.Id, TimeSpan.FromHours(1), March, ["health"], ct: ct));
        }

        var a = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            a.Add(await seed.ContactAsync("zalo", $"a-{i}", s.CommuneA.Id, TimeSpan.FromHours(1), March, ["health"], ct: ct));
        }

        var b = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            b.Add(await seed.ContactAsync(i < 2 ? "messenger" : "zalo", $"b-{i}", s.CommuneB.Id, TimeSpan.FromHours(1), March, ["health"], ct: ct));
        }

        s.Mover = a1[5];
        await s.PlayAsync(new ReachSeed(database), a1, a, b, ct);
        return s;
    }

    private async Task PlayAsync(ReachSeed reach, List<long> a1, List<long> a, List<long> b, CancellationToken ct)
    {
        var everyone = a1.Concat(a).Concat(b).ToList();

        // Broadcast 1 (health), March: read with and without a delivery receipt, repeated clicks, replies over two days.
        var first = await reach.BroadcastAsync(Province.Id, Author, "health", March, ct: ct);
        Broadcasts.Add(first);
        await reach.SendAsync(first, everyone, March, ct);
        foreach (var c in everyone.Take(9))
        {
            await reach.ReceiptAsync(first, c, "delivered", March.AddMinutes(5), ct);
        }

        foreach (var c in everyone.Take(4).Concat(everyone.Skip(10).Take(2)))
        {
            await reach.ReceiptAsync(first, c, "read", March.AddHours(20), ct);
        }

        await reach.ClickAsync(first, a1[0], March.AddHours(1), ct);
        await reach.ClickAsync(first, a1[0], March.AddDays(1), ct);
        await reach.ClickAsync(first, b[0], March.AddDays(2), ct);
        await reach.ReplyAsync(a1[1], March.AddHours(2), ct);
        await reach.ReplyAsync(a1[1], March.AddDays(1), ct);
        await reach.ReplyAsync(a[0], March.AddDays(3), ct);

        // Broadcast 2 (violence) to commune A only, in June.
        var june = March.AddMonths(3);
        var second = await reach.BroadcastAsync(CommuneA.Id, Author, "violence", june, ct: ct);
        Broadcasts.Add(second);
        await reach.SendAsync(second, a1.Concat(a), june, ct);
        await reach.ReceiptAsync(second, a[1], "read", june.AddHours(1), ct);
        await reach.ClickAsync(second, a1[5], june.AddHours(2), ct);

        // The mover goes to commune B; broadcast 3 (health) goes out at 00:30 on 1 January 2027, Vietnamese time.
        await reach.MoveContactAsync(Mover, CommuneB.Id, ct);
        var third = await reach.BroadcastAsync(Province.Id, Author, "health", NewYearsNight, ct: ct);
        Broadcasts.Add(third);
        await reach.SendAsync(third, everyone, NewYearsNight, ct);
        await reach.ReceiptAsync(third, Mover, "read", NewYearsNight.AddMinutes(10), ct);
        await reach.ReceiptAsync(third, b[3], "delivered", NewYearsNight.AddMinutes(-40), ct);
        await reach.ClickAsync(third, Mover, NewYearsNight.AddMinutes(20), ct);
        await reach.ClickAsync(third, b[0], NewYearsNight.AddMinutes(-45), ct);
        await reach.ReplyAsync(b[0], NewYearsNight.AddMinutes(30), ct);
    }
}
