using DbUp;
using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Outreach.Content.Storage;

/// <summary>Applies the numbered SQL scripts in Storage/Migrations with DbUp; applied scripts are journaled in <c>schema_versions</c>.</summary>
public sealed class DatabaseMigrator(ILogger<DatabaseMigrator> logger)
{
    // Any fixed number works; it only has to be the same for every host that migrates this database.
    private const long MigrationLockKey = 0x4F75_7472_6561_6368;

    /// <summary>Brings the database to the newest schema. Several hosts may call this at once: one migrates, the others wait.</summary>
    /// <returns>The names of the scripts this call applied (empty when the schema was already current).</returns>
    public async Task<IReadOnlyList<string>> MigrateAsync(string connectionString, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        await using var lockConnection = new NpgsqlConnection(connectionString);
        await lockConnection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", lockConnection))
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            var upgrader = DeployChanges.To
                .PostgresqlDatabase(connectionString)
                .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.Contains(".Storage.Migrations.", StringComparison.Ordinal))
                .JournalToPostgresqlTable("public", "schema_versions")
                .WithTransactionPerScript()
                .LogTo(new DbUpLog(logger))
                .Build();

            var result = upgrader.PerformUpgrade();
            if (!result.Successful)
            {
                throw new InvalidOperationException(
                    $"Database migration {result.ErrorScript?.Name} failed: {result.Error?.Message}", result.Error);
            }

            return result.Scripts.Select(s => s.Name).ToList();
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLockKey})", lockConnection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private sealed class DbUpLog(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => Write(LogLevel.Debug, format, args);

        public void LogDebug(string format, params object[] args) => Write(LogLevel.Debug, format, args);

        public void LogInformation(string format, params object[] args) => Write(LogLevel.Information, format, args);

        public void LogWarning(string format, params object[] args) => Write(LogLevel.Warning, format, args);

        public void LogError(string format, params object[] args) => Write(LogLevel.Error, format, args);

        public void LogError(Exception ex, string format, params object[] args) => Write(LogLevel.Error, format, args);

        private void Write(LogLevel level, string format, object[] args)
        {
            if (!logger.IsEnabled(level))
            {
                return;
            }

            var text = args.Length == 0 ? format : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);
            Log.Migration(logger, level == LogLevel.Information ? LogLevel.Debug : level, text);
        }
    }
}
