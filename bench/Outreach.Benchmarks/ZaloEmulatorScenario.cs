using System.Globalization;
using Outreach.Emulators.Zalo;

namespace Outreach.Benchmarks;

/// <summary>
/// The Zalo emulator alone, in its own process, for the multi-account fan-out: --oas N OAs (<see cref="BenchOas"/>), each
/// with its own app and so its own budget of --rpm calls a minute; members it was never told of are accepted, requests are
/// counted, not kept. Prints "TOKEN &lt;oa id&gt; &lt;refresh token&gt;" per OA (as each OA admin's consent would give it),
/// then "READY &lt;address&gt;", and serves until its standard input closes.
/// </summary>
public sealed class ZaloEmulatorScenario : ILoadScenario
{
    public string Name => "zalo-emulator";

    public string Description => "(internal) the Zalo emulator as a separate process for the fanout-accounts benchmark";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var oas = BenchArgs.Int(args, "--oas", 1);
        var options = new ZaloEmulatorOptions
        {
            AppId = BenchOas.AppId(0), AppSecret = BenchOas.AppSecret(0), OaSecretKey = BenchOas.OaSecretKey(0), OaId = BenchOas.Id(0),
            OtherOas = Enumerable.Range(1, Math.Max(0, oas - 1))
                .Select(i => new ZaloEmulatorOa(BenchOas.Id(i), BenchOas.AppId(i), BenchOas.AppSecret(i), BenchOas.OaSecretKey(i))).ToList(),
            RequestsPerMinute = BenchArgs.Int(args, "--rpm", 4000),
            TrustUnknownRecipients = true,
        };
        await using var emulator = await ZaloEmulator.StartAsync(options, cancellationToken);
        emulator.KeepRequests = false;
        foreach (var oa in emulator.Oas)
        {
            Console.WriteLine($"TOKEN {oa.OaId} {(oa.OaId == options.OaId ? emulator.InitialRefreshToken : emulator.GrantConsent(oa.OaId))}");
        }

        Console.WriteLine($"READY {emulator.BaseAddress}");
        await Console.In.ReadToEndAsync(cancellationToken);
        Console.Error.WriteLine($"zalo emulator served {emulator.ReceivedCount} requests");
    }
}

/// <summary>The OAs of the multi-account scenario, each with its own Zalo app: ids and secrets both sides know.</summary>
internal static class BenchOas
{
    public const long Base = 800000000000000000L;

    public static string Id(int i) => (Base + i).ToString(CultureInfo.InvariantCulture);

    public static string AppId(int i) => (Base + 100000 + i).ToString(CultureInfo.InvariantCulture);

    public static string AppSecret(int i) => $"bench-app-secret-{i}";

    public static string OaSecretKey(int i) => $"bench-oa-key-{i}";
}
