using Dapper;
using Outreach.Emulators.Messenger;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Hosting;

/// <summary>
/// Issue 15.14: a real <c>pg_ctl restart</c> of the database server while a broadcast is sending and members are writing.
/// Every message the gateway acknowledged is answered once; nobody gets the broadcast twice; the broadcast finishes by itself.
/// The test owns its cluster (a restart would disturb every other test on the shared one).
/// </summary>
public sealed class PostgresRestartTests
{
    private const int Members = 150;

    [Fact]
    public async Task ServerRestartedMidBroadcastAndMidIngest_NothingAcknowledgedLost_NobodyTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new PostgresServer();
        await server.InitializeAsync();
        Assert.SkipUnless(server.CanRestart, "OUTREACH_TEST_PG names a server this run cannot restart");
        await using var database = await server.CreateDatabaseAsync(ct);
        await using var messenger = await MessengerEmulator.StartAsync(cancellationToken: ct);
        var commune = await BroadcastFlow.MessengerAudienceAsync(database, messenger, Members, "pg-", ct);

        var settings = new Dictionary<string, string?>(messenger.GatewaySettings())
        {
            ["Outreach:Broadcasts:RatePerSecond:messenger"] = "30",
            ["Outreach:Broadcasts:ChunkSize"] = "20",
            ["Outreach:Broadcasts:Concurrency"] = "3",
            ["Outreach:Broadcasts:ClaimBatchSize"] = "6",
            ["Outreach:Broadcasts:WorkersPerBroadcast"] = "2",
            ["Outreach:Broadcasts:LeaseSeconds"] = "10",
        };
        TestHost.AtAnyHour(settings);
        await using var host = await TestHost.StartAsync(database, settings, cancellationToken: ct);
        using var editor = await StaffApiClient.SignInAsync(host.BaseAddress, "bientap", ct: ct);
        using var approver = await StaffApiClient.SignInAsync(host.BaseAddress, "duyet", ct: ct);
        var postId = await BroadcastFlow.SendNowAsync(editor, approver, commune, "messenger", ct);
        var broadcast = await BroadcastFlow.BroadcastOfAsync(database, postId, ct);
        await messenger.WaitForSendAsync(_ => messenger.Sends.Count(s => s.Accepted) >= 20, TimeSpan.FromSeconds(60), ct);

        // Members write before, during and after the restart.
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var chat = new WebChatClient(http);
        var acknowledged = new List<string>();
        var written = 0;
        async Task WriteAsync()
        {
            var member = $"chat-{written}";
            using var response = await chat.PostAsync(member, "cho em hỏi vay vốn", clientMessageId: $"m-{written}", cancellationToken: ct);
            if (response.IsSuccessStatusCode)
            {
                acknowledged.Add(member);
            }

            written++;
        }

        for (var i = 0; i < 10; i++)
        {
            await WriteAsync();
        }

        var atRestart = messenger.Sends.Count(s => s.Accepted);
        var restart = server.RestartAsync(ct);
        while (!restart.IsCompleted)
        {
            await WriteAsync();
            await Task.Delay(20, ct);
        }

        await restart;
        database.DataSource.Clear(); // the test's own idle sessions died with the server (the gateway's pools are its business)
        for (var i = 0; i < 10; i++)
        {
            await WriteAsync();
        }

        await BroadcastFlow.PollAsync(database, $"SELECT count(*) FROM broadcasts WHERE id = {broadcast} AND finished_at IS NOT NULL", n => n == 1, ct);
        foreach (var member in acknowledged)
        {
            await chat.WaitForRepliesAsync(member, 1, ct);
        }

        Assert.True(atRestart < Members, "the broadcast was over before the restart; nothing was tested");
        Assert.True(acknowledged.Count >= 20, $"only {acknowledged.Count} messages acknowledged around the restart");
        var accepted = messenger.Sends.Where(s => s.Accepted).Select(s => s.RecipientId!).ToList();
        Assert.Equal(accepted.Count, accepted.Distinct().Count());
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        var statuses = (await connection.QueryAsync<(string Psid, string Status)>(
            $"SELECT c.platform_user_id, d.status FROM deliveries d JOIN contacts c ON c.id = d.contact_id WHERE d.broadcast_id = {broadcast}")).ToList();
        Assert.All(statuses, r => Assert.Contains(r.Status, new[] { "sent", "unknown" }));
        Assert.Subset(accepted.ToHashSet(), statuses.Where(r => r.Status == "sent").Select(r => r.Psid).ToHashSet());
        Assert.True(statuses.Count(r => r.Status == "unknown") <= 2 * (6 + 3 * 3), "more unknown than claimed and in flight at the restart");
        var replies = (await connection.QueryAsync<(string Recipient, int Count)>(
            "SELECT recipient_id, count(*)::int FROM outbound_messages WHERE recipient_id LIKE 'chat-%' GROUP BY recipient_id")).ToList();
        Assert.Subset(replies.Select(r => r.Recipient).ToHashSet(), acknowledged.ToHashSet()); // every acknowledged message answered
        Assert.Single(replies.Select(r => r.Count).Distinct()); // each member answered the same way, nobody twice
    }
}
