using Dapper;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Outreach.Content.ChannelAccounts;
using Outreach.Content.Channels;
using Outreach.Scheduler.Sending;
using Outreach.Testing;

namespace Outreach.Scheduler.Tests.Sending;

/// <summary>
/// Health is a note beside a send: with the database away (found by a full run: an outage mid-chunk failed the chunk in the
/// health write after the platform had taken the message) the note is skipped, and the next send writes it. A platform is
/// called unreachable only when it keeps failing: one failure after the retries among sends that get through is not news.
/// </summary>
public sealed class ChannelHealthReporterTests(PostgresServer server)
{
    [Fact]
    public async Task DatabaseAway_TheNoteIsSkippedNotThrown_TheNextSendWritesIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync(ct);
        var refused = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = ClosedPort(), Timeout = 2 }.ConnectionString;
        await using var away = NpgsqlDataSource.Create(refused);
        var unreachable = SendResult.Failed(SendOutcome.Transient, "http_503", "Service Unavailable");

        await new ChannelHealthReporter(new ChannelHealthStore(away), TimeProvider.System).ReportAsync("messenger", unreachable, ct);

        // The same report with the database there is written.
        var reporter = new ChannelHealthReporter(new ChannelHealthStore(database.DataSource), TimeProvider.System);
        for (var i = 0; i < ChannelHealthReporter.UnreachableAfter; i++)
        {
            await reporter.ReportAsync("messenger", unreachable, ct);
        }

        Assert.Equal("unreachable", await StateAsync(database, "messenger", ct));
    }

    [Fact]
    public async Task OneFailureAmongSendsThatGetThrough_IsNotUnreachable_ThreeInARowAre_ASendBackIsOk()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync(ct);
        var reporter = new ChannelHealthReporter(new ChannelHealthStore(database.DataSource), new FakeTimeProvider(DateTimeOffset.UtcNow));
        var sent = SendResult.Sent("m1");
        var unreachable = SendResult.Failed(SendOutcome.Transient, "http_503", "Service Unavailable");

        await reporter.ReportAsync("messenger", sent, ct);
        await reporter.ReportAsync("messenger", unreachable, ct);
        await reporter.ReportAsync("messenger", unreachable, ct);
        await reporter.ReportAsync("messenger", sent, ct);
        await reporter.ReportAsync("messenger", unreachable, ct);
        Assert.Equal("ok", await StateAsync(database, "messenger", ct));

        await reporter.ReportUnreachableAsync("messenger", "HttpRequestException", ct);
        await reporter.ReportAsync("messenger", unreachable, ct);
        Assert.Equal("unreachable", await StateAsync(database, "messenger", ct));

        await reporter.ReportAsync("messenger", sent, ct);
        Assert.Equal("ok", await StateAsync(database, "messenger", ct));
    }

    [Fact]
    public async Task FailuresGoingOnForAMinuteWithNothingThrough_AreUnreachableEvenIfFew()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync(ct);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var reporter = new ChannelHealthReporter(new ChannelHealthStore(database.DataSource), clock);
        var unreachable = SendResult.Failed(SendOutcome.Transient, "-32", "Timeout");

        await reporter.ReportAsync("zalo", unreachable, ct);
        clock.Advance(ChannelHealthReporter.UnreachableWindow - TimeSpan.FromSeconds(1));
        Assert.Null(await StateAsync(database, "zalo", ct));

        clock.Advance(TimeSpan.FromSeconds(1));
        await reporter.ReportAsync("zalo", unreachable, ct);
        Assert.Equal("unreachable", await StateAsync(database, "zalo", ct));
    }

    [Fact]
    public async Task ARefusedTokenIsSaidAtOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync(ct);
        var reporter = new ChannelHealthReporter(new ChannelHealthStore(database.DataSource), TimeProvider.System);

        await reporter.ReportAsync("zalo", SendResult.Failed(SendOutcome.AuthFailed, "-216", "Access token is invalid"), ct);

        Assert.Equal("token_refused", await StateAsync(database, "zalo", ct));
    }

    [Fact]
    public async Task ManySendsInFlightReportingTheSameChange_WriteItOnce_PerChannelAndPerAccount()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync(ct);
        await using (var connection = await database.DataSource.OpenConnectionAsync(ct))
        {
            // Every row write of the channel's and the account's health, counted by the database itself.
            await connection.ExecuteAsync(
                """
                INSERT INTO channel_accounts (channel, account_id) VALUES ('messenger', '1001');
                CREATE TABLE health_writes (tbl text NOT NULL);
                CREATE FUNCTION count_health_write() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN INSERT INTO health_writes VALUES (TG_TABLE_NAME); RETURN NULL; END $$;
                CREATE TRIGGER channel_health_counted AFTER INSERT OR UPDATE ON channel_health
                    FOR EACH ROW EXECUTE FUNCTION count_health_write();
                CREATE TRIGGER channel_accounts_counted AFTER UPDATE ON channel_accounts
                    FOR EACH ROW EXECUTE FUNCTION count_health_write();
                """);
        }

        var reporter = new ChannelHealthReporter(
            new ChannelHealthStore(database.DataSource), TimeProvider.System, new ChannelAccountStore(database.DataSource, TimeProvider.System));

        // A broadcast's first sends in flight (64 per worker) all come back "sent" before any health is written.
        await ReportAllAtOnceAsync(reporter, SendResult.Sent("m1"), 64, ct);
        Assert.Equal("ok", await StateAsync(database, "messenger", ct));
        Assert.Equal((1, 1), await WritesAsync(database, ct));

        // Then the Page's token is refused for every send in flight: again one write each.
        await ReportAllAtOnceAsync(reporter, SendResult.Failed(SendOutcome.AuthFailed, "190", "Invalid OAuth access token"), 64, ct);
        Assert.Equal("token_refused", await StateAsync(database, "messenger", ct));
        Assert.Equal((2, 2), await WritesAsync(database, ct));
        await using (var connection = await database.DataSource.OpenConnectionAsync(ct))
        {
            Assert.Equal("token_refused", await connection.ExecuteScalarAsync<string>(
                "SELECT health_state FROM channel_accounts WHERE channel = 'messenger' AND account_id = '1001'"));
        }
    }

    private static async Task ReportAllAtOnceAsync(ChannelHealthReporter reporter, SendResult result, int sends, CancellationToken ct)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reports = Enumerable.Range(0, sends)
            .Select(_ => Task.Run(async () =>
            {
                await go.Task;
                await reporter.ReportAsync("messenger", "1001", result, ct);
            }, ct))
            .ToList();
        go.SetResult();
        await Task.WhenAll(reports);
    }

    private static async Task<(int Channel, int Account)> WritesAsync(TestDatabase database, CancellationToken ct)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleAsync<(int, int)>(
            """
            SELECT count(*) FILTER (WHERE tbl = 'channel_health')::int, count(*) FILTER (WHERE tbl = 'channel_accounts')::int
            FROM health_writes
            """);
    }

    private static async Task<string?> StateAsync(TestDatabase database, string channel, CancellationToken ct)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<string?>("SELECT state FROM channel_health WHERE channel = @channel", new { channel });
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
