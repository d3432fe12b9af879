using Npgsql;
using Outreach.Content.Alerts;
using Outreach.Content.Storage;
using Xunit;

namespace Outreach.Testing;

/// <summary>
/// One PostgreSQL server for a whole test assembly: <c>OUTREACH_TEST_PG</c> when set, otherwise a private throwaway cluster.
/// The migrations and Hangfire's schema are applied once into a template; every test database is a copy of it.
/// Register it with <c>[assembly: AssemblyFixture(typeof(PostgresServer))]</c>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly SemaphoreSlim _createLock = new(1, 1);
    private LocalPostgres? _cluster;
    private string? _adminConnectionString;

    /// <summary>A connection string to the server's maintenance database, as a user allowed to create databases.</summary>
    public string AdminConnectionString => _adminConnectionString ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>The template every test database is copied from (unique per run, so parallel runs can share OUTREACH_TEST_PG).</summary>
    public string TemplateName { get; } = "outreach_tpl_" + Guid.NewGuid().ToString("N")[..10];

    public async ValueTask InitializeAsync()
    {
        // The crisis classifier trains once per process (seconds of CPU, up to half a minute on a busy machine); a gateway's
        // first turn waits for it. Trained here, beside the cluster's start, so no test's reply deadline pays for it.
        var classifier = Task.Run(() => CrisisClassifier.Shipped.TrainingTime);
        var external = Environment.GetEnvironmentVariable("OUTREACH_TEST_PG");
        if (!string.IsNullOrWhiteSpace(external))
        {
            _adminConnectionString = external;
        }
        else
        {
            var parent = Path.GetTempPath();
            await LocalPostgres.CleanUpAbandonedAsync(parent, "outreach-pg-");
            var root = Path.Combine(parent, "outreach-pg-" + Guid.NewGuid().ToString("N")[..12]);
            _cluster = await LocalPostgres.StartAsync(new LocalPostgresOptions(root, Ephemeral: true));
            _adminConnectionString = _cluster.ConnectionString;
        }

        var template = await CreateEmptyDatabaseAsync(TemplateName);
        await new DatabaseMigrator(Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseMigrator>.Instance)
            .MigrateAsync(template, CancellationToken.None);
        Microsoft.Extensions.DependencyInjection.SchedulerServiceCollectionExtensions.InstallHangfireSchema(template);

        // CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template.
        NpgsqlConnection.ClearAllPools();
        await classifier;
    }

    /// <summary>A fresh database with the full schema, copied from the template.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await _createLock.WaitAsync(cancellationToken);
        try
        {
            await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {TemplateName}", cancellationToken);
        }
        finally
        {
            _createLock.Release();
        }

        return new TestDatabase(this, name, ConnectionStringFor(name));
    }

    /// <summary>An empty database (no schema), for tests of the migrations themselves.</summary>
    public async Task<string> CreateEmptyDatabaseAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        name ??= "e_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync($"CREATE DATABASE {name}", cancellationToken);
        return ConnectionStringFor(name);
    }

    /// <summary>Restarts the private cluster in place (same port); a server given by OUTREACH_TEST_PG cannot be restarted here.</summary>
    public bool CanRestart => _cluster is not null;

    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await (_cluster ?? throw new InvalidOperationException("OUTREACH_TEST_PG names a server this run does not own")).RestartAsync(cancellationToken);
        using var admin = new NpgsqlConnection(AdminConnectionString);
        NpgsqlConnection.ClearPool(admin); // its idle sessions died with the server
    }

    internal async Task DropDatabaseAsync(string name)
    {
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
        else if (_adminConnectionString is not null)
        {
            await DropDatabaseAsync(TemplateName);
        }

        _createLock.Dispose();
    }

    private string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
