using CliWrap;
using CliWrap.Buffered;

namespace Outreach.Content.Storage;

/// <summary>Finds PostgreSQL's server programs and runs them, as a non-root user when we are root.</summary>
internal sealed class PostgresBinaries
{
    private readonly string _binDirectory;
    private readonly string? _runAsUser;

    private PostgresBinaries(string binDirectory, string? runAsUser)
    {
        _binDirectory = binDirectory;
        _runAsUser = runAsUser;
    }

    public static PostgresBinaries Locate() =>
        TryLocate() ?? throw new LocalPostgresException(
            "PostgreSQL server programs (initdb, pg_ctl) were not found. Install them with 'apt-get install -y postgresql' " +
            "(./outreach does this for you), set OUTREACH_PG_BIN to their folder, or configure ConnectionStrings:Outreach.");

    public static PostgresBinaries? TryLocate()
    {
        var binDirectory = CandidateDirectories().FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        if (binDirectory is null)
        {
            return null;
        }

        return new PostgresBinaries(binDirectory, Environment.IsPrivilegedProcess ? ServerUser() : null);
    }

    public async Task<BufferedCommandResult> RunAsync(
        string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool throwOnError = true)
    {
        var path = Path.Combine(_binDirectory, program);
        var command = _runAsUser is null
            ? Cli.Wrap(path).WithArguments(arguments)
            : Cli.Wrap("runuser").WithArguments(["-u", _runAsUser, "--", path, .. arguments]);
        var result = await command.WithWorkingDirectory("/").WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(cancellationToken);
        if (throwOnError && result.ExitCode != 0)
        {
            throw new LocalPostgresException($"{program} failed (exit code {result.ExitCode}): {result.StandardError.Trim()}");
        }

        return result;
    }

    /// <summary>Gives <paramref name="directory"/> to the server's OS user (a no-op when we are not root).</summary>
    public async Task GiveToServerUserAsync(string directory, CancellationToken cancellationToken)
    {
        if (_runAsUser is null)
        {
            return;
        }

        var result = await Cli.Wrap("chown").WithArguments(["-R", _runAsUser, directory])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new LocalPostgresException($"Could not give {directory} to the user '{_runAsUser}': {result.StandardError.Trim()}");
        }
    }

    private static IEnumerable<string> CandidateDirectories()
    {
        if (Environment.GetEnvironmentVariable("OUTREACH_PG_BIN") is { Length: > 0 } configured)
        {
            yield return configured;
        }

        // Debian installs each major version under /usr/lib/postgresql/<major>/bin; prefer the newest.
        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var versions = Directory.EnumerateDirectories(debian)
                .Select(d => (Dir: d, Major: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .OrderByDescending(x => x.Major);
            foreach (var (dir, _) in versions)
            {
                yield return Path.Combine(dir, "bin");
            }
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return dir;
        }
    }

    private static string ServerUser()
    {
        if (Environment.GetEnvironmentVariable("OUTREACH_PG_OS_USER") is { Length: > 0 } configured)
        {
            return configured;
        }

        // The Debian package creates 'postgres'; without it, 'nobody' can still own a private cluster.
        var passwd = File.Exists("/etc/passwd") ? File.ReadAllLines("/etc/passwd") : [];
        return passwd.Any(l => l.StartsWith("postgres:", StringComparison.Ordinal)) ? "postgres" : "nobody";
    }
}
