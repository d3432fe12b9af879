using Outreach.Bot.Tests.Channels.Zalo;
using Outreach.Emulators.Zalo;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Profiles;

/// <summary>
/// Members' names from Zalo's user detail (<c>/v3.0/oa/user/detail</c>), on the real gateway, PostgreSQL and the Zalo emulator:
/// a follower's <c>display_name</c> is stored; a member who does not follow the OA (-213) keeps her number, and is answered all
/// the same.
/// </summary>
public sealed class ZaloProfileLookupTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly TimeSpan ReplyWithin = TimeSpan.FromSeconds(30);
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task FollowerWrites_DisplayNameStored_NonFollowerKeepsHerNumber()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        zalo.SetProfile("z-101", "Võ Thị Sáu");
        await using var host = await ZaloTestGateway.StartAsync(_database, zalo, ct, new Dictionary<string, string?> { ["Outreach:Profiles:PollIntervalMs"] = "100" });
        var bodies = new ZaloWebhookBodies(zalo);

        await zalo.PostWebhookAsync(host.Webhook(), bodies.Text("z-101", "Chị ơi cho em hỏi"), ct);
        await zalo.PostWebhookAsync(host.Webhook(), bodies.Text("z-102", "Xin chào"), ct);
        await zalo.WaitForMessageAsync(m => m.UserId == "z-101", ReplyWithin, ct);
        await zalo.WaitForMessageAsync(m => m.UserId == "z-102", ReplyWithin, ct);
        await ZaloTestGateway.EventuallyAsync(async () => await _database.ScalarAsync<long>(
            "SELECT count(*) FROM contacts WHERE channel = 'zalo' AND profile_outcome IS NOT NULL") == 2, ct);

        Assert.Equal("Võ Thị Sáu", await _database.ScalarAsync<string>("SELECT display_name FROM contacts WHERE platform_user_id = 'z-101'"));
        Assert.Equal("not_follower", await _database.ScalarAsync<string>("SELECT profile_outcome FROM contacts WHERE platform_user_id = 'z-102'"));
        Assert.Null(await _database.ScalarAsync<string?>("SELECT display_name FROM contacts WHERE platform_user_id = 'z-102'"));
        var lookup = Assert.Single(zalo.ProfileRequests, r => r.QueryString.Contains("z-101", StringComparison.Ordinal));
        Assert.False(string.IsNullOrEmpty(lookup.Headers["access_token"]));
        Assert.Contains("\"display_name\":\"Võ Thị Sáu\"", lookup.ResponseBody, StringComparison.Ordinal);
    }
}
