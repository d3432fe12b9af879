using Dapper;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
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
