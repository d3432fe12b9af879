using Dapper;
using Outreach.Bot.Channels.Messenger;
using Outreach.Emulators.Common;
using Outreach.Emulators.Messenger;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Inbox;

/// <summary>
/// kill -9 of a gateway while its turns and replies are in flight (issue 15.14), then a new host on the same database: every
/// message the platform got a 200 for is answered; a member is answered twice only if her reply was on the wire at the kill.
/// </summary>
public sealed class TurnCrashTests(PostgresServer server)
{
    private const int Members = 40;
    private const int SendWorkers = 4;

    [Fact]
    public async Task HostKilledMidTurn_EveryAcknowledgedMessageAnswered_DuplicatesOnlyFromSendsOnTheWire()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync(ct);
        await using var messenger = await MessengerEmulator.StartAsync(cancellationToken: ct);
        for (var i = 1; i <= Members; i++)
        {
            messenger.UserInteracted($"turn-{i}");
        }

        // The first replies hang on the platform for a while, so the kill finds turns done and replies on the wire.
        for (var i = 0; i < SendWorkers; i++)
        {
            messenger.Inject(new Fault { Delay = TimeSpan.FromSeconds(4), PathContains = "/messages" });
        }

        var settings = new Dictionary<string, string?>(messenger.GatewaySettings())
        {
            ["ConnectionStrings:Outreach"] = database.ConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Outreach:Inbox:SendWorkers"] = SendWorkers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Outreach:Inbox:TurnWorkers"] = "2",
            ["Outreach:Inbox:SendLeaseSeconds"] = "15",
        };

        // Act 1: a gateway process acknowledges every message and is killed while it works on them.
        var port = GatewayProcess.FreePort();
        var acknowledged = 0;
        using (var first = GatewayProcess.Start(port, GatewayProcess.AsEnvironment(settings)))
        {
            var address = new Uri($"http://127.0.0.1:{port}");
            await GatewayProcess.WaitUntilUpAsync(address, ct, "/healthz");
            var webhook = new Uri(address, MessengerWebhookEndpoints.Path);
            for (var i = 1; i <= Members; i++)
            {
                using var ack = await messenger.SendWebhookAsync(webhook, messenger.Webhook().Message($"turn-{i}", "cho em hỏi vay vốn"), ct);
                acknowledged += ack.IsSuccessStatusCode ? 1 : 0;
            }

            await BroadcastFlow.PollAsync(database, "SELECT count(*) FROM outbound_messages WHERE status = 'sending'", n => n > 0, ct);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync(ct);
        }

        var answeredAtKill = messenger.Sends.Where(s => s.Accepted).Select(s => s.RecipientId).Distinct().Count();

        // Act 2: another host on the same database finishes what the killed one left.
        await using var second = await TestHost.StartAsync(database, settings, cancellationToken: ct);
        await BroadcastFlow.PollAsync(
            database, "SELECT count(*) FROM inbox_events WHERE sender_id LIKE 'turn-%' AND status = 'done'", n => n == Members, ct);
        await BroadcastFlow.PollAsync(
            database, "SELECT count(*) FROM outbound_messages WHERE recipient_id LIKE 'turn-%' AND status IN ('pending', 'sending')", n => n == 0, ct);
        await messenger.WaitForSendAsync(
            _ => messenger.Sends.Where(s => s.Accepted).Select(s => s.RecipientId).Distinct().Count() == Members, TimeSpan.FromSeconds(60), ct);

        Assert.Equal(Members, acknowledged);
        Assert.True(answeredAtKill < Members, "every member was answered before the kill; nothing was tested");
        var perMember = messenger.Sends.Where(s => s.Accepted).GroupBy(s => s.RecipientId!).ToDictionary(g => g.Key, g => g.Count());
        var sendsPerAnswer = perMember.Values.Min();
        var twice = perMember.Count(kv => kv.Value > sendsPerAnswer);
        Assert.Equal(Members, perMember.Count);
        Assert.True(twice <= SendWorkers, $"{twice} members answered twice: more than the {SendWorkers} replies that can be on the wire at a kill");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"fault turn-kill: members {Members}, acknowledged {acknowledged}, answered at kill {answeredAtKill}, answered {perMember.Count}, twice {twice}, lost {Members - perMember.Count}");
    }
}
