using Hangfire.PostgreSql;
using Npgsql;

namespace Outreach.Scheduler.Hosting;

/// <summary>
/// Hangfire.PostgreSql takes its connections from our NpgsqlDataSource: one pool per host, sized and disposed with it
/// (a connection string instead would give Hangfire a second, process-wide pool that outlives the host).
/// </summary>
internal sealed class DataSourceConnectionFactory(NpgsqlDataSource dataSource) : IConnectionFactory
{
    public NpgsqlConnection GetOrCreateConnection() => dataSource.CreateConnection();
}
