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
