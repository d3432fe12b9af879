using CliWrap;
using CliWrap.Buffered;

namespace Outreach.Testing;

/// <summary>Runs the gateway as a separate process (dotnet Outreach.Bot.dll), as the run command does, to observe exit codes and stderr.</summary>
public static class GatewayProcess
{
    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "Outreach.Bot.dll");

    /// <summary>Starts the gateway on <paramref name="port"/> and returns the running process (the caller kills or stops it).</summary>
    public static System.Diagnostics.Process Start(int port, IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            ArgumentList = { AssemblyPath, "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");

        // Drain the pipes so a chatty child never blocks on a full buffer.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>A loopback port free at this moment, for a gateway started as its own process.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Waits (90 s at most: a loaded machine starts slowly) until <paramref name="path"/> answers 2xx: <c>/healthz/live</c> when
    /// the process answers, <c>/healthz</c> when its database and Hangfire are ready too.
    /// </summary>
    public static async Task WaitUntilUpAsync(Uri address, CancellationToken ct, string path = "/healthz/live")
    {
        using var http = new HttpClient { BaseAddress = address };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative), timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, timeout.Token);
        }
    }

    /// <summary>Configuration keys (Section:Key) as environment variables (Section__Key).</summary>
    public static Dictionary<string, string?> AsEnvironment(IReadOnlyDictionary<string, string?> settings) =>
        settings.ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value);

    public static async Task<BufferedCommandResult> RunUntilExitAsync(
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var workingDirectory = Directory.CreateTempSubdirectory("outreach-gateway-").FullName;
        try
        {
            return await Cli.Wrap("dotnet")
                .WithArguments([AssemblyPath, .. arguments])
                .WithWorkingDirectory(workingDirectory)
                .WithEnvironmentVariables(environment)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(limit.Token);
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }
}
