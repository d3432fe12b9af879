using System.Diagnostics;

namespace Outreach.Benchmarks;

/// <summary>
/// Runs an emulator scenario (<see cref="MessengerEmulatorScenario"/> by default, or <see cref="ZaloEmulatorScenario"/>) in a
/// child process and stops it on dispose. <see cref="Lines"/> holds what it printed before "READY".
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;

    private EmulatorProcess(Process process, Uri baseAddress, IReadOnlyList<string> lines)
    {
        _process = process;
        BaseAddress = baseAddress;
        Lines = lines;
    }

    public Uri BaseAddress { get; }

    /// <summary>The emulator's process id (its CPU time is read from /proc).</summary>
    public int Pid => _process.Id;

    /// <summary>The lines the emulator printed before it was ready (the Zalo one's refresh tokens).</summary>
    public IReadOnlyList<string> Lines { get; }

    public static Task<EmulatorProcess> StartAsync(CancellationToken cancellationToken, params string[] arguments) =>
        StartScenarioAsync("messenger-emulator", cancellationToken, arguments);

    public static async Task<EmulatorProcess> StartScenarioAsync(string scenario, CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { typeof(EmulatorProcess).Assembly.Location, scenario },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The emulator stands in for the platform: a thread-pool setting tried on the gateway (perf17g) is not given to it.
        start.Environment.Remove("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit");

        var process = Process.Start(start) ?? throw new InvalidOperationException("The emulator process did not start.");
        var lines = new List<string>();
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("READY ", StringComparison.Ordinal))
            {
                return new EmulatorProcess(process, new Uri(line["READY ".Length..]), lines);
            }

            lines.Add(line);
        }

        throw new InvalidOperationException("The emulator process ended before it was ready.");
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
