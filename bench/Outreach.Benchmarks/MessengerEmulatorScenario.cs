using Outreach.Emulators.Messenger;

namespace Outreach.Benchmarks;

/// <summary>
/// The Messenger emulator alone, in its own process, for benchmarks that must not count its memory or CPU as the gateway's.
/// Prints "READY &lt;address&gt;" and serves until its standard input closes. Unknown recipients are accepted (millions of
/// seeded members need no announcement) and requests are counted, not kept.
/// </summary>
public sealed class MessengerEmulatorScenario : ILoadScenario
{
    public string Name => "messenger-emulator";

    public string Description => "(internal) the Messenger emulator as a separate process for the fanout benchmark";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        await using var emulator = await MessengerEmulator.StartAsync(new MessengerEmulatorOptions { TrustUnknownRecipients = true, SendsPerSecondPerPage = int.MaxValue }, cancellationToken);
        emulator.KeepRequests = false;
        Console.WriteLine($"READY {emulator.BaseAddress}");
        await Console.In.ReadToEndAsync(cancellationToken);
        Console.Error.WriteLine($"emulator served {emulator.ReceivedCount} requests");
    }
}
