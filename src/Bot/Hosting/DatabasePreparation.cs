using Hangfire;
using Npgsql;
using Outreach.Content.Storage;

namespace Outreach.Bot.Hosting;

/// <summary>
/// Runs after the container is built and before anything else touches the database: applies the migrations, then
/// creates Hangfire's storage (which installs its schema). A broken database fails here, with the server it tried named.
/// </summary>
internal static partial class DatabasePreparation
{
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<OutreachDatabase>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabasePreparation));
        try
        {
            var applied = await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(database.ConnectionString, cancellationToken);
            Log.Migrated(logger, applied.Count);
            _ = services.GetRequiredService<JobStorage>();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException { InnerException: NpgsqlException })
        {
            throw new DatabaseStartupException(database.ConnectionString, ex as NpgsqlException ?? ex.InnerException!);
        }
    }
}
