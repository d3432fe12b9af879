using Microsoft.Extensions.DependencyInjection;
using Outreach.Bot.Core;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;
using Outreach.Bot.Channels.Messenger;
using Outreach.Bot.Hosting;
using Outreach.Emulators.Messenger;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Channels.Messenger;

/// <summary>The real gateway on loopback with its own database, wired to a Messenger emulator (fresh for every test).</summary>
public abstract class MessengerGatewayTest(PostgresServer server) : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;

    protected MessengerEmulator Emulator { get; private set; } = null!;

    /// <summary>The emulator's clock. It starts at the real time, so its watermarks compare with the gateway's (real) send times.</summary>
    protected FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Database = await server.CreateDatabaseAsync(Ct);
        Emulator = await MessengerEmulator.StartAsync(new MessengerEmulatorOptions { Clock = Clock }, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts a gateway configured for the emulator; <paramref name="settings"/> add to or override its settings.</summary>
    protected Task<OutreachHost> StartGatewayAsync(
        IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null, bool messenger = true)
    {
        var values = messenger ? Emulator.GatewaySettings() : [];
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        // Channel tests check how replies travel, with a fixed bot; the answer engine has tests of its own.
        return TestHost.StartAsync(Database, values, b =>
        {
            b.Services.AddSingleton<IBot, GreetingBot>();
            configure?.Invoke(b);
        }, Ct);
    }

    protected static Uri WebhookOf(OutreachHost host) => new(host.BaseAddress, MessengerWebhookEndpoints.Path);

    protected async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(Ct);
        return await connection.ExecuteScalarAsync<T>(sql, args) ?? throw new InvalidOperationException("No value: " + sql);
    }

    protected async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? args = null)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(Ct);
        return (await connection.QueryAsync<T>(sql, args)).AsList();
    }

    /// <summary>The status of the only outbound message, or null while there is none yet.</summary>
    protected async Task<string?> ReplyStatusAsync() => (await QueryAsync<string>("SELECT status FROM outbound_messages")).SingleOrDefault();

    /// <summary>Polls <paramref name="condition"/> until it holds (30 s at most): no fixed sleeps.</summary>
    protected static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            try
            {
                await Task.Delay(50, timeout.Token);
            }
            catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
            {
                throw new TimeoutException("Timed out waiting for: " + what);
            }
        }
    }

    protected Task WaitUntilInboxSettledAsync() =>
        WaitUntilAsync(async () => await ScalarAsync<long>("SELECT count(*) FROM inbox_events WHERE status = 'pending'") == 0, "inbox settled");
}
