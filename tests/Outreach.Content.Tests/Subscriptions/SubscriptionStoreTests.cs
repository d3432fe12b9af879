using Dapper;
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
    public async Task OptOutAll_MutesTopicsButNeverHotline()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var contact = await NewContactAsync(tx, ct);

        await _store.SubscribeAsync(tx, contact, "hotline", "test", Noon, ct);
        await _store.SubscribeAsync(tx, contact, "health", "test", Noon, ct);
        await _store.SubscribeAsync(tx, contact, "loan", "test", Noon, ct);
        var muted = await _store.OptOutAllAsync(tx, contact, Noon.AddMinutes(1), ct);

        Assert.Equal(2, muted);
        Assert.Equal(["hotline"], await _store.ActiveTopicsAsync(tx, contact, ct));
    }

    [Fact]
    public async Task Unsubscribe_Hotline_Refused_OtherTopic_Muted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var contact = await NewContactAsync(tx, ct);
        await _store.SubscribeAsync(tx, contact, "hotline", "test", Noon, ct);
        await _store.SubscribeAsync(tx, contact, "health", "test", Noon, ct);

        Assert.False(await _store.UnsubscribeAsync(tx, contact, "hotline", Noon.AddMinutes(1), ct));
        Assert.True(await _store.UnsubscribeAsync(tx, contact, "health", Noon.AddMinutes(1), ct));
        Assert.Equal(["hotline"], await _store.ActiveTopicsAsync(tx, contact, ct));
    }

    [Fact]
    public async Task Subscribe_AfterOptOut_ActiveAgain_UnknownTopic_False()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var contact = await NewContactAsync(tx, ct);
        await _store.SubscribeAsync(tx, contact, "loan", "test", Noon, ct);
        await _store.OptOutAllAsync(tx, contact, Noon.AddMinutes(1), ct);

        Assert.True(await _store.SubscribeAsync(tx, contact, "loan", "test", Noon.AddMinutes(2), ct));
        Assert.False(await _store.SubscribeAsync(tx, contact, "no-such-topic", "test", Noon.AddMinutes(2), ct));
        Assert.Equal(["loan"], await _store.ActiveTopicsAsync(tx, contact, ct));
    }

    private async Task<long> NewContactAsync(NpgsqlTransaction tx, CancellationToken ct) =>
        (await new ContactStore(_database.DataSource).UpsertAsync(tx, "webchat", "local", Guid.NewGuid().ToString("N"), Noon, ct)).Id;
}
