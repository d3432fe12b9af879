using Dapper;
using Outreach.Content.Broadcasts;
using Outreach.Testing;

namespace Outreach.Content.Tests.Broadcasts;

public sealed class DeliveryStoreReachTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);
    private TestDatabase _database = null!;
    private ReachSeed _reach = null!;
    private long _broadcast;
    private List<long> _contacts = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await server.CreateDatabaseAsync(ct);
        var seed = new Seed(_database);
        var unit = await seed.UnitAsync(null, "tinh", "Tỉnh", ct);
        var author = await seed.StaffAsync("bientap", unit.Id, "editor", ct);
        _contacts = [];
        for (var i = 0; i < 3; i++)
        {
            _contacts.Add(await seed.ContactAsync("messenger", $"psid-{i}", unit.Id, TimeSpan.FromHours(1), Now, ["health"], ct: ct));
        }

        _reach = new ReachSeed(_database);
        _broadcast = await _reach.BroadcastAsync(unit.Id, author.Id, "health", Now, ct: ct);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task RecordAsync_OnlySentRowsGetASentEvent_WithTheDeliverysUnitAndChannel()
    {
        var ct = TestContext.Current.CancellationToken;
        var chunk = await _reach.ClaimedAsync(_broadcast, _contacts.ToArray(), Now, ct);

        await _reach.Deliveries.RecordAsync(
            chunk,
            [new(_contacts[0], "sent", PlatformMessageId: "m0"), new(_contacts[1], "skipped", "window_closed"), new(_contacts[2], "failed", ErrorCode: "x")],
            Now,
            ct);
        await _reach.Deliveries.RecordAsync(chunk, [new(_contacts[0], "sent", PlatformMessageId: "again")], Now.AddMinutes(1), ct);

        var events = await EventsAsync(ct);
        Assert.Equal([("sent", _contacts[0], "messenger", Now)], events.Select(e => (e.Kind, e.ContactId, e.Channel, e.At)));
    }

    [Fact]
    public async Task ApplyReceiptAsync_ReadWithoutADeliveryReceipt_CountsDeliveredAndReadOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await _reach.SendAsync(_broadcast, _contacts, Now, ct);

        var read = await _reach.ReceiptAsync(_broadcast, _contacts[0], "read", Now.AddMinutes(1), ct);
        var lateDelivery = await _reach.ReceiptAsync(_broadcast, _contacts[0], "delivered", Now.AddMinutes(2), ct);
        var delivered = await _reach.ReceiptAsync(_broadcast, _contacts[1], "delivered", Now.AddMinutes(3), ct);
        var thenRead = await _reach.ReceiptAsync(_broadcast, _contacts[1], "read", Now.AddMinutes(4), ct);
        var readAgain = await _reach.ReceiptAsync(_broadcast, _contacts[1], "read", Now.AddMinutes(5), ct);

        Assert.Equal((1, 0, 1, 1, 0), (read, lateDelivery, delivered, thenRead, readAgain));
        var receipts = (await EventsAsync(ct)).Where(e => e.Kind != "sent").Select(e => (e.Kind, e.ContactId)).Order().ToList();
        Assert.Equal([("delivered", _contacts[0]), ("delivered", _contacts[1]), ("read", _contacts[0]), ("read", _contacts[1])], receipts);
    }

    [Fact]
    public async Task ReplyAndOptOut_AttributedToTheLatestBroadcastWithinTheWindowOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        await _reach.SendAsync(_broadcast, _contacts.Take(2), Now, ct);

        var before = await _reach.ReplyAsync(_contacts[0], Now.AddMinutes(-1), ct);
        var within = await _reach.ReplyAsync(_contacts[0], Now.AddDays(6), ct);
        var tooLate = await _reach.ReplyAsync(_contacts[0], Now.AddDays(8), ct);
        var neverSent = await _reach.ReplyAsync(_contacts[2], Now.AddHours(1), ct);
        int optOut;
        await using (var connection = await _database.DataSource.OpenConnectionAsync(ct))
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            optOut = await _reach.Events.RecordUnsubscribedAsync(transaction, _contacts[1], Now.AddHours(2), ct);
            await transaction.CommitAsync(ct);
        }

        Assert.Equal((0, 1, 0, 0, 1), (before, within, tooLate, neverSent, optOut));
        var events = (await EventsAsync(ct)).Where(e => e.Kind != "sent").Select(e => (e.Kind, e.ContactId, e.At)).ToList();
        Assert.Equal([("replied", _contacts[0], Now.AddDays(6)), ("unsubscribed", _contacts[1], Now.AddHours(2))], events);
    }

    [Fact]
    public async Task RecordClickAsync_KnownDelivery_ReturnsThePostsLink_AndCountsOnlyWhenAsked()
    {
        var ct = TestContext.Current.CancellationToken;
        await _reach.SendAsync(_broadcast, _contacts.Take(1), Now, ct);

        var counted = await _reach.Events.RecordClickAsync(_broadcast, _contacts[0], count: true, Now, ct);
        var preview = await _reach.Events.RecordClickAsync(_broadcast, _contacts[0], count: false, Now, ct);
        var notSent = await _reach.Events.RecordClickAsync(_broadcast, _contacts[1], count: true, Now, ct);

        Assert.Equal("https://hoilhpn.example/bai-viet", counted);
        Assert.Equal("https://hoilhpn.example/bai-viet", preview);
        Assert.Null(notSent);
        Assert.Single(await EventsAsync(ct), e => e.Kind == "clicked");
    }

    [Fact]
    public async Task RecordClickAsync_WithAWindow_ReplaysInsideItCountOnce_AClickAfterItCountsAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        await _reach.SendAsync(_broadcast, _contacts.Take(1), Now, ct);
        var window = TimeSpan.FromMinutes(60);

        foreach (var minutes in new[] { 0, 1, 30, 59, 61, 62, 125 })
        {
            await _reach.Events.RecordClickAsync(_broadcast, _contacts[0], count: true, Now.AddMinutes(minutes), window, ct);
        }

        Assert.Equal([Now, Now.AddMinutes(61), Now.AddMinutes(125)], (await EventsAsync(ct)).Where(e => e.Kind == "clicked").Select(e => e.At));
    }

    private async Task<List<Event>> EventsAsync(CancellationToken ct)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<Event>(new CommandDefinition(
            "SELECT kind, contact_id AS contactid, channel, at FROM reach_events ORDER BY id", cancellationToken: ct))).AsList();
    }

    private sealed record Event(string Kind, long ContactId, string Channel, DateTimeOffset At);
}
