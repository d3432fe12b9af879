using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Outreach.Bot.Channels.Messenger;
using Outreach.Emulators.Messenger;

namespace Outreach.Bot.Tests.Channels.Messenger;

/// <summary>The Messenger client and sender as the gateway registers them, pointed at an emulator: sending without a database.</summary>
internal sealed class MessengerHarness : IAsyncDisposable
{
    public const string Psid = "7689966077685933";

    private readonly ServiceProvider _services;

    private MessengerHarness(MessengerEmulator emulator, ServiceProvider services, FakeTimeProvider clock)
    {
        Emulator = emulator;
        _services = services;
        Clock = clock;
    }

    public MessengerEmulator Emulator { get; }

    public FakeTimeProvider Clock { get; }

    public MessengerSender Sender => _services.GetRequiredService<MessengerSender>();

    public MessengerClient Client => _services.GetRequiredService<MessengerClient>();

    /// <param name="logs">Also receives every log entry the client stack writes (at the gateway's default level, Information).</param>
    public static async Task<MessengerHarness> StartAsync(IDictionary<string, string?>? settings = null, bool configured = true, ILoggerProvider? logs = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 3, 0, 0, TimeSpan.Zero));
        var emulator = await MessengerEmulator.StartAsync(new MessengerEmulatorOptions { Clock = clock }, TestContext.Current.CancellationToken);
        emulator.UserInteracted(Psid);
        var values = configured ? emulator.GatewaySettings() : [];
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = MessengerModule.AddClient(new ServiceCollection())
            .AddLogging(logging =>
            {
                if (logs is not null)
                {
                    logging.AddProvider(logs);
                }
            })
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build())
            .AddSingleton<MessengerSender>()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new MessengerHarness(emulator, services, clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
