using Dapper;
using Npgsql;
using Outreach.Content.Broadcasts;
using Outreach.Testing;

namespace Outreach.Content.Tests.Stats;

/// <summary>
/// Migration 0205 replaced the per-row foreign keys of reach_events by checks once per statement (issue 17, as 0180 did for
/// deliveries): an event names an existing broadcast, member and unit, never changes them, and none of the three can be
/// deleted while events name it, not even by a delete racing an event not yet committed.
/// </summary>
public sealed class ReachEventReferencesTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);
    private TestDatabase _database = null!;
    private long _broadcastId;
    private long _member;
    private long _other;
    private long _unit;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await server.CreateDatabaseAsync(ct);
        var seed = new Seed(_database);
        var commune = await seed.UnitAsync(null, "xa", "Xã A", ct);
        _unit = commune.Id;
        var editor = await seed.StaffAsync("editor", commune.Id, "editor", ct);
        _member = await seed.ContactAsync("messenger", "m1", commune.Id, TimeSpan.FromHours(1), Now, ["health"], "active", ct);
        _other = await seed.ContactAsync("messenger", "m2", commune.Id, TimeSpan.FromHours(1), Now, ["health"], "active", ct);
        _broadcastId = await new ReachSeed(_database).BroadcastAsync(commune.Id, editor.Id, "health", Now, ct: ct);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Insert_NamingAMemberBroadcastOrUnitThatDoesNotExist_IsRefusedWhole()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);

        var noMember = await Assert.ThrowsAsync<PostgresException>(() => InsertAsync(connection, _broadcastId, [_member, 987654321], _unit));
        var noBroadcast = await Assert.ThrowsAsync<PostgresException>(() => InsertAsync(connection, 987654321, [_member], _unit));
        var noUnit = await Assert.ThrowsAsync<PostgresException>(() => InsertAsync(connection, _broadcastId, [_member], 987654321));

        Assert.All([noMember, noBroadcast, noUnit], e => Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, e.SqlState));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*)::int FROM reach_events"));
        // An event without a unit (a member not placed yet) is allowed, as the nullable foreign key allowed it.
        Assert.Equal(2, await InsertAsync(connection, _broadcastId, [_member, _other], null));
    }

    [Fact]
    public async Task AnEventsMemberBroadcastOrUnit_NeverChanges()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        await InsertAsync(connection, _broadcastId, [_member], _unit);

        var moved = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            "UPDATE reach_events SET contact_id = @other WHERE contact_id = @member", new { other = _other, member = _member }));
        var unit = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            "UPDATE reach_events SET org_unit_id = NULL WHERE contact_id = @member", new { member = _member }));

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, moved.SqlState);
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, unit.SqlState);
    }

    [Fact]
    public async Task Delete_OfAMemberBroadcastOrUnitWithEvents_IsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        await InsertAsync(connection, _broadcastId, [_member], _unit);

        // No delivery names the member here: only 0205's guard stands in the way.
        var member = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("DELETE FROM contacts WHERE id = @member", new { member = _member }));
        var broadcast = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("DELETE FROM broadcasts WHERE id = @id", new { id = _broadcastId }));
        var unit = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("DELETE FROM org_units WHERE id = @unit", new { unit = _unit }));

        // The guard runs before the other tables' own checks (a BEFORE trigger): the refusal names reach_events.
        Assert.All([member, broadcast, unit], e => Assert.Contains("reach_events", e.MessageText, StringComparison.Ordinal));
        Assert.All([member, broadcast, unit], e => Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, e.SqlState));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*)::int FROM reach_events"));
    }

    [Fact]
    public async Task Delete_RacingAnEventNotYetCommitted_WaitsForItAndIsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var writer = await _database.DataSource.OpenConnectionAsync(ct);
        await using var write = await writer.BeginTransactionAsync(ct);
        await InsertAsync(writer, _broadcastId, [_other], _unit, write);

        await using var deleter = await _database.DataSource.OpenConnectionAsync(ct);
        var delete = deleter.ExecuteAsync("DELETE FROM contacts WHERE id = @other", new { other = _other });
        await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        Assert.False(delete.IsCompleted);
        await write.CommitAsync(ct);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => delete.WaitAsync(TimeSpan.FromSeconds(30), ct));
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, refused.SqlState);
        Assert.Equal(1, await writer.ExecuteScalarAsync<int>("SELECT count(*)::int FROM reach_events"));
    }

    private static Task<int> InsertAsync(NpgsqlConnection connection, long broadcastId, long[] contacts, long? unit, NpgsqlTransaction? transaction = null) =>
        connection.ExecuteAsync(
            """
            INSERT INTO reach_events (kind, broadcast_id, contact_id, org_unit_id, channel, at)
            SELECT 'sent', @broadcastId, id, @unit, 'messenger', @Now FROM unnest(@contacts) AS id
            """,
            new { broadcastId, contacts, unit, Now },
            transaction);
}
