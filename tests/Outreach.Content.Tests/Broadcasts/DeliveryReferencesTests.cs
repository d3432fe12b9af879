using Dapper;
using Npgsql;
using Outreach.Content.Broadcasts;
using Outreach.Testing;

namespace Outreach.Content.Tests.Broadcasts;

/// <summary>
/// Migration 0180 replaced the per-row foreign keys of deliveries by checks once per statement (issue 17): the same
/// guarantees must hold — a delivery names an existing broadcast and member, never changes them, and neither can be deleted
/// while deliveries name it, not even by a delete racing a plan that has not committed yet.
/// </summary>
public sealed class DeliveryReferencesTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);
    private TestDatabase _database = null!;
    private long _broadcastId;
    private long _member;
    private long _other;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await server.CreateDatabaseAsync(ct);
        var seed = new Seed(_database);
        var commune = await seed.UnitAsync(null, "xa", "Xã A", ct);
        var editor = await seed.StaffAsync("editor", commune.Id, "editor", ct);
        _member = await seed.ContactAsync("messenger", "m1", commune.Id, TimeSpan.FromHours(1), Now, ["health"], "active", ct);
        _other = await seed.ContactAsync("messenger", "m2", commune.Id, TimeSpan.FromHours(1), Now, ["health"], "active", ct);
        _broadcastId = await new ReachSeed(_database).BroadcastAsync(commune.Id, editor.Id, "health", Now, ct: ct);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Insert_NamingAMemberOrBroadcastThatDoesNotExist_IsRefusedWhole()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);

        var noMember = await Assert.ThrowsAsync<PostgresException>(() => InsertAsync(connection, _broadcastId, [_member, 987654321]));
        var noBroadcast = await Assert.ThrowsAsync<PostgresException>(() => InsertAsync(connection, 987654321, [_member]));

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, noMember.SqlState);
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, noBroadcast.SqlState);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*)::int FROM deliveries"));
    }

    [Fact]
    public async Task ADeliverysMemberOrBroadcast_NeverChanges()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        await InsertAsync(connection, _broadcastId, [_member]);

        var moved = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            "UPDATE deliveries SET contact_id = @other WHERE contact_id = @member", new { other = _other, member = _member }));

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, moved.SqlState);
        Assert.Equal(1, await connection.ExecuteAsync("UPDATE deliveries SET status = 'sending' WHERE contact_id = @member", new { member = _member }));
    }

    [Fact]
    public async Task Delete_OfAMemberOrBroadcastWithDeliveries_IsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        await InsertAsync(connection, _broadcastId, [_member]);

        var member = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("DELETE FROM contacts WHERE id = @member", new { member = _member }));
        var broadcast = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("DELETE FROM broadcasts WHERE id = @id", new { id = _broadcastId }));
        var truncate = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("TRUNCATE contacts CASCADE"));

        Assert.All([member, broadcast, truncate], e => Assert.Equal(("deliveries", PostgresErrorCodes.ForeignKeyViolation), (e.MessageText.Contains("deliveries", StringComparison.Ordinal) ? "deliveries" : e.MessageText, e.SqlState)));
    }

    [Fact]
    public async Task Delete_RacingAPlanNotYetCommitted_WaitsForItAndIsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var planner = await _database.DataSource.OpenConnectionAsync(ct);
        await using var plan = await planner.BeginTransactionAsync(ct);
        await InsertAsync(planner, _broadcastId, [_member], plan);

        await using var deleter = await _database.DataSource.OpenConnectionAsync(ct);
        var delete = deleter.ExecuteAsync("DELETE FROM contacts WHERE id = @member", new { member = _member });
        await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        Assert.False(delete.IsCompleted);
        await plan.CommitAsync(ct);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => delete.WaitAsync(TimeSpan.FromSeconds(30), ct));
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, refused.SqlState);
        Assert.Equal(1, await planner.ExecuteScalarAsync<int>("SELECT count(*)::int FROM deliveries"));
    }

    private static Task<int> InsertAsync(NpgsqlConnection connection, long broadcastId, long[] contacts, NpgsqlTransaction? transaction = null) =>
        connection.ExecuteAsync(
            """
            INSERT INTO deliveries (broadcast_id, contact_id, channel, status, chunk_no, updated_at)
            SELECT @broadcastId, id, 'messenger', 'queued', 0, @Now FROM unnest(@contacts) AS id
            """,
            new { broadcastId, contacts, Now },
            transaction);
}
