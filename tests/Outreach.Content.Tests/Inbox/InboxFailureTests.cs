using Dapper;
using Microsoft.Extensions.Time.Testing;
using Outreach.Content.Inbox;
using Outreach.Testing;

namespace Outreach.Content.Tests.Inbox;

/// <summary>
/// A failed turn's record is written after its transaction rolled back, so the row is no longer locked: another worker may
/// have claimed and finished (or failed) the event meanwhile. The record applies only to the attempt that failed.
/// </summary>
public sealed class InboxFailureTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);
    private TestDatabase _database = null!;
    private InboxStore _inbox = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        _inbox = new InboxStore(_database.DataSource, new FakeTimeProvider(Now));
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task FailureOfAStaleAttempt_AfterAnotherWorkerFinishedTheEvent_LeavesItDone()
    {
        var ct = TestContext.Current.CancellationToken;
        await _inbox.AppendAsync([Draft("e1")], ct);
        var stale = await ClaimAndRollBackAsync(ct); // worker A's turn threw; its rollback released the row
        await ClaimAndCompleteAsync(ct);             // worker B claimed the event and finished it

        var recorded = await _inbox.RecordFailureAsync(stale, "System.TimeoutException", Now.AddSeconds(1), ct);

        Assert.False(recorded);
        Assert.Equal(("done", 1), await StatusAsync(stale.Id, ct));
    }

    [Fact]
    public async Task FailureOfAStaleAttempt_AfterAnotherWorkerRecordedItsOwnFailure_CountsOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await _inbox.AppendAsync([Draft("e1")], ct);
        var stale = await ClaimAndRollBackAsync(ct);
        var other = await ClaimAndRollBackAsync(ct);
        Assert.True(await _inbox.RecordFailureAsync(other, "System.InvalidOperationException", Now.AddSeconds(1), ct));

        var recorded = await _inbox.RecordFailureAsync(stale, "System.TimeoutException", null, ct);

        Assert.False(recorded);
        Assert.Equal(("pending", 1), await StatusAsync(stale.Id, ct));
    }

    [Fact]
    public async Task FailureOfTheCurrentAttempt_IsRecorded_AndTheLastOneGivesUp()
    {
        var ct = TestContext.Current.CancellationToken;
        await _inbox.AppendAsync([Draft("e1")], ct);
        var first = await ClaimAndRollBackAsync(ct);
        Assert.True(await _inbox.RecordFailureAsync(first, "System.TimeoutException", Now, ct));
        var second = await ClaimAndRollBackAsync(ct);

        Assert.True(await _inbox.RecordFailureAsync(second, "System.TimeoutException", null, ct));
        Assert.Equal(("failed", 2), await StatusAsync(first.Id, ct));
    }

    private async Task<InboxEvent> ClaimAndRollBackAsync(CancellationToken ct)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var claimed = await _inbox.ClaimNextAsync(transaction, ct);
        await transaction.RollbackAsync(ct);
        return claimed!;
    }

    private async Task ClaimAndCompleteAsync(CancellationToken ct)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var claimed = await _inbox.ClaimNextAsync(transaction, ct);
        await _inbox.CompleteAsync(transaction, claimed!.Id, "done", ct);
        await transaction.CommitAsync(ct);
    }

    private async Task<(string Status, int Attempts)> StatusAsync(long id, CancellationToken ct)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleAsync<(string, int)>(
            new CommandDefinition("SELECT status, attempts FROM inbox_events WHERE id = @id", new { id }, cancellationToken: ct));
    }

    private static InboxEventDraft Draft(string id) => new("webchat", id, "message", "local", "member", null, "{}");
}
