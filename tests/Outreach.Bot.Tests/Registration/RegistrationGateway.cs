using Dapper;
using Outreach.Bot.Hosting;
using Outreach.Bot.Tests.Channels.Zalo;
using Outreach.Emulators.Messenger;
using Outreach.Emulators.Zalo;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Registration;

/// <summary>
/// A real gateway (the real bot, no job server) on a real database, wired to both emulators, with a small province of the
/// 2025 data: Đồng Nai (75) and three of its communes linked by their register codes, so old names lead to them.
/// </summary>
internal sealed class RegistrationGateway : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private RegistrationGateway(TestDatabase database, MessengerEmulator messenger, ZaloEmulator zalo, OutreachHost host, Tree tree)
    {
        Database = database;
        Messenger = messenger;
        Zalo = zalo;
        Host = host;
        Units = tree;
        Bodies = new ZaloWebhookBodies(zalo);
    }

    public TestDatabase Database { get; }

    public MessengerEmulator Messenger { get; }

    public ZaloEmulator Zalo { get; }

    public ZaloWebhookBodies Bodies { get; }

    public OutreachHost Host { get; }

    public Tree Units { get; }

    public Uri MessengerWebhook => new(Host.BaseAddress, Outreach.Bot.Channels.Messenger.MessengerWebhookEndpoints.Path);

    public Uri ZaloWebhook => Host.Webhook();

    public static async Task<RegistrationGateway> StartAsync(PostgresServer server, CancellationToken ct)
    {
        var database = await server.CreateDatabaseAsync(ct);
        var tree = await SeedAsync(database, ct);
        var messenger = await MessengerEmulator.StartAsync(new MessengerEmulatorOptions(), ct);
        var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        var settings = messenger.GatewaySettings();
        foreach (var (key, value) in ZaloTestGateway.Settings(zalo))
        {
            settings[key] = value;
        }

        var host = await TestHost.StartAsync(database, TestHost.WithoutJobServer(settings), cancellationToken: ct);
        return new RegistrationGateway(database, messenger, zalo, host, tree);
    }

    public async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return (await connection.ExecuteScalarAsync<T>(sql, args))!;
    }

    /// <summary>The unit of the member with this platform id (null while unplaced).</summary>
    public Task<long?> UnitOfAsync(string userId) =>
        ScalarAsync<long?>("SELECT org_unit_id FROM contacts WHERE platform_user_id = @userId", new { userId });

    /// <summary>The Zalo message to <paramref name="userId"/> whose text contains <paramref name="part"/>.</summary>
    public Task<ZaloSentMessage> ZaloSaysAsync(string userId, string part) =>
        Zalo.WaitForMessageAsync(m => m.UserId == userId && (m.Text ?? "").Contains(part, StringComparison.Ordinal), Patience,
            TestContext.Current.CancellationToken);

    public Task<MessengerSend> MessengerSaysAsync(string psid, string part) =>
        Messenger.WaitForSendAsync(s => s.RecipientId == psid && (s.Text ?? "").Contains(part, StringComparison.Ordinal), Patience,
            TestContext.Current.CancellationToken);

    public async Task ZaloAsync(string body) => (await Zalo.PostWebhookAsync(ZaloWebhook, body, TestContext.Current.CancellationToken)).Dispose();

    public async Task MessengerAsync(MessengerWebhookBuilder webhook) =>
        (await Messenger.SendWebhookAsync(MessengerWebhook, webhook, TestContext.Current.CancellationToken)).Dispose();

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Zalo.DisposeAsync();
        await Messenger.DisposeAsync();
        await Database.DisposeAsync();
    }

    private static async Task<Tree> SeedAsync(TestDatabase database, CancellationToken ct)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        var province = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO org_units (level, code, name, admin_code) VALUES ('tinh', 'dong-nai', 'Hội LHPN tỉnh Đồng Nai', '75') RETURNING id");
        async Task<long> UnitAsync(long parent, string level, string code, string name, string? admin) =>
            await connection.ExecuteScalarAsync<long>(
                "INSERT INTO org_units (parent_id, level, code, name, admin_code) VALUES (@parent, @level, @code, @name, @admin) RETURNING id",
                new { parent, level, code, name, admin });
        var dongXoai = await UnitAsync(province, "xa", "dong-xoai", "Hội LHPN phường Đồng Xoài", "25210");
        var xuanDong = await UnitAsync(province, "xa", "xuan-dong", "Hội LHPN xã Xuân Đông", "26359");
        var xuanHoa = await UnitAsync(province, "xa", "xuan-hoa", "Hội LHPN xã Xuân Hòa", "26446");
        var closed = await UnitAsync(province, "xa", "xa-dong", "Hội LHPN xã đã đóng", null);
        await connection.ExecuteAsync("UPDATE org_units SET is_active = false WHERE id = @closed", new { closed });
        var branch = await UnitAsync(xuanHoa, "chi_hoi", "xuan-hoa-ap-1", "Chi hội ấp 1", null);
        var joinCode = await connection.ExecuteScalarAsync<string>("SELECT join_code FROM org_units WHERE id = @dongXoai", new { dongXoai });
        return new Tree(province, dongXoai, xuanDong, xuanHoa, branch, joinCode!);
    }

    internal sealed record Tree(long Province, long DongXoai, long XuanDong, long XuanHoa, long XuanHoaBranch, string DongXoaiJoinCode);
}
