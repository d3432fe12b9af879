using Dapper;
using Outreach.Bot.Channels.Messenger;
using Outreach.Bot.Hosting;
using Outreach.Bot.Tests.Channels.Zalo;
using Outreach.Content.OrgUnits;
using Outreach.Emulators.Messenger;
using Outreach.Emulators.Zalo;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.ChannelAccounts;

/// <summary>
/// A province (Lai Châu) with two communes (An, Bình), another province, their staff, and the real gateway (the real bot and
/// job server) wired to both emulators: the province's own Page and OA come from configuration; commune An's own Page (its
/// own Meta app and secret) and commune Bình's own OA (its own Zalo app) are known to the emulators, for tests to add in the
/// console or the API.
/// </summary>
internal sealed class ChannelAccountsWorld : IAsyncDisposable
{
    public const string ProvincePage = MessengerEmulatorOptions.DefaultPageId;
    public const string AnPage = "200000000000001";
    public const string AnPageToken = "token-trang-xa-an";
    public const string AnAppSecret = "secret-app-xa-an";
    public const string BinhOa = "400000000000000002";
    public static readonly ZaloEmulatorOa BinhOaApp = new(BinhOa, "500000000000000003", "app-secret-xa-binh", "oa-secret-xa-binh");
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private ChannelAccountsWorld(
        TestDatabase database, MessengerEmulator messenger, ZaloEmulator zalo, OutreachHost host, OrgUnit province, OrgUnit an, OrgUnit binh, OrgUnit other)
    {
        Database = database;
        Messenger = messenger;
        Zalo = zalo;
        Host = host;
        Province = province;
        An = an;
        Binh = binh;
        Other = other;
    }

    public TestDatabase Database { get; }

    public MessengerEmulator Messenger { get; }

    public ZaloEmulator Zalo { get; }

    public OutreachHost Host { get; }

    public OrgUnit Province { get; }

    public OrgUnit An { get; }

    public OrgUnit Binh { get; }

    public OrgUnit Other { get; }

    public Uri MessengerWebhook => new(Host.BaseAddress, MessengerWebhookEndpoints.Path);

    public Uri ZaloWebhook => Host.Webhook();

    public static async Task<ChannelAccountsWorld> StartAsync(PostgresServer server)
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await server.CreateDatabaseAsync(ct);
        var seed = new Seed(database);
        var province = await seed.Units.CreateAsync(null, "tinh", "Hội LHPN tỉnh Lai Châu", "lai-chau", ct);
        var an = await seed.Units.CreateAsync(province.Id, "xa", "Hội LHPN xã An", "xa-an", ct);
        var binh = await seed.Units.CreateAsync(province.Id, "xa", "Hội LHPN xã Bình", "xa-binh", ct);
        var other = await seed.Units.CreateAsync(null, "tinh", "Hội LHPN tỉnh Điện Biên", "dien-bien", ct);
        await seed.StaffAsync("quantri.tinh", province.Id, "admin", ct);
        await seed.StaffAsync("bientap.tinh", province.Id, "editor", ct);
        await seed.StaffAsync("duyet.tinh", province.Id, "approver", ct);
        await seed.StaffAsync("quantri.xa-an", an.Id, "admin", ct);
        await seed.StaffAsync("quantri.khac", other.Id, "admin", ct);

        var messenger = await MessengerEmulator.StartAsync(new MessengerEmulatorOptions
        {
            PageTokens = new Dictionary<string, string>
            {
                [ProvincePage] = MessengerEmulatorOptions.DefaultPageToken,
                [AnPage] = AnPageToken,
            },
            PageAppSecrets = new Dictionary<string, string> { [AnPage] = AnAppSecret },
        }, ct);
        var zalo = await ZaloEmulator.StartAsync(new ZaloEmulatorOptions { OtherOas = [BinhOaApp] }, ct);
        var settings = messenger.GatewaySettings();
        foreach (var (key, value) in ZaloTestGateway.Settings(zalo))
        {
            settings[key] = value;
        }

        settings["Outreach:AccountUnits:DefaultUnitCode"] = "lai-chau";

        // Zalo delivers broadcasts only in its hours; the test may run at any hour.
        settings["Outreach:Broadcasts:ZaloFrom"] = "00:00";
        settings["Outreach:Broadcasts:ZaloUntil"] = "23:59:59";
        var host = await TestHost.StartAsync(database, settings, cancellationToken: ct);
        return new ChannelAccountsWorld(database, messenger, zalo, host, province, an, binh, other);
    }

    public Task<StaffApiClient> SignInAsync(string username) =>
        StaffApiClient.SignInAsync(Host.BaseAddress, username, ct: TestContext.Current.CancellationToken);

    /// <summary>Adds commune An's Page (through the API, as its province's admin would).</summary>
    public async Task<long> AddAnPageAsync(StaffApiClient admin)
    {
        var (status, body) = await admin.PostAsync("/staff/api/channel-accounts", new
        {
            channel = "messenger", accountId = AnPage, name = "Hội LHPN xã An", unitId = An.Id, appSecret = AnAppSecret, accessToken = AnPageToken,
        }, TestContext.Current.CancellationToken);
        Assert.True(status == System.Net.HttpStatusCode.Created, body.ToString());
        return body.GetProperty("id").GetInt64();
    }

    /// <summary>Adds commune Bình's OA, with a refresh token its admin's consent gave.</summary>
    public async Task<long> AddBinhOaAsync(StaffApiClient admin)
    {
        var (status, body) = await admin.PostAsync("/staff/api/channel-accounts", new
        {
            channel = "zalo", accountId = BinhOa, name = "Hội LHPN xã Bình", unitId = Binh.Id, appId = BinhOaApp.AppId,
            appSecret = BinhOaApp.AppSecret, oaSecretKey = BinhOaApp.OaSecretKey, refreshToken = Zalo.GrantConsent(BinhOa),
        }, TestContext.Current.CancellationToken);
        Assert.True(status == System.Net.HttpStatusCode.Created, body.ToString());
        return body.GetProperty("id").GetInt64();
    }

    public async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return (await connection.ExecuteScalarAsync<T>(sql, args))!;
    }

    /// <summary>The unit of the member with this platform id (null while unplaced).</summary>
    public Task<long?> UnitOfAsync(string userId) =>
        ScalarAsync<long?>("SELECT org_unit_id FROM contacts WHERE platform_user_id = @userId", new { userId });

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Zalo.DisposeAsync();
        await Messenger.DisposeAsync();
        await Database.DisposeAsync();
    }
}
