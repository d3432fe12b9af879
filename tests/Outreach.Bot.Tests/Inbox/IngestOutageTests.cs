using Dapper;
using Npgsql;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Inbox;

/// <summary>
/// The database goes away (every session cut, no new ones) while members write, then comes back: every message the gateway
/// acknowledged is answered once; what it could not store it did not acknowledge.
/// </summary>
public sealed class IngestOutageTests(PostgresServer server) : IAsyncLifetime
{
    private const int PerPhase = 20; // members writing before the outage, and again after it
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task DatabaseAwayMidIngest_EveryAcknowledgedMessageAnsweredOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(_database, cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var chat = new WebChatClient(http);
        var acknowledged = new List<string>();
        var sent = 0;

        // A third of the members write before the outage, members keep writing while the database is away, and another third
        // after it is back: how many fall inside the outage depends on the machine's speed, so the phases follow the outage.
        async Task<bool> WriteAsync()
        {
            var member = $"outage-{sent}";
            using var response = await chat.PostAsync(member, "xin chào", clientMessageId: $"m-{sent}", cancellationToken: ct);
            if (response.IsSuccessStatusCode)
            {
                acknowledged.Add(member);
            }

            sent++;
            await Task.Delay(50, ct);
            return response.IsSuccessStatusCode;
        }

        while (sent < PerPhase)
        {
            await WriteAsync();
        }

        var outage = OutageAsync(TimeSpan.FromSeconds(2));
        await Task.Delay(100, ct);
        while (!outage.IsCompleted)
        {
            await WriteAsync();
        }

        var acknowledgedAfter = 0;
        for (var i = 0; i < PerPhase; i++)
        {
            acknowledgedAfter += await WriteAsync() ? 1 : 0;
        }

        await outage;
        _database.DataSource.Clear();

        Assert.True(acknowledged.Count < sent, "every message was acknowledged: the outage missed the ingest");
        Assert.True(acknowledgedAfter > 0, "nothing was acknowledged after the outage");
        foreach (var member in acknowledged)
        {
            await chat.WaitForRepliesAsync(member, 1, ct);
        }

        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        var events = (await connection.QueryAsync<(string Sender, string Status)>(
            "SELECT sender_id, status FROM inbox_events WHERE sender_id LIKE 'outage-%'")).ToList();
        Assert.Subset(events.Select(e => e.Sender).ToHashSet(), acknowledged.ToHashSet());
        Assert.Equal(events.Count, events.Select(e => e.Sender).Distinct().Count());
        var replies = (await connection.QueryAsync<(string Recipient, int Count)>(
            "SELECT recipient_id, count(*)::int FROM outbound_messages WHERE recipient_id LIKE 'outage-%' GROUP BY recipient_id")).ToList();
        Assert.Single(replies.Select(r => r.Count).Distinct()); // each member answered the same way, nobody twice
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"fault ingest-outage: members {sent}, acknowledged {acknowledged.Count}, refused {sent - acknowledged.Count}, " +
            $"stored {events.Count}, answered {replies.Count}, lost {acknowledged.Count - replies.Count}");
    }

    private async Task OutageAsync(TimeSpan length)
    {
        var admin = new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync($"ALTER DATABASE {_database.Name} ALLOW_CONNECTIONS false");
            await connection.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name", new { name = _database.Name });
        }

        await Task.Delay(length);
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync($"ALTER DATABASE {_database.Name} ALLOW_CONNECTIONS true");
        }
    }
}
