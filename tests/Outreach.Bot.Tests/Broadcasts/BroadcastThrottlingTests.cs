using Dapper;
using Outreach.Bot.Hosting;
using Outreach.Bot.Tests.Channels.Zalo;
using Outreach.Emulators.Messenger;
using Outreach.Emulators.Zalo;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Broadcasts;

/// <summary>
/// Issue 11.7: a platform's rate limit that asks for a wait (Meta 80006/613, Zalo -32) defers the account's remaining
/// deliveries past it, and the broadcast goes on by itself when the wait ends: nobody is failed, and the platform is not asked
/// again and again meanwhile.
/// </summary>
public sealed class BroadcastThrottlingTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private long _communeId;
    private long _provinceId;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await server.CreateDatabaseAsync(ct);
        var seed = new Seed(_database);
        _provinceId = (await seed.UnitAsync(null, "tinh", "Tỉnh", ct)).Id;
        _communeId = (await seed.UnitAsync(_provinceId, "xa", "Xã A", ct)).Id;
        await seed.StaffAsync("bientap", _communeId, "editor", ct);
        await seed.StaffAsync("duyet", _provinceId, "approver", ct);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task MessengerPageRateLimit_TheRestWaitsPastItAndEveryoneIsSentOnceWithoutAStorm()
    {
        const int members = 40;
        var ct = TestContext.Current.CancellationToken;
        await new Seed(_database).ManyContactsAsync("messenger", members, _communeId, "health", DateTimeOffset.UtcNow.AddHours(-1), "psid-", ct);
        await using var messenger = await MessengerEmulator.StartAsync(cancellationToken: ct);
        for (var i = 1; i <= members; i++)
        {
            messenger.UserInteracted($"psid-{i}");
        }

        var settings = new Dictionary<string, string?>(messenger.GatewaySettings())
        {
            ["Outreach:Broadcasts:RatePerSecond:messenger"] = "20",
            ["Outreach:Broadcasts:ChunkSize"] = "10",
            ["Outreach:Broadcasts:Concurrency"] = "3",
            ["Outreach:Broadcasts:WorkersPerBroadcast"] = "2",
            ["Outreach:Broadcasts:RateLimitWaitInPlaceSeconds"] = "1",
            // Before issue 11.7 the four attempts were spaced at most a quarter lease apart (2 s here): all within the wait.
            ["Outreach:Broadcasts:LeaseSeconds"] = "8",
        };
        await using var host = await TestHost.StartAsync(_database, settings, cancellationToken: ct);
        messenger.ThrottlePage(TimeSpan.FromSeconds(10));

        var broadcast = await StartAsync(host, "messenger", ct);
        // While the Page is throttled the rows wait in the queue with the time they may go.
        await BroadcastFlow.PollAsync(_database, $"SELECT count(*) FROM deliveries WHERE broadcast_id = {broadcast} AND status = 'queued' AND not_before IS NOT NULL", n => n > 0, ct);
        await BroadcastFlow.PollAsync(_database, $"SELECT count(*) FROM broadcasts WHERE id = {broadcast} AND finished_at IS NOT NULL", n => n == 1, ct);

        Assert.Equal("completed", await _database.ScalarAsync<string>($"SELECT status FROM broadcasts WHERE id = {broadcast}"));
        Assert.Equal(members, await _database.ScalarAsync<long>($"SELECT count(*) FROM deliveries WHERE broadcast_id = {broadcast} AND status = 'sent'"));
        var accepted = messenger.Sends.Where(s => s.Accepted).Select(s => s.RecipientId).ToList();
        Assert.Equal(members, accepted.Count);
        Assert.Equal(members, accepted.Distinct().Count());
        // Each worker finds the limit once per wait (plus the sends already in flight), not once per member and attempt.
        Assert.InRange(messenger.ThrottledSends, 1, 2 * 3 * 2);
    }

    [Fact]
    public async Task ZaloMinuteLimit_RowsWaitForTheNextMinuteInsteadOfFailing()
    {
        const int members = 24;
        var ct = TestContext.Current.CancellationToken;
        await new Seed(_database).ManyContactsAsync("zalo", members, _communeId, "health", DateTimeOffset.UtcNow.AddHours(-1), "zu-", ct);
        await using var zalo = await ZaloEmulator.StartAsync(new ZaloEmulatorOptions { RequestsPerMinute = 10 }, ct);
        for (var i = 1; i <= members; i++)
        {
            zalo.Follow($"zu-{i}");
            zalo.RecordInteraction($"zu-{i}");
        }

        var settings = ZaloSettings(zalo);
        settings["Outreach:Zalo:RateLimitRetryAfterSeconds"] = "2";
        await using var host = await TestHost.StartAsync(_database, settings, cancellationToken: ct);

        var broadcast = await StartAsync(host, "zalo", ct);
        // Zalo's minute is on the emulator's clock: each time the rows wait out a -32, the next minute begins.
        var minutes = 0;
        while (await _database.ScalarAsync<long>($"SELECT count(*) FROM broadcasts WHERE id = {broadcast} AND finished_at IS NOT NULL") == 0)
        {
            await ZaloTestGateway.EventuallyAsync(
                async () => await _database.ScalarAsync<long>(
                    $"SELECT count(*) FROM deliveries WHERE broadcast_id = {broadcast} AND status = 'queued' AND not_before IS NOT NULL") > 0
                    || await _database.ScalarAsync<long>($"SELECT count(*) FROM broadcasts WHERE id = {broadcast} AND finished_at IS NOT NULL") > 0,
                ct);
            zalo.Clock.Advance(TimeSpan.FromSeconds(61));
            Assert.True(++minutes < 10, "the broadcast did not go on after the waits");
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
        }

        Assert.Equal("completed", await _database.ScalarAsync<string>($"SELECT status FROM broadcasts WHERE id = {broadcast}"));
        Assert.Equal(members, await _database.ScalarAsync<long>($"SELECT count(*) FROM deliveries WHERE broadcast_id = {broadcast} AND status = 'sent'"));
        Assert.Equal(members, zalo.Sent.Select(m => m.UserId).Distinct().Count());
        Assert.True(minutes >= 2, $"only {minutes} minute(s): the limit of 10 a minute was never reached");
    }

    /// <summary>
    /// Issue 17: a broadcast to a Page and an OA takes the accounts in turn across channels, so the OA does not wait until every
    /// Page member is handed out: it sends while the Page (held to its own rate) still has most of its members to go.
    /// </summary>
    [Fact]
    public async Task PageAndOa_TheOaSendsWhileThePageStillHasWork()
    {
        const int pageMembers = 60;
        const int oaMembers = 6;
        var ct = TestContext.Current.CancellationToken;
        var seed = new Seed(_database);
        await seed.ManyContactsAsync("messenger", pageMembers, _communeId, "health", DateTimeOffset.UtcNow.AddHours(-1), "psid-", ct);
        await seed.ManyContactsAsync("zalo", oaMembers, _communeId, "health", DateTimeOffset.UtcNow.AddHours(-1), "zm-", ct);
        await using var messenger = await MessengerEmulator.StartAsync(cancellationToken: ct);
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        for (var i = 1; i <= pageMembers; i++)
        {
            messenger.UserInteracted($"psid-{i}");
        }

        for (var i = 1; i <= oaMembers; i++)
        {
            zalo.Follow($"zm-{i}");
            zalo.RecordInteraction($"zm-{i}");
        }

        var settings = ZaloSettings(zalo);
        foreach (var (key, value) in messenger.GatewaySettings())
        {
            settings[key] = value;
        }

        // The Page sends at 10 a second: its 60 members take some 5 s, the OA's 6 none to speak of.
        settings["Outreach:Messenger:SendsPerSecondPerPage"] = "10";
        await using var host = await TestHost.StartAsync(_database, settings, cancellationToken: ct);

        var broadcast = await StartAsync(host, ["messenger", "zalo"], ct);
        await BroadcastFlow.PollAsync(_database, $"SELECT count(*) FROM broadcasts WHERE id = {broadcast} AND finished_at IS NOT NULL", n => n == 1, ct);

        Assert.Equal(pageMembers + oaMembers, await _database.ScalarAsync<long>($"SELECT count(*) FROM deliveries WHERE broadcast_id = {broadcast} AND status = 'sent'"));
        // When the OA's last member was sent, the Page still had most of its members to go (by channel, all 60 came first).
        var pageSentBefore = await _database.ScalarAsync<long>(
            $"SELECT count(*) FROM deliveries WHERE broadcast_id = {broadcast} AND channel = 'messenger' " +
            $"AND sent_at < (SELECT max(sent_at) FROM deliveries WHERE broadcast_id = {broadcast} AND channel = 'zalo')");
        Assert.True(pageSentBefore < pageMembers / 2, $"{pageSentBefore} of the Page's {pageMembers} members were sent before the OA's last");
    }

    /// <summary>
    /// Issue 17: a send beyond the channel's own rate (Outreach:Broadcasts:RatePerSecond) is put off to its turn instead of
    /// waiting for the permit in a send slot, so a Page in the same broadcast is not held to the OA channel's pace (before, every
    /// Zalo send waiting for the channel held one of the four slots, and the Page went at Zalo's 1 a second). The put-offs do
    /// not count: every member is sent, each on her first counted attempt.
    /// </summary>
    [Fact]
    public async Task ZaloChannelRate_OaRowsWaitForTheirTurnOutsideTheSendSlots_ThePageIsNotHeldToIt()
    {
        const int pageMembers = 40;
        const int oaMembers = 12;
        var ct = TestContext.Current.CancellationToken;
        var seed = new Seed(_database);
        await seed.ManyContactsAsync("messenger", pageMembers, _communeId, "health", DateTimeOffset.UtcNow.AddHours(-1), "psid-", ct);
        await seed.ManyContactsAsync("zalo", oaMembers, _communeId, "health", DateTimeOffset.UtcNow.AddHours(-1), "zr-", ct);
        await using var messenger = await MessengerEmulator.StartAsync(cancellationToken: ct);
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        for (var i = 1; i <= pageMembers; i++)
        {
            messenger.UserInteracted($"psid-{i}");
        }

        for (var i = 1; i <= oaMembers; i++)
        {
            zalo.Follow($"zr-{i}");
            zalo.RecordInteraction($"zr-{i}");
        }

        var settings = ZaloSettings(zalo);
        foreach (var (key, value) in messenger.GatewaySettings())
        {
            settings[key] = value;
        }

        // The whole Zalo channel at one send a second: the OA's 12 members take some 12 s, the Page's 40 a moment.
        settings["Outreach:Broadcasts:RatePerSecond:zalo"] = "1";
        await using var host = await TestHost.StartAsync(_database, settings, cancellationToken: ct);

        var broadcast = await StartAsync(host, ["messenger", "zalo"], ct);
        // While the channel is busy the OA's rows wait in the queue for their turn, marked as such.
        await BroadcastFlow.PollAsync(
            _database, $"SELECT count(*) FROM deliveries WHERE broadcast_id = {broadcast} AND status = 'queued' AND error_code = 'channel_rate' AND not_before IS NOT NULL",
            n => n > 0, ct);
        await BroadcastFlow.PollAsync(_database, $"SELECT count(*) FROM broadcasts WHERE id = {broadcast} AND finished_at IS NOT NULL", n => n == 1, ct);

        Assert.Equal("completed", await _database.ScalarAsync<string>($"SELECT status FROM broadcasts WHERE id = {broadcast}"));
        Assert.Equal(pageMembers + oaMembers, await _database.ScalarAsync<long>($"SELECT count(*) FROM deliveries WHERE broadcast_id = {broadcast} AND status = 'sent'"));
        Assert.Equal(oaMembers, zalo.Sent.Select(m => m.UserId).Distinct().Count());
        Assert.Equal(oaMembers, zalo.Sent.Count);
        // Put off any number of times, never counted: each was sent on her first counted claim.
        Assert.Equal(0, await _database.ScalarAsync<long>($"SELECT count(*) FROM deliveries WHERE broadcast_id = {broadcast} AND attempts <> 1"));
        // When the Page's last member was sent, most of the OA's were still waiting for their turn.
        var oaSentBefore = await _database.ScalarAsync<long>(
            $"SELECT count(*) FROM deliveries WHERE broadcast_id = {broadcast} AND channel = 'zalo' " +
            $"AND sent_at <= (SELECT max(sent_at) FROM deliveries WHERE broadcast_id = {broadcast} AND channel = 'messenger')");
        Assert.True(oaSentBefore <= oaMembers / 2, $"{oaSentBefore} of the OA's {oaMembers} members were sent before the Page's last");
    }

    /// <summary>
    /// Issue 17: a worker waiting in place for its broadcast's next chunk (an OA's next minute of calls) holds one of the broadcast
    /// server's Hangfire workers. With both taken so, another broadcast's planning and workers waited for them (up to a lease);
    /// now a waiting worker hands over when another job waits for a worker, and the second broadcast is sent while the first
    /// still waits for the OA's next minute.
    /// </summary>
    [Fact]
    public async Task WorkersWaitingForAnOasNextMinute_HandOverToAnotherBroadcast()
    {
        const int oaMembers = 12;
        const int pageMembers = 10;
        var ct = TestContext.Current.CancellationToken;
        var seed = new Seed(_database);
        await seed.ManyContactsAsync("zalo", oaMembers, _communeId, "health", DateTimeOffset.UtcNow.AddHours(-1), "zw-", ct);
        await seed.ManyContactsAsync("messenger", pageMembers, _communeId, "health", DateTimeOffset.UtcNow.AddHours(-1), "psid-", ct);
        await using var messenger = await MessengerEmulator.StartAsync(cancellationToken: ct);
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        for (var i = 1; i <= pageMembers; i++)
        {
            messenger.UserInteracted($"psid-{i}");
        }

        for (var i = 1; i <= oaMembers; i++)
        {
            zalo.Follow($"zw-{i}");
            zalo.RecordInteraction($"zw-{i}");
        }

        var settings = ZaloSettings(zalo);
        foreach (var (key, value) in messenger.GatewaySettings())
        {
            settings[key] = value;
        }

        // The OA may make 2 calls a minute on this host: the first broadcast sends 2 and waits a minute for the rest, within
        // its lease, so its two workers wait in place, and they are all the broadcast server has.
        settings["Outreach:Zalo:RequestsPerMinute"] = "2";
        settings["Outreach:Broadcasts:LeaseSeconds"] = "120";
        settings["Outreach:Scheduler:BroadcastWorkerCount"] = "2";
        // Two chunks (10 and 2 members), one for each worker.
        settings["Outreach:Broadcasts:ChunkSize"] = "10";
        await using var host = await TestHost.StartAsync(_database, settings, cancellationToken: ct);

        var first = await StartAsync(host, "zalo", ct);
        await BroadcastFlow.PollAsync(
            _database,
            $"SELECT count(*) FILTER (WHERE status = 'queued' AND not_before > now() + interval '20 seconds') + count(*) FILTER (WHERE status = 'sent') FROM deliveries WHERE broadcast_id = {first}",
            n => n == oaMembers, ct);
        var sentFirst = await _database.ScalarAsync<long>($"SELECT count(*) FROM deliveries WHERE broadcast_id = {first} AND status = 'sent'");
        Assert.InRange(sentFirst, 1, 2);
        await BroadcastFlow.PollAsync(
            _database, $"SELECT count(*) FROM broadcast_chunks WHERE broadcast_id = {first} AND status = 'pending' AND not_before IS NOT NULL", n => n > 0, ct);

        var second = await StartAsync(host, "messenger", ct);
        await BroadcastFlow.PollAsync(_database, $"SELECT count(*) FROM broadcasts WHERE id = {second} AND finished_at IS NOT NULL", n => n == 1, ct);

        Assert.Equal("completed", await _database.ScalarAsync<string>($"SELECT status FROM broadcasts WHERE id = {second}"));
        Assert.Equal(pageMembers, await _database.ScalarAsync<long>($"SELECT count(*) FROM deliveries WHERE broadcast_id = {second} AND status = 'sent'"));
        // The first broadcast still waits for the OA's next minute: nothing of it was lost or failed meanwhile.
        Assert.Equal("sending", await _database.ScalarAsync<string>($"SELECT status FROM broadcasts WHERE id = {first}"));
        Assert.Equal(oaMembers - sentFirst, await _database.ScalarAsync<long>(
            $"SELECT count(*) FROM deliveries WHERE broadcast_id = {first} AND status = 'queued' AND not_before > now()"));
        Assert.Equal(sentFirst, await _database.ScalarAsync<long>($"SELECT count(*) FROM deliveries WHERE broadcast_id = {first} AND status = 'sent'"));
    }

    /// <summary>Issue 11.6: a quota or billing error pauses the broadcast with the reason on its page; nobody is marked failed.</summary>
    [Theory]
    [InlineData(-321)]
    [InlineData(-211)]
    public async Task ZaloAccountOutOfMoneyOrQuota_TheBroadcastPausesWithTheReasonAndResumesWhenFixed(int code)
    {
        const int members = 12;
        var ct = TestContext.Current.CancellationToken;
        await new Seed(_database).ManyContactsAsync("zalo", members, _communeId, "health", DateTimeOffset.UtcNow.AddHours(-1), "zq-", ct);
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        for (var i = 1; i <= members; i++)
        {
            zalo.Follow($"zq-{i}");
            zalo.RecordInteraction($"zq-{i}");
        }

        zalo.LimitAccount(code);
        await using var host = await TestHost.StartAsync(_database, ZaloSettings(zalo), cancellationToken: ct);
        using var approver = await StaffApiClient.SignInAsync(host.BaseAddress, "duyet", ct: ct);

        var broadcast = await StartAsync(host, "zalo", ct);
        await BroadcastFlow.PollAsync(_database, $"SELECT count(*) FROM broadcasts WHERE id = {broadcast} AND status = 'paused'", n => n == 1, ct);

        Assert.Equal("quota_or_billing", await _database.ScalarAsync<string>($"SELECT pause_reason FROM broadcasts WHERE id = {broadcast}"));
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture),
            await _database.ScalarAsync<string>($"SELECT pause_detail FROM broadcasts WHERE id = {broadcast}"), StringComparison.Ordinal);
        Assert.Equal(0, await _database.ScalarAsync<long>($"SELECT count(*) FROM deliveries WHERE broadcast_id = {broadcast} AND status IN ('failed', 'unknown', 'skipped')"));
        Assert.Equal("quota_or_billing", await _database.ScalarAsync<string>("SELECT state FROM channel_health WHERE channel = 'zalo'"));
        // Not a retry storm: a handful of refused calls (those in flight when the first came back), not one per member.
        Assert.InRange(zalo.Received.Count(r => r.Path == ZaloEmulator.SendPath), 1, 8);

        using (var console = await Outreach.Bot.Tests.Staff.Console.ConsoleClient.SignInAsync(host.BaseAddress, "duyet"))
        {
            var page = (await console.GetAsync($"/staff/broadcasts/{broadcast}")).Text;
            Assert.Contains("data-pause-reason=\"quota_or_billing\"", page, StringComparison.Ordinal);
            Assert.Contains("Tự động tạm dừng", page, StringComparison.Ordinal);
            Assert.Contains("Zalo Cloud Account", page, StringComparison.Ordinal);
        }

        zalo.LiftAccountLimit();
        var (resumed, _) = await approver.PostAsync($"/staff/api/broadcasts/{broadcast}/resume", null, ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, resumed);
        await BroadcastFlow.PollAsync(_database, $"SELECT count(*) FROM broadcasts WHERE id = {broadcast} AND status = 'completed'", n => n == 1, ct);
        Assert.Equal(members, await _database.ScalarAsync<long>($"SELECT count(*) FROM deliveries WHERE broadcast_id = {broadcast} AND status = 'sent'"));
        Assert.Null(await _database.ScalarAsync<string?>($"SELECT pause_reason FROM broadcasts WHERE id = {broadcast}"));
    }

    private Dictionary<string, string?> ZaloSettings(ZaloEmulator zalo)
    {
        var settings = ZaloTestGateway.Settings(zalo);
        settings["Outreach:Broadcasts:ChunkSize"] = "10";
        settings["Outreach:Broadcasts:Concurrency"] = "2";
        settings["Outreach:Broadcasts:WorkersPerBroadcast"] = "2";
        settings["Outreach:Broadcasts:RateLimitWaitInPlaceSeconds"] = "1";
        // Any hour of the test run is inside Zalo's delivery hours.
        settings["Outreach:Broadcasts:ZaloFrom"] = "00:00";
        settings["Outreach:Broadcasts:ZaloUntil"] = "23:59";
        return settings;
    }

    private Task<long> StartAsync(OutreachHost host, string channel, CancellationToken ct) => StartAsync(host, [channel], ct);

    private async Task<long> StartAsync(OutreachHost host, string[] channels, CancellationToken ct)
    {
        using var editor = await StaffApiClient.SignInAsync(host.BaseAddress, "bientap", ct: ct);
        using var approver = await StaffApiClient.SignInAsync(host.BaseAddress, "duyet", ct: ct);
        // Planned by the Hangfire job the schedule registered (planning it here as well would make a second sending).
        var postId = await BroadcastFlow.SendNowAsync(editor, approver, _communeId, channels, ct);
        return await BroadcastFlow.BroadcastOfAsync(_database, postId, ct);
    }
}
