using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using CliWrap;
using CliWrap.Buffered;
using Npgsql;

namespace Outreach.Content.Storage;

/// <summary>
/// A private PostgreSQL cluster in a folder of ours, on a free loopback port. The run command uses it
/// when no connection string is configured; the tests use it for their throwaway server.
/// </summary>
/// <remarks>
/// <c>initdb</c> refuses to run as root, so as root every PostgreSQL command runs through
/// <c>runuser -u postgres</c> (or the user named by <c>OUTREACH_PG_OS_USER</c>) and the folder is given to that user.
/// A cluster already running in the folder (left by a killed run) is adopted, not started twice.
/// </remarks>
public sealed class LocalPostgres : IAsyncDisposable
{
    private const string Superuser = "outreach";
    private readonly LocalPostgresOptions _options;
    private readonly PostgresBinaries _binaries;
    private bool _stopped;

    private LocalPostgres(LocalPostgresOptions options, PostgresBinaries binaries, int port, string password)
    {
        _options = options;
        _binaries = binaries;
        Port = port;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = Superuser,
            Password = password,
            Database = "postgres",
        }.ConnectionString;
    }

    /// <summary>The loopback port the cluster listens on.</summary>
    public int Port { get; }

    /// <summary>A connection string to the <c>postgres</c> database as the cluster's superuser.</summary>
    public string ConnectionString { get; }

    /// <summary>The folder that holds the cluster (data, socket, log, password).</summary>
    public string RootDirectory => _options.RootDirectory;

    /// <summary>Creates the cluster if the folder has none, then starts it (or adopts the one already running).</summary>
    /// <exception cref="LocalPostgresException">The binaries are missing or the cluster cannot start; the message says what to do.</exception>
    public static async Task<LocalPostgres> StartAsync(LocalPostgresOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var binaries = PostgresBinaries.Locate();
        var layout = new ClusterLayout(options.RootDirectory);
        Directory.CreateDirectory(layout.Root);
        if (options.Ephemeral)
        {
            // Claimed at once, so that a parallel run's clean-up never mistakes a cluster being created for an abandoned one; in
            // one rename, so that it never reads the owner file empty.
            await AtomicFile.WriteAsync(
                layout.OwnerFile,
                partial => File.WriteAllTextAsync(partial, Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken));
        }

        var password = await EnsureInitialisedAsync(binaries, layout, cancellationToken);

        var running = await RunningPortAsync(binaries, layout, cancellationToken);
        var port = running ?? await StartServerAsync(binaries, layout, options, cancellationToken);
        return new LocalPostgres(options, binaries, port, password);
    }

    /// <summary>Creates <paramref name="database"/> unless it exists; returns its connection string.</summary>
    public async Task<string> EnsureDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
            exists.Parameters.AddWithValue(database);
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(database)}", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;
    }

    /// <summary>
    /// Restarts the server in place, as an operator's <c>pg_ctl restart -m fast</c> does: every session is ended, new ones are
    /// refused until it is back, and it comes back on the same port.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_stopped, this);
        var layout = new ClusterLayout(_options.RootDirectory);
        await _binaries.RunAsync("pg_ctl", ["-D", layout.Data, "-l", layout.LogFile, "-m", "fast", "-w", "-t", "60", "restart"], cancellationToken);
    }

    /// <summary>Stops the cluster; an ephemeral one is deleted as well.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        NpgsqlConnection.ClearAllPools();
        var layout = new ClusterLayout(_options.RootDirectory);
        var mode = _options.Ephemeral ? "immediate" : "fast";
        await _binaries.RunAsync("pg_ctl", ["-D", layout.Data, "-m", mode, "-w", "stop"], CancellationToken.None, throwOnError: false);
        if (_options.Ephemeral)
        {
            TryDelete(layout.Root);
        }
    }

    /// <summary>Stops and deletes ephemeral clusters under <paramref name="parent"/> whose owning process has died (a killed test run).</summary>
    public static async Task CleanUpAbandonedAsync(string parent, string prefix, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(parent))
        {
            return;
        }

        // A folder without an owner yet may be one that a parallel run has just created and is about to claim.
        var creationGrace = TimeProvider.System.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(5); // file times are the real clock's
        foreach (var root in Directory.EnumerateDirectories(parent, prefix + "*"))
        {
            var layout = new ClusterLayout(root);
            var owner = Owner(layout);
            if (owner == ClusterOwner.Alive || owner == ClusterOwner.Gone
                || (owner == ClusterOwner.Unknown && Directory.GetLastWriteTimeUtc(root) > creationGrace))
            {
                continue;
            }

            if (Directory.Exists(layout.Data) && PostgresBinaries.TryLocate() is { } binaries)
            {
                await binaries.RunAsync("pg_ctl", ["-D", layout.Data, "-m", "immediate", "stop"], cancellationToken, throwOnError: false);
            }

            TryDelete(root);
        }
    }

    private static async Task<string> EnsureInitialisedAsync(PostgresBinaries binaries, ClusterLayout layout, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(layout.Data, "PG_VERSION")) && File.Exists(layout.PasswordFile))
        {
            return (await File.ReadAllTextAsync(layout.PasswordFile, cancellationToken)).Trim();
        }

        TryDelete(layout.Data);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await File.WriteAllTextAsync(layout.PasswordFile, password, cancellationToken);
        File.SetUnixFileMode(layout.PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        // initdb reads the password from a file the server's OS user can read; it is removed right after.
        var pwfile = Path.Combine(layout.Root, "initdb.pw");
        await File.WriteAllTextAsync(pwfile, password, cancellationToken);
        Directory.CreateDirectory(layout.Socket);
        await binaries.GiveToServerUserAsync(layout.Root, cancellationToken);
        try
        {
            await binaries.RunAsync(
                "initdb",
                ["-D", layout.Data, "-U", Superuser, "--pwfile", pwfile, "--auth", "scram-sha-256", "-E", "UTF8", "--locale", "C.UTF-8"],
                cancellationToken);
        }
        finally
        {
            File.Delete(pwfile);
        }

        return password;
    }

    private static async Task<int?> RunningPortAsync(PostgresBinaries binaries, ClusterLayout layout, CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(layout.Data, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }

        var status = await binaries.RunAsync("pg_ctl", ["-D", layout.Data, "status"], cancellationToken, throwOnError: false);
        if (status.ExitCode != 0)
        {
            return null;
        }

        // postmaster.pid line 4 is the port (PostgreSQL docs, "Database File Layout").
        var lines = await File.ReadAllLinesAsync(pidFile, cancellationToken);
        return lines.Length > 3 && int.TryParse(lines[3], CultureInfo.InvariantCulture, out var port) ? port : null;
    }

    private static async Task<int> StartServerAsync(
        PostgresBinaries binaries, ClusterLayout layout, LocalPostgresOptions options, CancellationToken cancellationToken)
    {
        BufferedCommandResult? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var port = FreeLoopbackPort();
            var settings = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={layout.Socket} -c max_connections=500";
            if (options.Ephemeral)
            {
                // A throwaway cluster trades durability for speed (STYLE.md B.9.2).
                settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            }

            last = await binaries.RunAsync(
                "pg_ctl", ["-D", layout.Data, "-l", layout.LogFile, "-w", "-t", "60", "-o", settings, "start"], cancellationToken, throwOnError: false);
            if (last.ExitCode == 0)
            {
                return port;
            }
        }

        var log = File.Exists(layout.LogFile) ? string.Join('\n', File.ReadLines(layout.LogFile).TakeLast(10)) : "";
        throw new LocalPostgresException(
            $"The private PostgreSQL cluster in {layout.Data} did not start: {last?.StandardError.Trim()}\n{log}");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Whose a cluster folder is. Gone: the folder went away while it was read (a parallel run's clean-up got there first).
    private static ClusterOwner Owner(ClusterLayout layout)
    {
        string text;
        try
        {
            text = File.ReadAllText(layout.OwnerFile);
        }
        catch (DirectoryNotFoundException)
        {
            return ClusterOwner.Gone;
        }
        catch (FileNotFoundException)
        {
            return Directory.Exists(layout.Root) ? ClusterOwner.Unknown : ClusterOwner.Gone;
        }
        catch (IOException)
        {
            return ClusterOwner.Unknown;
        }

        if (!int.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var pid))
        {
            return ClusterOwner.Unknown;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited ? ClusterOwner.Dead : ClusterOwner.Alive;
        }
        catch (ArgumentException)
        {
            return ClusterOwner.Dead;
        }
    }

    private enum ClusterOwner
    {
        Alive,
        Dead,
        Unknown,
        Gone,
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A folder we cannot remove is left for the next clean-up; it never blocks a start.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record ClusterLayout(string Root)
    {
        public string Data => Path.Combine(Root, "data");
        public string Socket => Path.Combine(Root, "sock");
        public string LogFile => Path.Combine(Root, "postgres.log");
        public string PasswordFile => Path.Combine(Root, "superuser.secret");
        public string OwnerFile => Path.Combine(Root, "owner.pid");
    }
}
