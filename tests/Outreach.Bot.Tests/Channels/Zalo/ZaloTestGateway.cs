using Microsoft.Extensions.DependencyInjection;
using Outreach.Bot.Core;
using Dapper;
using Outreach.Bot.Hosting;
using Outreach.Emulators.Zalo;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Channels.Zalo;

/// <summary>A real gateway wired to a <see cref="ZaloEmulator"/> (both on loopback), and small helpers to watch its database.</summary>
internal static class ZaloTestGateway
{
    public static Task<OutreachHost> StartAsync(
        TestDatabase database, ZaloEmulator zalo, CancellationToken ct, IDictionary<string, string?>? extra = null)
    {
        var settings = Settings(zalo);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        // Channel tests check how replies travel, with a fixed bot; the answer engine has tests of its own.
        return TestHost.StartAsync(database, settings, b => b.Services.AddSingleton<IBot, GreetingBot>(), ct);
    }

    /// <summary>The emulator's settings, with quick retries and a fast inbox for tests.</summary>
    public static Dictionary<string, string?> Settings(ZaloEmulator zalo)
    {
        var settings = zalo.GatewaySettings();
        settings["Outreach:Zalo:RateLimitRetryAfterSeconds"] = "1";
        settings["Outreach:Zalo:RequestTimeoutSeconds"] = "2";
        settings["Outreach:Inbox:PollIntervalMs"] = "100";
        return settings;
    }

    public static Uri Webhook(this OutreachHost host) => new(host.BaseAddress, "/webhooks/zalo");

    public static async Task<T> ScalarAsync<T>(this TestDatabase database, string sql, object? args = null)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return (await connection.ExecuteScalarAsync<T>(sql, args))!;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds (30 s at most): the outcome of background work, never a fixed sleep.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
