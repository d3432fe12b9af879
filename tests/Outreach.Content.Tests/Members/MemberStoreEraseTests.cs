using Dapper;
using Microsoft.Extensions.Time.Testing;
using Outreach.Content.Audit;
using Outreach.Content.Members;
using Outreach.Content.Tests.UnitTree;
using Outreach.Testing;

namespace Outreach.Content.Tests.Members;

/// <summary>Erasing a member on her request: what goes, what stays (anonymous numbers), and who may.</summary>
public sealed class MemberStoreEraseTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = TreeWorld.Start;
    private TestDatabase _database = null!;
    private TreeWorld _world = null!;
    private MemberStore _members = null!;
    private long _hoa;
    private long _lan;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(Ct);
        _world = await TreeWorld.CreateAsync(_database, Ct);
        _members = new MemberStore(_database.DataSource, TestChannels.Eligibility(), new FakeTimeProvider(Now));
        _hoa = await _world.ContactAsync("messenger", "psid-hoa", _world.CommuneA.Id, Now.AddDays(-5), Now.AddHours(-1), "Nguyễn Thị Hoa", ["health"]);
        _lan = await _world.ContactAsync("messenger", "psid-lan", _world.CommuneA.Id, Now.AddDays(-5), Now.AddHours(-1), "Trần Thị Lan", ["health"]);
        var reach = new ReachSeed(_database);
        var broadcast = await reach.BroadcastAsync(_world.CommuneA.Id, _world.AdminId, "health", Now.AddDays(-2), ct: Ct);
        await reach.SendAsync(broadcast, [_hoa, _lan], Now.AddDays(-2), Ct);
        await ExecuteAsync(
            """
            INSERT INTO inbox_events (channel, platform_event_id, kind, account_id, sender_id, payload, status)
            SELECT 'messenger', 'mid-' || u || '-' || n, 'message', @account, u, jsonb_build_object('text', 'tin nhắn của ' || u), s
            FROM unnest(ARRAY['psid-hoa', 'psid-lan']) AS u, (VALUES (1, 'done'), (2, 'pending')) AS x(n, s);
            INSERT INTO outbound_messages (channel, account_id, recipient_id, contact_id, body, status)
            SELECT 'messenger', @account, c.platform_user_id, c.id, '{"text": "Chào chị Hoa"}', st
            FROM contacts c, unnest(ARRAY['sent', 'pending']) AS st WHERE c.id IN (@hoa, @lan);
            INSERT INTO handoffs (contact_id, reason, requested_at) VALUES (@hoa, 'member', @now);
            INSERT INTO dialog_states (contact_id, dialog, step, updated_at) VALUES (@hoa, 'dang_ky', 'hoi_xa', @now);
            """,
            new { account = Seed.AccountFor("messenger"), hoa = _hoa, lan = _lan, now = Now });
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task EraseAsync_RemovesHerMessagesNameAndPlatformIdAndKeepsHerReachAsNumbers()
    {
        var reachBefore = await CountAsync("SELECT count(*) FROM reach_events WHERE contact_id = @id", _hoa);

        var outcome = await _members.EraseAsync(_world.AdminId, _world.Province.Id, _hoa, Ct);

        Assert.True(outcome.IsDone);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM inbox_events WHERE payload::text LIKE '%psid-hoa%' OR sender_id = 'psid-hoa'", _hoa));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM inbox_events WHERE status = 'pending' AND payload ? 'erased'", _hoa));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM outbound_messages WHERE contact_id = @id AND (body::text LIKE '%Hoa%' OR recipient_id = 'psid-hoa' OR status = 'pending')", _hoa));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM contacts WHERE id = @id AND (display_name IS NOT NULL OR platform_user_id LIKE 'psid%' OR status <> 'erased')", _hoa));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM subscriptions WHERE contact_id = @id", _hoa));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM dialog_states WHERE contact_id = @id", _hoa));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM handoffs WHERE contact_id = @id AND status <> 'closed'", _hoa));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM deliveries WHERE contact_id = @id AND platform_message_id IS NOT NULL", _hoa));
        Assert.Equal(reachBefore, await CountAsync("SELECT count(*) FROM reach_events WHERE contact_id = @id", _hoa));
        Assert.Equal(_world.CommuneA.Id, await CountAsync("SELECT org_unit_id FROM contacts WHERE id = @id", _hoa));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM member_transitions WHERE contact_id = @id AND to_unit_id IS NULL", _hoa));
    }

    [Fact]
    public async Task EraseAsync_LeavesOtherMembersAsTheyWere()
    {
        await _members.EraseAsync(_world.AdminId, _world.Province.Id, _hoa, Ct);

        Assert.Equal(2, await CountAsync("SELECT count(*) FROM inbox_events WHERE sender_id = 'psid-lan' AND payload ? 'text'", _lan));
        Assert.Equal(2, await CountAsync("SELECT count(*) FROM outbound_messages WHERE contact_id = @id AND recipient_id = 'psid-lan'", _lan));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM contacts WHERE id = @id AND display_name = 'Trần Thị Lan'", _lan));
    }

    [Fact]
    public async Task EraseAsync_IsAuditedWithoutHerName_AndOutsideTheScopeIsNotFound()
    {
        var outside = await _members.EraseAsync(_world.AdminId, _world.CommuneB.Id, _hoa, Ct);
        await _members.EraseAsync(_world.AdminId, _world.Province.Id, _hoa, Ct);
        var again = await _members.EraseAsync(_world.AdminId, _world.Province.Id, _hoa, Ct);

        Assert.Equal(MemberOutcomeStatus.NotFound, outside.Status);
        Assert.True(again.IsDone);
        var entry = Assert.Single(await new AuditStore(_database.DataSource).ListAsync(_world.Province.Id, null, _hoa, 10, Ct));
        Assert.Equal(AuditActions.MemberErased, entry.Action);
        Assert.DoesNotContain("Hoa", entry.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("psid", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EraseAsync_SheWritesAgainLater_SheIsANewMember()
    {
        await _members.EraseAsync(_world.AdminId, _world.Province.Id, _hoa, Ct);

        await using var connection = await _database.DataSource.OpenConnectionAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        var again = await new Outreach.Content.Contacts.ContactStore(_database.DataSource).UpsertAsync(
            transaction, "messenger", Seed.AccountFor("messenger"), "psid-hoa", Now.AddDays(1), Ct);
        await transaction.CommitAsync(Ct);

        Assert.NotEqual(_hoa, again.Id);
        Assert.Null(again.OrgUnitId);
    }

    private async Task<long> CountAsync(string sql, long id)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(Ct);
        return await connection.ExecuteScalarAsync<long>(sql, new { id });
    }

    private async Task ExecuteAsync(string sql, object args)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(Ct);
        await connection.ExecuteAsync(sql, args);
    }
}
