using Outreach.Content.Storage;

namespace Outreach.Bot.Hosting;

/// <summary>Starts the private PostgreSQL cluster when <c>ConnectionStrings:Outreach</c> is not configured, and points the configuration at it.</summary>
internal static partial class PrivatePostgres
{
    public static async Task<LocalPostgres?> StartIfUnconfiguredAsync(ConfigurationManager configuration, CancellationToken cancellationToken)
    {
        var key = "ConnectionStrings:" + OutreachDatabase.ConnectionStringName;
        if (!string.IsNullOrWhiteSpace(configuration[key]))
        {
            return null;
        }

        var settings = configuration.GetSection(LocalPostgresSettings.Section).Get<LocalPostgresSettings>() ?? new LocalPostgresSettings();
        var directory = Path.GetFullPath(settings.Directory ?? Path.Combine(Environment.CurrentDirectory, ".data", "postgres"));
        var cluster = await LocalPostgres.StartAsync(new LocalPostgresOptions(directory), cancellationToken);
        try
        {
            configuration[key] = await cluster.EnsureDatabaseAsync(settings.Database, cancellationToken);
            await Console.Out.WriteLineAsync($"PostgreSQL riêng đang chạy ở 127.0.0.1:{cluster.Port} (thư mục {directory}).");
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }
}
