using Hangfire;
using Npgsql;
using Outreach.Content.Channels;
using Outreach.Content.Storage;

namespace Outreach.Bot.Hosting;

/// <summary>
/// Runs after the container is built and before anything else touches the database: applies the migrations, then
/// creates Hangfire's storage (which installs its schema). A broken database fails here, with the server it tried named, and
/// so does a registered channel whose migration (its row in the channels table) is missing.
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
            var registered = services.GetRequiredService<ChannelCatalog>().All.Select(c => c.Name).ToList();
            if (await services.GetRequiredService<ChannelStore>().MissingAsync(registered, cancellationToken) is { Count: > 0 } missing)
            {
                throw new InvalidOperationException(
                    $"Channels registered without their migration (a row in the channels table): {string.Join(", ", missing)}.");
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException { InnerException: NpgsqlException })
        {
            throw new DatabaseStartupException(database.ConnectionString, ex as NpgsqlException ?? ex.InnerException!);
        }
    }
}
