using Outreach.Emulators.Messenger;

namespace Outreach.Benchmarks;

/// <summary>
/// The Messenger emulator alone, in its own process, for benchmarks that must not count its memory or CPU as the gateway's.
/// Prints "READY &lt;address&gt;" and serves until its standard input closes. Unknown recipients are accepted (millions of
/// seeded members need no announcement) and requests are counted, not kept. --pages N adds N Pages (<see cref="BenchPages"/>).
/// </summary>
public sealed class MessengerEmulatorScenario : ILoadScenario
{
    public string Name => "messenger-emulator";

    public string Description => "(internal) the Messenger emulator as a separate process for the fanout benchmark";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var tokens = new Dictionary<string, string> { [MessengerEmulatorOptions.DefaultPageId] = MessengerEmulatorOptions.DefaultPageToken };
        for (var i = 0; i < BenchArgs.Int(args, "--pages", 0); i++)
        {
            tokens[BenchPages.Id(i)] = BenchPages.Token(i);
        }

        await using var emulator = await MessengerEmulator.StartAsync(
            new MessengerEmulatorOptions { TrustUnknownRecipients = true, SendsPerSecondPerPage = int.MaxValue, PageTokens = tokens }, cancellationToken);
        emulator.KeepRequests = false;
        Console.WriteLine($"READY {emulator.BaseAddress}");
        await Console.In.ReadToEndAsync(cancellationToken);
        Console.Error.WriteLine($"emulator served {emulator.ReceivedCount} requests");
    }
}

/// <summary>The extra Pages of the multi-account scenario: ids and tokens both sides know.</summary>
internal static class BenchPages
{
    public const long Base = 900000000000000L;

    public static string Id(int i) => (Base + i).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Token(int i) => $"bench-page-token-{i}";
}
