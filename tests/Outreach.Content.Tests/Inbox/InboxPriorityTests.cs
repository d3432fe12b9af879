using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Outreach.Content.Inbox;
using Outreach.Testing;

namespace Outreach.Content.Tests.Inbox;

/// <summary>The priority lane: which event the turn workers claim next (order, not time).</summary>
public sealed class InboxPriorityTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private InboxStore _inbox = null!;
    private int _next;

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        _inbox = new InboxStore(_database.DataSource, new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 3, 0, 0, TimeSpan.Zero)));
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task UrgentEvent_ClaimedAheadOfTheBacklog_AfterItsMembersEarlierEventsOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        await _inbox.AppendAsync([Draft("her"), .. Enumerable.Range(0, 300).Select(i => Draft("member-" + (i % 60))), Draft("her")], ct);
        await _inbox.AppendAsync(Enumerable.Range(0, 200).Select(i => Draft("member-" + (i % 60))).ToList(), ct);
        var crisis = Draft("her", InboxPriorities.Urgent);
        await _inbox.AppendAsync([crisis], ct);

        var claimed = await ClaimAsync(4, ct);

        Assert.Equal(["her", "her", "her", "member-0"], claimed.Select(e => e.SenderId));
        Assert.Equal(crisis.PlatformEventId, claimed[2].PlatformEventId);
        Assert.True(claimed[0].Id < claimed[1].Id && claimed[1].Id < claimed[2].Id, "her messages keep their order");
    }

    [Fact]
    public async Task UrgentEventInABatch_RaisesHerEarlierEventOfTheSameBatch()
    {
        var ct = TestContext.Current.CancellationToken;
        await _inbox.AppendAsync(Enumerable.Range(0, 100).Select(i => Draft("member-" + (i % 10))).ToList(), ct);
        await _inbox.AppendAsync([Draft("her"), Draft("member-3"), Draft("her", InboxPriorities.Urgent)], ct);

        var claimed = await ClaimAsync(3, ct);

        Assert.Equal(["her", "her", "member-0"], claimed.Select(e => e.SenderId));
    }

    [Fact]
    public async Task NoUrgentEvent_OldestFirst()
    {
        var ct = TestContext.Current.CancellationToken;
        await _inbox.AppendAsync([Draft("a"), Draft("b"), Draft("a")], ct);

        var claimed = await ClaimAsync(3, ct);

        Assert.Equal(["a", "b", "a"], claimed.Select(e => e.SenderId));
    }

    // Claims and completes events one after another, as one turn worker does.
    private async Task<List<InboxEvent>> ClaimAsync(int count, CancellationToken ct)
    {
        var claimed = new List<InboxEvent>();
        for (var i = 0; i < count; i++)
        {
            await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var next = (await _inbox.ClaimNextAsync(transaction, ct))!;
            await _inbox.CompleteAsync(transaction, next.Id, "done", ct);
            await transaction.CommitAsync(ct);
            claimed.Add(next);
        }

        return claimed;
    }

    private InboxEventDraft Draft(string member, short priority = InboxPriorities.Normal) => new(
        "webchat", "e" + (_next++).ToString(CultureInfo.InvariantCulture), "message", "local", member, null, "{}", priority);
}
