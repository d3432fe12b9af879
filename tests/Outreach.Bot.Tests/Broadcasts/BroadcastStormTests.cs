using Outreach.Bot.Tests.Channels.Zalo;
using Outreach.Emulators.Common;
using Outreach.Emulators.Messenger;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Broadcasts;

/// <summary>
/// Issue 15.14: the Send API answers a run of 5xx, Graph's transient errors, HTML 503 pages and dropped connections in the
/// middle of a broadcast. Everyone is reached once; a send whose connection dropped after the platform took it (the emulator
/// keeps such a message) is recorded "unknown", never sent again.
/// </summary>
public sealed class BroadcastStormTests(PostgresServer server)
{
    private const int Members = 120;

    [Fact]
    public async Task SendApiStorm_EveryoneReachedOnce_DroppedSendsUnknownNotRepeated()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync(ct);
        await using var messenger = await MessengerEmulator.StartAsync(cancellationToken: ct);
        var commune = await BroadcastFlow.MessengerAudienceAsync(database, messenger, Members, "storm-", ct);

        var settings = new Dictionary<string, string?>(messenger.GatewaySettings())
        {
            ["Outreach:Broadcasts:RatePerSecond:messenger"] = "60",
            ["Outreach:Broadcasts:ChunkSize"] = "20",
            ["Outreach:Broadcasts:Concurrency"] = "4",
            ["Outreach:Broadcasts:WorkersPerBroadcast"] = "2",
            ["Outreach:Broadcasts:MaxAttempts"] = "8",
        };
        TestHost.AtAnyHour(settings);
        await using var host = await TestHost.StartAsync(database, settings, cancellationToken: ct);

        using var editor = await StaffApiClient.SignInAsync(host.BaseAddress, "bientap", ct: ct);
        using var approver = await StaffApiClient.SignInAsync(host.BaseAddress, "duyet", ct: ct);
        var postId = await BroadcastFlow.SendNowAsync(editor, approver, commune, "messenger", ct);
        var broadcast = await BroadcastFlow.BroadcastOfAsync(database, postId, ct);

        // The storm begins once sending is under way: 40 answers in a row that are not a success.
        await messenger.WaitForSendAsync(_ => messenger.Sends.Count(s => s.Accepted) >= 10, TimeSpan.FromSeconds(60), ct);
        var storm = Storm().ToList();
        foreach (var fault in storm)
        {
            messenger.Inject(fault);
        }

        await BroadcastFlow.PollAsync(database, $"SELECT count(*) FROM broadcasts WHERE id = {broadcast} AND finished_at IS NOT NULL", n => n == 1, ct);

        var accepted = messenger.Sends.Where(s => s.Accepted).Select(s => s.RecipientId!).ToList();
        var status = await Rows(database, $"SELECT c.platform_user_id || '=' || d.status FROM deliveries d JOIN contacts c ON c.id = d.contact_id WHERE d.broadcast_id = {broadcast}", ct);
        var sent = status.Where(s => s.EndsWith("=sent", StringComparison.Ordinal)).Select(s => s.Split('=')[0]).ToHashSet();
        var unknown = status.Where(s => s.EndsWith("=unknown", StringComparison.Ordinal)).Select(s => s.Split('=')[0]).ToHashSet();
        var dropped = storm.Count(f => f.DropConnection);

        // The whole storm was answered to the gateway (a dropped connection is recorded with no body).
        Assert.Equal(storm.Count(f => f.Status is not null), messenger.Received.Count(r => r.Path.EndsWith("/messages", StringComparison.Ordinal) && r.ResponseStatus >= 500));
        Assert.Equal(accepted.Count, accepted.Distinct().Count()); // nobody twice
        Assert.Equal(Members, sent.Count + unknown.Count);        // nobody failed for good: every other fault was retried
        Assert.InRange(unknown.Count, 0, dropped);                // only a dropped connection leaves the outcome open
        Assert.Equal(Members, accepted.Count);                     // everyone reached; an "unknown" one was not sent a second time
        Assert.Subset(accepted.ToHashSet(), sent);                 // every "sent" reached the platform
        Assert.Equal(unknown.Count == 0 ? "completed" : "partial", await database.ScalarAsync<string>($"SELECT status FROM broadcasts WHERE id = {broadcast}"));
    }

    // Graph's shapes: a transient OAuthException (code 2) on 500, the temporary send failure (1200), an HTML 502/503 page
    // from the edge, and a connection closed without an answer.
    private static IEnumerable<Fault> Storm()
    {
        var transient = MessengerGraphErrors.Body("An unexpected error has occurred. Please retry your request later.", "OAuthException", 2, null, isTransient: true);
        for (var i = 0; i < 10; i++)
        {
            yield return new Fault { Status = 500, Body = transient, PathContains = "/messages" };
            yield return new Fault { Status = 500, Body = MessengerGraphErrors.TemporaryFailure(), PathContains = "/messages" };
            yield return new Fault { Status = i % 2 == 0 ? 502 : 503, Body = "<html><body>Sorry, something went wrong.</body></html>", PathContains = "/messages" };
            if (i % 3 == 0)
            {
                yield return new Fault { DropConnection = true, PathContains = "/messages" };
            }
            else
            {
                yield return new Fault { Status = 500, Body = transient, PathContains = "/messages" };
            }
        }
    }

    private static async Task<List<string>> Rows(TestDatabase database, string sql, CancellationToken ct)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        var rows = new List<string>();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
