using Dapper;
using Npgsql;
using Outreach.Content.Broadcasts;
using Outreach.Scheduler.Sending;
using Outreach.Testing;

namespace Outreach.Scheduler.Tests.Broadcasting;

/// <summary>
/// The broadcast workers' statements on their own prepared data source (Outreach:Broadcasts:PrepareStatements): prepared on
/// their connection, planned per execution, the same outcomes, and a migration that changes a prepared statement's result type
/// costs one retried attempt, not the chunk.
/// </summary>
public sealed class DeliveryPreparedStatementsTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private TestDatabase _database = null!;
    private SendingDataSource _sending = null!;
    private DeliveryStore _store = null!;
    private long _broadcastId;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await server.CreateDatabaseAsync(ct);
        // One connection, so the statements prepared on it are the ones looked at.
        _sending = SendingDataSource.Prepared(new NpgsqlConnectionStringBuilder(_database.ConnectionString) { MaxPoolSize = 1 }.ConnectionString);
        _store = new DeliveryStore(_database.DataSource, _sending);
        _broadcastId = await new Seed(_database).SendingBroadcastAsync(10, 10, Now, ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _sending.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Prepared_ClaimsAndOutcomesArePreparedOnTheConnection_PlannedPerExecution_AndEveryRowIsSentOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var chunk = (await _store.ClaimChunkAsync(_broadcastId, Now, Lease, ct))!;

        var claimed = await SendAllAsync(chunk, ct);
        await _store.FinishChunkAsync(chunk, done: true, Now, ct);

        await using var connection = await _sending.DataSource.OpenConnectionAsync(ct);
        var planCacheMode = await connection.ExecuteScalarAsync<string>("SHOW plan_cache_mode");
        var prepared = (await connection.QueryAsync<string>("SELECT statement FROM pg_prepared_statements")).AsList();
        var counts = (await _store.CountAsync(_broadcastId, ct)).Select(c => (c.Status, c.Count));
        Assert.True(_sending.PreparesStatements);
        Assert.Equal("force_custom_plan", planCacheMode);
        Assert.Contains(prepared, s => s.Contains("INSERT INTO delivery_claims", StringComparison.Ordinal));
        Assert.Contains(prepared, s => s.Contains("INSERT INTO reach_events", StringComparison.Ordinal));
        Assert.Equal(10, claimed.Count);
        Assert.Equal(10, claimed.Distinct().Count());
        Assert.Equal([("sent", 10)], counts);
        // The application's own data source prepares nothing, as before.
        await using var ordinary = await _database.DataSource.OpenConnectionAsync(ct);
        Assert.Equal("auto", await ordinary.ExecuteScalarAsync<string>("SHOW plan_cache_mode"));
    }

    [Fact]
    public async Task Prepared_ConnectionsGoBackUnreset_TheWorkersStatementsLeaveNoSessionState_AnOpenTransactionIsRolledBack()
    {
        var ct = TestContext.Current.CancellationToken;
        var chunk = (await _store.ClaimChunkAsync(_broadcastId, Now, Lease, ct))!;
        await SendAsync(chunk, 3, ct);
        await SendAsync(chunk, 3, ct);
        await _store.RenewChunkAsync(chunk, Now + Lease, ct);

        // The pool's one connection: what the outcomes' and the renewal's set_config(…, true) set ended with their transactions.
        string synchronousCommitSource;
        await using (var connection = await _sending.DataSource.OpenConnectionAsync(ct))
        {
            synchronousCommitSource = (await connection.ExecuteScalarAsync<string>("SELECT source FROM pg_settings WHERE name = 'synchronous_commit'"))!;
            await connection.ExecuteAsync("SET application_name = 'probe'");
        }

        // Not reset on its way back to the pool (no RESET ALL ahead of the next statement: a transaction saved at every use)...
        string applicationName;
        await using (var connection = await _sending.DataSource.OpenConnectionAsync(ct))
        {
            applicationName = (await connection.ExecuteScalarAsync<string>("SHOW application_name"))!;
            var transaction = await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync("UPDATE broadcasts SET last_progress_at = @at WHERE id = @id", new { at = Now.AddDays(1), id = _broadcastId }, transaction);
        }

        // ...but a transaction left open is still rolled back.
        DateTimeOffset? progress;
        await using (var connection = await _sending.DataSource.OpenConnectionAsync(ct))
        {
            progress = await connection.ExecuteScalarAsync<DateTimeOffset?>("SELECT last_progress_at FROM broadcasts WHERE id = @id", new { id = _broadcastId });
        }

        Assert.NotEqual("session", synchronousCommitSource);
        Assert.Equal("probe", applicationName);
        Assert.NotEqual(Now.AddDays(1), progress);
    }

    [Fact]
    public async Task Prepared_AMigrationChangesTheClaimsResultType_OneAttemptFailsAsStale_TheRetryClaims()
    {
        var ct = TestContext.Current.CancellationToken;
        var chunk = (await _store.ClaimChunkAsync(_broadcastId, Now, Lease, ct))!;
        await SendAsync(chunk, 2, ct);
        await SendAsync(chunk, 2, ct); // prepared now (second use)

        // Another host's migration meanwhile: a column the claim returns changes type.
        await _database.DataSource.CreateCommand("ALTER TABLE contacts ALTER COLUMN platform_user_id TYPE varchar(400)").ExecuteNonQueryAsync(ct);
        var stale = await Assert.ThrowsAsync<PostgresException>(() => ClaimAsync(chunk, 2, ct));
        var retried = await TransientDatabaseRetry.Create(3, TimeProvider.System).ExecuteAsync(
            async token => await _store.ClaimRowsAsync(chunk, 2, "health", TestChannels.Eligibility(), Now, Now + Lease, token), ct);

        Assert.True(TransientDatabaseRetry.IsStalePreparedStatement(stale));
        Assert.Equal(2, retried.Count);
        Assert.False(TransientDatabaseRetry.IsStalePreparedStatement(new PostgresException("other", "ERROR", "ERROR", PostgresErrorCodes.FeatureNotSupported)));
    }

    private async Task<List<long>> SendAllAsync(ChunkClaim chunk, CancellationToken ct)
    {
        var all = new List<long>();
        while (await SendAsync(chunk, 3, ct) is { Count: > 0 } sent)
        {
            all.AddRange(sent);
        }

        return all;
    }

    private async Task<IReadOnlyList<long>> SendAsync(ChunkClaim chunk, int limit, CancellationToken ct)
    {
        var rows = await ClaimAsync(chunk, limit, ct);
        await _store.RecordAsync(chunk, rows.Select(r => new DeliveryResult(r.ContactId, DeliveryStatuses.Sent, PlatformMessageId: "m-" + r.ContactId)).ToList(), Now, ct);
        return rows.Select(r => r.ContactId).ToList();
    }

    private Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(ChunkClaim chunk, int limit, CancellationToken ct) =>
        _store.ClaimRowsAsync(chunk, limit, "health", TestChannels.Eligibility(), Now, Now + Lease, ct);
}
