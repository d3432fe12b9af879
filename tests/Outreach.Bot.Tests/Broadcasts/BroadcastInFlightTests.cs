using Dapper;
using Outreach.Bot.Hosting;
using Outreach.Emulators.Messenger;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Broadcasts;

/// <summary>A broadcast to Messenger members through the emulator, paced slowly enough to act on it mid-flight.</summary>
public sealed class BroadcastInFlightTests(PostgresServer server) : IAsyncLifetime
{
    private const int Members = 120;
    private TestDatabase _database = null!;
    private MessengerEmulator _messenger = null!;
    private OutreachHost _host = null!;
    private StaffApiClient _editor = null!;
    private StaffApiClient _approver = null!;
    private long _communeId;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await server.CreateDatabaseAsync(ct);
        var seed = new Seed(_database);
        var province = await seed.UnitAsync(null, "tinh", "Tỉnh", ct);
        _communeId = (await seed.UnitAsync(province.Id, "xa", "Xã A", ct)).Id;
        await seed.StaffAsync("bientap", _communeId, "editor", ct);
        await seed.StaffAsync("duyet", province.Id, "approver", ct);
        await seed.ManyContactsAsync("messenger", Members, _communeId, "health", DateTimeOffset.UtcNow.AddHours(-1), "psid-", ct);
        _messenger = await MessengerEmulator.StartAsync(cancellationToken: ct);
        for (var i = 1; i <= Members; i++)
        {
            _messenger.UserInteracted($"psid-{i}");
        }

        var settings = new Dictionary<string, string?>(_messenger.GatewaySettings())
        {
            // 30 a second: the broadcast takes about four seconds, long enough to act on it mid-flight.
            ["Outreach:Broadcasts:RatePerSecond:messenger"] = "30",
            ["Outreach:Broadcasts:ChunkSize"] = "20",
            ["Outreach:Broadcasts:Concurrency"] = "3",
            ["Outreach:Broadcasts:WorkersPerBroadcast"] = "2",
        };
        _host = await TestHost.StartAsync(_database, settings, cancellationToken: ct);
        _editor = await StaffApiClient.SignInAsync(_host.BaseAddress, "bientap", ct: ct);
        _approver = await StaffApiClient.SignInAsync(_host.BaseAddress, "duyet", ct: ct);
    }

    public async ValueTask DisposeAsync()
    {
        _editor.Dispose();
        _approver.Dispose();
        await _host.DisposeAsync();
        await _messenger.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task PauseThenResume_SendingStopsWhilePausedAndEveryoneGetsItExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var broadcast = await StartAsync(ct);
        await WaitForAcceptedAsync(15, ct);

        var (paused, _) = await _approver.PostAsync($"/staff/api/broadcasts/{broadcast}/pause", null, ct);
        var atPause = await SettledCountAsync(ct);
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        var afterPause = Accepted();
        var (resumed, _) = await _approver.PostAsync($"/staff/api/broadcasts/{broadcast}/resume", null, ct);
        await BroadcastFlow.PollAsync(_database, $"SELECT count(*) FROM broadcasts WHERE id = {broadcast} AND status = 'completed'", n => n == 1, ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, paused);
        Assert.Equal(System.Net.HttpStatusCode.OK, resumed);
        Assert.True(atPause < Members, $"the broadcast had already finished ({atPause}) before the pause");
        Assert.Equal(atPause, afterPause);
        AssertEachOnce(Members);
        Assert.Equal(Members, await CountAsync("SELECT count(*) FROM deliveries WHERE status = 'sent'", ct));
    }

    [Fact]
    public async Task CancelMidFlight_NothingMoreIsSentAndTheRestIsCountedCancelled()
    {
        var ct = TestContext.Current.CancellationToken;
        var broadcast = await StartAsync(ct);
        await WaitForAcceptedAsync(15, ct);

        var (cancelled, _) = await _approver.PostAsync($"/staff/api/broadcasts/{broadcast}/cancel", null, ct);
        var atCancel = await SettledCountAsync(ct);
        await Task.Delay(TimeSpan.FromSeconds(1), ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, cancelled);
        Assert.Equal(atCancel, Accepted());
        AssertEachOnce(atCancel);
        var sent = await CountAsync("SELECT count(*) FROM deliveries WHERE status = 'sent'", ct);
        var cancelledRows = await CountAsync("SELECT count(*) FROM deliveries WHERE status = 'cancelled'", ct);
        Assert.Equal(atCancel, sent);
        Assert.Equal(Members, sent + cancelledRows);
        Assert.True(cancelledRows > 0);
    }

    [Fact]
    public async Task UnsubscribeMidFlight_MemberWhoOptsOutIsNotSent()
    {
        var ct = TestContext.Current.CancellationToken;
        var broadcast = await StartAsync(ct);
        await WaitForAcceptedAsync(10, ct);

        // The last members in sending order (chunks follow contact ids) opt out while the first are being sent.
        await using (var connection = await _database.DataSource.OpenConnectionAsync(ct))
        {
            await connection.ExecuteAsync(
                "UPDATE subscriptions SET opted_out_at = now() WHERE contact_id IN (SELECT id FROM contacts ORDER BY id DESC LIMIT 10)");
        }

        await BroadcastFlow.PollAsync(_database, $"SELECT count(*) FROM broadcasts WHERE id = {broadcast} AND status = 'completed'", n => n == 1, ct);

        var optedOut = (await QueryAsync<string>("SELECT platform_user_id FROM contacts ORDER BY id DESC LIMIT 10", ct)).ToHashSet();
        Assert.DoesNotContain(_messenger.Sends.Where(s => s.Accepted), s => optedOut.Contains(s.RecipientId ?? ""));
        Assert.Equal(10, await CountAsync("SELECT count(*) FROM deliveries WHERE skip_reason = 'unsubscribed'", ct));
        Assert.Equal(Members - 10, await CountAsync("SELECT count(*) FROM deliveries WHERE status = 'sent'", ct));
        AssertEachOnce(Members - 10);
    }

    private async Task<long> StartAsync(CancellationToken ct)
    {
        var post = await BroadcastFlow.SendNowAsync(_editor, _approver, _communeId, "messenger", ct);
        return await BroadcastFlow.BroadcastOfAsync(_database, post, ct);
    }

    private int Accepted() => _messenger.Sends.Count(s => s.Accepted);

    private async Task WaitForAcceptedAsync(int count, CancellationToken ct) =>
        await _messenger.WaitForSendAsync(_ => Accepted() >= count, TimeSpan.FromSeconds(30), ct);

    // After a pause or cancel, sends already handed to the platform finish: wait until the count stops moving.
    private async Task<int> SettledCountAsync(CancellationToken ct)
    {
        var last = -1;
        while (Accepted() != last)
        {
            last = Accepted();
            await Task.Delay(400, ct);
        }

        return last;
    }

    private void AssertEachOnce(int expected)
    {
        var recipients = _messenger.Sends.Where(s => s.Accepted).Select(s => s.RecipientId).ToList();
        Assert.Equal(expected, recipients.Count);
        Assert.Equal(recipients.Count, recipients.Distinct().Count());
    }

    private async Task<long> CountAsync(string sql, CancellationToken ct)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, cancellationToken: ct));
    }

    private async Task<List<T>> QueryAsync<T>(string sql, CancellationToken ct)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, cancellationToken: ct))).AsList();
    }
}
