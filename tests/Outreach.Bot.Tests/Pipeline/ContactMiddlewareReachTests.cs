using Dapper;
using Outreach.Bot.Tests.Channels.Zalo;
using Outreach.Emulators.Zalo;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Pipeline;

public sealed class ContactMiddlewareReachTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ZaloEmulator _zalo = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await server.CreateDatabaseAsync(ct);
        _zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _zalo.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ZaloMembersWriteAndUnfollowAfterABroadcast_RepliedAndUnsubscribedAreCountedForIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var seed = new Seed(_database);
        var unit = await seed.UnitAsync(null, "tinh", "Tỉnh", ct);
        var author = await seed.StaffAsync("bientap", unit.Id, "editor", ct);
        var members = new List<long>();
        await using (var connection = await _database.DataSource.OpenConnectionAsync(ct))
        {
            foreach (var user in new[] { "m-1", "m-2", "m-3" })
            {
                members.Add(await connection.ExecuteScalarAsync<long>(
                    "INSERT INTO contacts (channel, account_id, platform_user_id, org_unit_id, last_inbound_at) VALUES ('zalo', @oa, @user, @unit, now()) RETURNING id",
                    new { oa = _zalo.Options.OaId, user, unit = unit.Id }));
                _zalo.RecordInteraction(user);
            }
        }

        var reach = new ReachSeed(_database);
        var broadcast = await reach.BroadcastAsync(unit.Id, author.Id, "health", DateTimeOffset.UtcNow.AddMinutes(-5), ct: ct);
        await reach.SendAsync(broadcast, members.Take(2), DateTimeOffset.UtcNow.AddMinutes(-5), ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, _zalo, ct, new Dictionary<string, string?> { ["Outreach:Scheduler:RunServer"] = "false" });
        var bodies = new ZaloWebhookBodies(_zalo);

        await _zalo.PostWebhookAsync(host.Webhook(), bodies.Text("m-1", "Em muốn hỏi thêm về lịch khám"), ct);
        await _zalo.PostWebhookAsync(host.Webhook(), bodies.Unfollow("m-2"), ct);
        await _zalo.PostWebhookAsync(host.Webhook(), bodies.Text("m-3", "Chào Hội"), ct);
        await ZaloTestGateway.EventuallyAsync(async () => await _database.ScalarAsync<long>("SELECT count(*) FROM inbox_events WHERE status = 'done'") == 3, ct);

        await using var check = await _database.DataSource.OpenConnectionAsync(ct);
        var events = (await check.QueryAsync<(string, long, long)>(
            "SELECT kind, contact_id, broadcast_id FROM reach_events WHERE kind IN ('replied', 'unsubscribed') ORDER BY kind")).ToList();
        Assert.Equal([("replied", members[0], broadcast), ("unsubscribed", members[1], broadcast)], events);
    }

    [Fact]
    public async Task ZaloMemberWritesStopAfterABroadcast_CountedAsUnsubscribedFromIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var seed = new Seed(_database);
        var unit = await seed.UnitAsync(null, "tinh", "Tỉnh", ct);
        var author = await seed.StaffAsync("bientap", unit.Id, "editor", ct);
        long member;
        await using (var connection = await _database.DataSource.OpenConnectionAsync(ct))
        {
            member = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO contacts (channel, account_id, platform_user_id, org_unit_id, last_inbound_at) VALUES ('zalo', @oa, 'm-stop', @unit, now()) RETURNING id",
                new { oa = _zalo.Options.OaId, unit = unit.Id });
            _zalo.RecordInteraction("m-stop");
        }

        var reach = new ReachSeed(_database);
        var broadcast = await reach.BroadcastAsync(unit.Id, author.Id, "health", DateTimeOffset.UtcNow.AddMinutes(-5), ct: ct);
        await reach.SendAsync(broadcast, [member], DateTimeOffset.UtcNow.AddMinutes(-5), ct);
        await using var host = await ZaloTestGateway.StartAsync(_database, _zalo, ct, new Dictionary<string, string?> { ["Outreach:Scheduler:RunServer"] = "false" });

        await _zalo.PostWebhookAsync(host.Webhook(), new ZaloWebhookBodies(_zalo).Text("m-stop", "dung"), ct);
        await ZaloTestGateway.EventuallyAsync(async () => await _database.ScalarAsync<long>("SELECT count(*) FROM inbox_events WHERE status = 'done'") == 1, ct);

        var unsubscribed = await _database.ScalarAsync<long>(
            $"SELECT count(*) FROM reach_events WHERE kind = 'unsubscribed' AND contact_id = {member} AND broadcast_id = {broadcast}");
        Assert.Equal(1, unsubscribed);
    }
}
