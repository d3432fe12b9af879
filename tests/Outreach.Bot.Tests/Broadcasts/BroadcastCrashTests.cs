using System.Net;
using Dapper;
using Outreach.Emulators.Messenger;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Broadcasts;

/// <summary>kill -9 of the host mid-broadcast, then a restart: nobody gets the post twice and nobody eligible is forgotten.</summary>
public sealed class BroadcastCrashTests(PostgresServer server)
{
    private const int Members = 300;

    [Fact]
    public async Task HostKilledMidBroadcast_RestartedHostFinishesWithoutDuplicates()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync(ct);
        await using var messenger = await MessengerEmulator.StartAsync(cancellationToken: ct);
        var commune = await BroadcastFlow.MessengerAudienceAsync(database, messenger, Members, "psid-", ct);

        var settings = new Dictionary<string, string?>(messenger.GatewaySettings())
        {
            ["ConnectionStrings:Outreach"] = database.ConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Outreach:Broadcasts:RatePerSecond:messenger"] = "60",
            ["Outreach:Broadcasts:ChunkSize"] = "25",
            ["Outreach:Broadcasts:Concurrency"] = "5",
            ["Outreach:Broadcasts:ClaimBatchSize"] = "20",
            ["Outreach:Broadcasts:WorkersPerBroadcast"] = "2",
            ["Outreach:Broadcasts:LeaseSeconds"] = "3",
            ["Outreach:Scheduler:SchedulePollingIntervalMs"] = "300",
            ["Outreach:Scheduler:QueuePollIntervalMs"] = "200",
        };
        TestHost.AtAnyHour(settings);

        // Act 1: a separate gateway process starts the broadcast and is killed (SIGKILL) part-way.
        var port = GatewayProcess.FreePort();
        using (var first = GatewayProcess.Start(port, GatewayProcess.AsEnvironment(settings)))
        {
            var address = new Uri($"http://127.0.0.1:{port}");
            await GatewayProcess.WaitUntilUpAsync(address, ct, "/healthz");
            using var editor = await StaffApiClient.SignInAsync(address, "bientap", ct: ct);
            using var approver = await StaffApiClient.SignInAsync(address, "duyet", ct: ct);
            await BroadcastFlow.SendNowAsync(editor, approver, commune, "messenger", ct);
            await messenger.WaitForSendAsync(_ => messenger.Sends.Count(s => s.Accepted) >= 80, TimeSpan.FromSeconds(60), ct);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync(ct);
        }

        var atKill = messenger.Sends.Count(s => s.Accepted);

        // Act 2: a new host on the same database takes over.
        await using var second = await TestHost.StartAsync(database, settings, cancellationToken: ct);
        // Finished: "partial" when some sends were handed over at the kill with no answer ("unknown" is not "reached", issue 18.1).
        await BroadcastFlow.PollAsync(database, "SELECT count(*) FROM broadcasts WHERE status IN ('completed', 'partial')", n => n == 1, ct);

        var accepted = messenger.Sends.Where(s => s.Accepted).Select(s => s.RecipientId!).ToList();
        Assert.True(atKill < Members, "the broadcast finished before the kill; nothing was tested");
        Assert.Equal(accepted.Count, accepted.Distinct().Count());
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<(string Psid, string Status)>(
            "SELECT c.platform_user_id, d.status FROM deliveries d JOIN contacts c ON c.id = d.contact_id")).ToList();
        Assert.Equal(Members, rows.Count);
        Assert.All(rows, r => Assert.Contains(r.Status, new[] { "sent", "unknown" }));
        var unknown = rows.Where(r => r.Status == "unknown").Select(r => r.Psid).ToHashSet();
        var sent = rows.Where(r => r.Status == "sent").Select(r => r.Psid).ToHashSet();
        Assert.True(unknown.Count <= 2 * (20 + 3 * 5),
            $"{unknown.Count} unknown: more than claimed, in flight and unrecorded at the kill can be (2 workers × (20 + 3 × 5))");
        // Every "sent" reached the platform; everything the platform got is "sent" or (handed over at the kill) "unknown".
        Assert.Subset(accepted.ToHashSet(), sent);
        var status = await connection.ExecuteScalarAsync<string>("SELECT status FROM broadcasts");
        Assert.Equal(unknown.Count == 0 ? "completed" : "partial", status);
        Assert.DoesNotContain(accepted, p => !sent.Contains(p) && !unknown.Contains(p));
    }
}
