using Dapper;
using Outreach.Content.Alerts;
using Outreach.Content.Contacts;
using Outreach.Content.Inbox;
using Outreach.Testing;

namespace Outreach.Content.Tests.Alerts;

public sealed class CrisisAlertStoreTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 6, 1, 5, 0, 0, TimeSpan.Zero);
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task RecordAsync_SameEventTwice_OneAlert_ListedUntilAcknowledged()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new CrisisAlertStore(_database.DataSource);
        var assessment = new CrisisAssessment([CrisisCategory.Danger, CrisisCategory.Child], false);
        await new InboxStore(_database.DataSource, TimeProvider.System).AppendAsync(
            [new InboxEventDraft("webchat", "evt-1", "message", "local", "m1", Noon, "{\"text\":\"secret words\"}")], ct);
        await using (var connection = await _database.DataSource.OpenConnectionAsync(ct))
        {
            var eventId = await connection.ExecuteScalarAsync<long>("SELECT id FROM inbox_events WHERE platform_event_id = 'evt-1'");
            await using var tx = await connection.BeginTransactionAsync(ct);
            var contact = await new ContactStore(_database.DataSource).UpsertAsync(tx, "webchat", "local", "m1", Noon, ct);
            await store.RecordAsync(tx, contact.Id, "webchat", assessment, eventId, Noon, ct);
            await store.RecordAsync(tx, contact.Id, "webchat", assessment, eventId, Noon, ct);
            await tx.CommitAsync(ct);
        }

        var open = Assert.Single(await store.ListOpenAsync(ct));
        var acknowledged = await store.AcknowledgeAsync(open.Id, "lan", Noon.AddMinutes(5), ct);
        var again = await store.AcknowledgeAsync(open.Id, "mai", Noon.AddMinutes(6), ct);

        Assert.Equal("danger", open.Category);
        Assert.Equal(["danger", "child"], open.Categories);
        Assert.True(acknowledged);
        Assert.False(again);
        Assert.Empty(await store.ListOpenAsync(ct));
    }
}
