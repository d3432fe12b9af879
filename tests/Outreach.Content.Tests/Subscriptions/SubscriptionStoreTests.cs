using Npgsql;
using Outreach.Content.Contacts;
using Outreach.Content.Subscriptions;
using Outreach.Testing;

namespace Outreach.Content.Tests.Subscriptions;

public sealed class SubscriptionStoreTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 6, 1, 5, 0, 0, TimeSpan.Zero);
    private readonly SubscriptionStore _store = new();
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public Task NewMember_GetsHotlineNewsWithoutSubscribing() => WithContactAsync(async (tx, contact, ct) =>
    {
        Assert.Empty(await _store.ActiveTopicsAsync(tx, contact, ct));
        Assert.Equal(["hotline"], await _store.ReceivedTopicsAsync(tx, contact, ct));
    });

    [Fact]
    public Task OptOutAll_MutesEverythingHotlineNewsIncluded() => WithContactAsync(async (tx, contact, ct) =>
    {
        await _store.SubscribeAsync(tx, contact, "health", "test", Noon, ct);
        await _store.SubscribeAsync(tx, contact, "loan", "test", Noon, ct);

        var muted = await _store.OptOutAllAsync(tx, contact, Noon.AddMinutes(1), ct);

        Assert.Equal(3, muted);
        Assert.Empty(await _store.ActiveTopicsAsync(tx, contact, ct));
        Assert.Empty(await _store.ReceivedTopicsAsync(tx, contact, ct));
        Assert.Equal(0, await _store.OptOutAllAsync(tx, contact, Noon.AddMinutes(2), ct));
    });

    [Fact]
    public Task Unsubscribe_HotlineOrOtherTopic_Muted_UnknownTopic_False() => WithContactAsync(async (tx, contact, ct) =>
    {
        await _store.SubscribeAsync(tx, contact, "health", "test", Noon, ct);

        Assert.True(await _store.UnsubscribeAsync(tx, contact, "hotline", Noon.AddMinutes(1), ct));
        Assert.True(await _store.UnsubscribeAsync(tx, contact, "health", Noon.AddMinutes(1), ct));
        Assert.False(await _store.UnsubscribeAsync(tx, contact, "no-such-topic", Noon.AddMinutes(1), ct));
        Assert.Empty(await _store.ReceivedTopicsAsync(tx, contact, ct));
    });

    [Fact]
    public Task Subscribe_AfterOptingOutOfHotline_HotlineNewsBack() => WithContactAsync(async (tx, contact, ct) =>
    {
        await _store.OptOutAllAsync(tx, contact, Noon, ct);

        await _store.SubscribeAsync(tx, contact, "hotline", "test", Noon.AddMinutes(1), ct);

        Assert.Equal(["hotline"], await _store.ReceivedTopicsAsync(tx, contact, ct));
    });

    [Fact]
    public Task Subscribe_AfterOptOut_ActiveAgain_UnknownTopic_False() => WithContactAsync(async (tx, contact, ct) =>
    {
        await _store.SubscribeAsync(tx, contact, "loan", "test", Noon, ct);
        await _store.OptOutAllAsync(tx, contact, Noon.AddMinutes(1), ct);

        Assert.True(await _store.SubscribeAsync(tx, contact, "loan", "test", Noon.AddMinutes(2), ct));
        Assert.False(await _store.SubscribeAsync(tx, contact, "no-such-topic", "test", Noon.AddMinutes(2), ct));
        Assert.Equal(["loan"], await _store.ActiveTopicsAsync(tx, contact, ct));
    });

    // A new contact in an open transaction, as a turn has.
    private async Task WithContactAsync(Func<NpgsqlTransaction, long, CancellationToken, Task> test)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var contact = await new ContactStore(_database.DataSource).UpsertAsync(tx, "webchat", "local", Guid.NewGuid().ToString("N"), Noon, ct);
        await test(tx, contact.Id, ct);
    }
}
