using System.Net;
using Dapper;
using Outreach.Emulators.Messenger;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Hosting;

/// <summary>Two gateway processes on one database, as behind a load balancer: one staff session and one broadcast across both.</summary>
public sealed class TwoHostsTests(PostgresServer server)
{
    private const int Members = 300;

    [Fact]
    public async Task OneBroadcastWorkedByBothProcesses_EveryMemberOnce_AndTheStaffSessionWorksOnBoth()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync(ct);
        await using var messenger = await MessengerEmulator.StartAsync(cancellationToken: ct);
        var commune = await BroadcastFlow.MessengerAudienceAsync(database, messenger, Members, "psid-", ct);

        var settings = new Dictionary<string, string?>(messenger.GatewaySettings())
        {
            ["ConnectionStrings:Outreach"] = database.ConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Outreach:Broadcasts:RatePerSecond:messenger"] = "40",
            ["Outreach:Broadcasts:ChunkSize"] = "25",
            ["Outreach:Broadcasts:Concurrency"] = "4",
            ["Outreach:Broadcasts:ClaimBatchSize"] = "10",
            ["Outreach:Broadcasts:WorkersPerBroadcast"] = "4",
            ["Outreach:Scheduler:BroadcastWorkerCount"] = "2",
            ["Outreach:Scheduler:SchedulePollingIntervalMs"] = "300",
            ["Outreach:Scheduler:QueuePollIntervalMs"] = "200",
        };

        var (portA, portB) = (GatewayProcess.FreePort(), GatewayProcess.FreePort());
        using var a = GatewayProcess.Start(portA, GatewayProcess.AsEnvironment(settings));
        using var b = GatewayProcess.Start(portB, GatewayProcess.AsEnvironment(settings));
        try
        {
            var hostA = new Uri($"http://127.0.0.1:{portA}");
            var hostB = new Uri($"http://127.0.0.1:{portB}");
            await GatewayProcess.WaitUntilUpAsync(hostA, ct, "/healthz");
            await GatewayProcess.WaitUntilUpAsync(hostB, ct, "/healthz");

            // Signed in on one host, each works on the other: the editor writes on B, the approver (signed in on B) approves on A.
            using var editorOnA = await StaffApiClient.SignInAsync(hostA, "bientap", ct: ct);
            using var approverOnB = await StaffApiClient.SignInAsync(hostB, "duyet", ct: ct);
            using var editorOnB = editorOnA.At(hostB);
            using var approverOnA = approverOnB.At(hostA);
            Assert.Equal(HttpStatusCode.OK, (await editorOnB.GetAsync("/staff/api/posts", ct)).Status);
            await BroadcastFlow.SendNowAsync(editorOnB, approverOnA, commune, "messenger", ct);
            await PollAsync(database, "SELECT count(*) FROM broadcasts WHERE status = 'completed'", n => n == 1, ct);
        }
        finally
        {
            a.Kill(entireProcessTree: true);
            b.Kill(entireProcessTree: true);
        }

        var accepted = messenger.Sends.Where(s => s.Accepted).Select(s => s.RecipientId!).ToList();
        Assert.Equal(Members, accepted.Count);
        Assert.Equal(Members, accepted.Distinct().Count());
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        Assert.Equal(["sent"], (await connection.QueryAsync<string>("SELECT DISTINCT status FROM deliveries")).ToList());
        var servers = await connection.ExecuteScalarAsync<long>(
            """
            SELECT count(DISTINCT s.data::jsonb ->> 'ServerId') FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid
            WHERE s.name = 'Processing' AND j.invocationdata::text LIKE '%SendBroadcastJob%'
            """);
        Assert.True(servers >= 2, $"the broadcast's workers ran on {servers} server(s): one process did it all");
    }

    // The crash test's wait: both hosts are up when their health check answers.

    private static async Task PollAsync(TestDatabase database, string sql, Func<long, bool> done, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        while (true)
        {
            await using (var connection = await database.DataSource.OpenConnectionAsync(timeout.Token))
            {
                if (done(await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, cancellationToken: timeout.Token))))
                {
                    return;
                }
            }

            await Task.Delay(100, timeout.Token);
        }
    }
}
