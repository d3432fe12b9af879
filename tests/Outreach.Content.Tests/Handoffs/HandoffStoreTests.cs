using Outreach.Content.Contacts;
using Outreach.Content.Handoffs;
using Outreach.Testing;

namespace Outreach.Content.Tests.Handoffs;

public sealed class HandoffStoreTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 6, 1, 5, 0, 0, TimeSpan.Zero);
    private TestDatabase _database = null!;
    private HandoffStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        _store = new HandoffStore(_database.DataSource);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task RequestAsync_Twice_OneOpenHandoff()
    {
        var ct = TestContext.Current.CancellationToken;
        var (first, second) = await InTransactionAsync(async (tx, contact) =>
            (await _store.RequestAsync(tx, contact, HandoffReasons.Member, Noon, ct), await _store.RequestAsync(tx, contact, HandoffReasons.Crisis, Noon, ct)));

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Handoff.Id, second.Handoff.Id);
        Assert.Equal(HandoffStatuses.Requested, second.Handoff.Status);
    }

    [Fact]
    public async Task TakeAsync_TwoStaff_OnlyFirstGetsIt_ReleaseThenNewRequestAllowed()
    {
        var ct = TestContext.Current.CancellationToken;
        var requested = await InTransactionAsync((tx, contact) => _store.RequestAsync(tx, contact, HandoffReasons.Member, Noon, ct));
        var id = requested.Handoff.Id;

        var lan = await _store.TakeAsync(id, "lan", Noon.AddMinutes(1), ct);
        var mai = await _store.TakeAsync(id, "mai", Noon.AddMinutes(2), ct);
        var released = await _store.ReleaseAsync(id, "lan", Noon.AddMinutes(3), ct);
        var releasedAgain = await _store.ReleaseAsync(id, "lan", Noon.AddMinutes(4), ct);

        Assert.Equal(HandoffStatuses.Active, lan?.Status);
        Assert.Equal("lan", lan?.TakenBy);
        Assert.Null(mai);
        Assert.Equal(HandoffStatuses.Closed, released?.Status);
        Assert.Null(releasedAgain);
        Assert.DoesNotContain(await _store.ListOpenAsync(ct), h => h.Id == id);
    }

    private async Task<T> InTransactionAsync<T>(Func<Npgsql.NpgsqlTransaction, long, Task<T>> work)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var contact = await new ContactStore(_database.DataSource).UpsertAsync(tx, "webchat", "local", Guid.NewGuid().ToString("N"), Noon, ct);
        var result = await work(tx, contact.Id);
        await tx.CommitAsync(ct);
        return result;
    }
}
