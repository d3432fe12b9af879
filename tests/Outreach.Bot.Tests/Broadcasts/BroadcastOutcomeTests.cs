using System.Net.Sockets;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Bot.Hosting;
using Outreach.Bot.Tests.Staff.Console;
using Outreach.Content.OrgUnits;
using Outreach.Emulators.Messenger;
using Outreach.Scheduler.Broadcasting;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Broadcasts;

/// <summary>
/// Issue 18.1: a sending whose sends all failed says "Gửi lỗi" (its post too, and the overview counts it), with the reason in
/// Vietnamese grouped by count; the channel that could not be reached is shown as down on the pages that depend on it.
/// </summary>
public sealed class BroadcastOutcomeTests(PostgresServer server) : IAsyncLifetime
{
    private const int Members = 3;
    private TestDatabase _database = null!;
    private OutreachHost _host = null!;
    private OrgUnit _commune = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await server.CreateDatabaseAsync(ct);
        var seed = new Seed(_database);
        var province = await seed.UnitAsync(null, "tinh", "Hội LHPN tỉnh", ct);
        _commune = await seed.UnitAsync(province.Id, "xa", "Hội LHPN xã", ct);
        await seed.StaffAsync("bientap.xa", _commune.Id, "editor", ct);
        await seed.StaffAsync("duyet.tinh", province.Id, "approver", ct);
        await seed.ManyContactsAsync("messenger", Members, _commune.Id, "health", DateTimeOffset.UtcNow.AddHours(-1), "psid-", ct);

        // Graph is unreachable: the configured address refuses every connection.
        await using var messenger = await MessengerEmulator.StartAsync(
            new MessengerEmulatorOptions { PageTokens = new Dictionary<string, string> { [Seed.AccountFor("messenger")] = "token" } }, ct);
        var settings = messenger.GatewaySettings();
        settings["Outreach:Messenger:GraphBaseUrl"] = $"http://127.0.0.1:{ClosedPort()}/";
        settings["Outreach:Broadcasts:MaxAttempts"] = "2";
        _host = await TestHost.StartAsync(_database, settings, cancellationToken: ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task NobodyReachedBecauseThePlatformIsUnreachable_SendingAndPostSayGửiLỗiWithTheReasonAndTheChannelShowsDown()
    {
        var ct = TestContext.Current.CancellationToken;
        using var editor = await StaffApiClient.SignInAsync(_host.BaseAddress, "bientap.xa", ct: ct);
        using var approver = await StaffApiClient.SignInAsync(_host.BaseAddress, "duyet.tinh", ct: ct);
        var postId = await BroadcastFlow.SendNowAsync(editor, approver, _commune.Id, "messenger", ct);
        await _host.Services.GetRequiredService<PlanBroadcastJob>().RunAsync(postId, DateTimeOffset.UtcNow, ct);
        var broadcastId = await BroadcastFlow.BroadcastOfAsync(_database, postId, ct);
        await _host.Services.GetRequiredService<SendBroadcastJob>().RunAsync(broadcastId, ct);
        // Hangfire's own workers may hold a chunk a moment longer: wait for whoever finishes last to close the sending.
        await BroadcastFlow.PollAsync(
            _database, $"SELECT count(*) FROM broadcasts WHERE id = {broadcastId} AND finished_at IS NOT NULL", n => n == 1, ct);
        // The post takes the outcome just after the sending does (a write of its own).
        await BroadcastFlow.PollAsync(_database, $"SELECT count(*) FROM posts WHERE id = {postId} AND status <> 'sending'", n => n == 1, ct);

        await using (var connection = await _database.DataSource.OpenConnectionAsync(ct))
        {
            Assert.Equal("failed", await connection.ExecuteScalarAsync<string>($"SELECT status FROM broadcasts WHERE id = {broadcastId}"));
            Assert.Equal("failed", await connection.ExecuteScalarAsync<string>($"SELECT status FROM posts WHERE id = {postId}"));
            Assert.Equal(
                Members,
                await connection.ExecuteScalarAsync<int>(
                    $"SELECT count(*) FROM deliveries WHERE broadcast_id = {broadcastId} AND status = 'failed' AND skip_reason = 'platform_unreachable'"));
            Assert.Equal("unreachable", await connection.ExecuteScalarAsync<string>("SELECT state FROM channel_health WHERE channel = 'messenger'"));
        }

        using var console = await ConsoleClient.SignInAsync(_host.BaseAddress, "duyet.tinh");
        var sending = (await console.GetAsync($"/staff/broadcasts/{broadcastId}")).Text;
        Assert.Contains("data-broadcast-status=\"failed\">Gửi lỗi<", sending, StringComparison.Ordinal);
        Assert.Contains("Lý do không gửi được (3 hội viên)", sending, StringComparison.Ordinal);
        Assert.Contains("Không kết nối được nền tảng", sending, StringComparison.Ordinal);
        Assert.Contains("data-channel-down=\"messenger\"", sending, StringComparison.Ordinal);

        var post = (await console.GetAsync($"/staff/posts/{postId}")).Text;
        Assert.Contains("data-post-status=\"failed\">Gửi lỗi<", post, StringComparison.Ordinal);
        Assert.Contains("data-channel-down=\"messenger\"", post, StringComparison.Ordinal);

        var home = (await console.GetAsync("/staff")).Text;
        Assert.Contains("data-post-count=\"failed\">1<", home, StringComparison.Ordinal);
        Assert.Contains("data-post-count=\"sent\">0<", home, StringComparison.Ordinal);
        Assert.Contains("Kênh Messenger đang lỗi", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHostDiesBetweenTheSendingsLastWriteAndThePosts_TheWatchdogGivesThePostItsOutcome()
    {
        var ct = TestContext.Current.CancellationToken;
        using var editor = await StaffApiClient.SignInAsync(_host.BaseAddress, "bientap.xa", ct: ct);
        using var approver = await StaffApiClient.SignInAsync(_host.BaseAddress, "duyet.tinh", ct: ct);
        var postId = await BroadcastFlow.SendNowAsync(editor, approver, _commune.Id, "messenger", ct);
        var broadcastId = await BroadcastFlow.BroadcastOfAsync(_database, postId, ct);
        await BroadcastFlow.PollAsync(_database, $"SELECT count(*) FROM posts WHERE id = {postId} AND status = 'failed'", n => n == 1, ct);
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        // As a host that died after the sending's write and before the post's would have left it.
        await connection.ExecuteAsync($"UPDATE posts SET status = 'sending' WHERE id = {postId}");

        await _host.Services.GetRequiredService<BroadcastWatchdogJob>().RunAsync(ct);

        Assert.Equal("failed", await connection.ExecuteScalarAsync<string>($"SELECT status FROM broadcasts WHERE id = {broadcastId}"));
        Assert.Equal("failed", await connection.ExecuteScalarAsync<string>($"SELECT status FROM posts WHERE id = {postId}"));
        // Audited as any transition: the sending's own finish, then the watchdog's.
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>(
            $"SELECT count(*) FROM post_transitions WHERE post_id = {postId} AND from_status = 'sending' AND to_status = 'failed'"));
    }

    // A loopback port nobody listens on (bound, then released).
    private static int ClosedPort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
