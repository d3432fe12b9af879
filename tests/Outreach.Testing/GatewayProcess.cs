using CliWrap;
using CliWrap.Buffered;

namespace Outreach.Testing;

/// <summary>Runs the gateway as a separate process (dotnet Outreach.Bot.dll), as the run command does, to observe exit codes and stderr.</summary>
public static class GatewayProcess
{
    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "Outreach.Bot.dll");

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
