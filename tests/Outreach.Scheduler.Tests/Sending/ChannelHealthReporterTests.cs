using Dapper;
using Npgsql;
using Outreach.Content.Channels;
using Outreach.Scheduler.Sending;
using Outreach.Testing;

namespace Outreach.Scheduler.Tests.Sending;

/// <summary>
/// Health is a note beside a send: with the database away (found by a full run: an outage mid-chunk failed the chunk in the
/// health write after the platform had taken the message) the note is skipped, and the next send writes it.
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
        await reporter.ReportAsync("messenger", unreachable, ct);
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        Assert.Equal("unreachable", await connection.ExecuteScalarAsync<string>("SELECT state FROM channel_health WHERE channel = 'messenger'"));
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
