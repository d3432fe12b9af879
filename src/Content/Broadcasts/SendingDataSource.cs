using Microsoft.Extensions.Logging;
using Npgsql;

namespace Outreach.Content.Broadcasts;

/// <summary>
/// Where the broadcast workers' statements go (<see cref="DeliveryStore"/>: the chunk's claim, lease and finish, the rows'
/// claim, outcome and release). Either the application's own data source (<see cref="Shared"/>: exactly as every other
/// statement), or a data source of its own on the same connection string whose connections prepare these statements
/// (<see cref="Prepared"/>: Npgsql's automatic preparation, <see cref="MaxAutoPrepare"/> statements per connection, each
/// prepared on its second use, and <c>plan_cache_mode=force_custom_plan</c>, so a statement is parsed and analysed once per
/// connection but planned for each execution's values: PostgreSQL's generic plans were far slower for these statements).
/// Only this path uses it (issue 17, bench/README: 8–19 µs a message less of PostgreSQL CPU): the rest of the application
/// stays unprepared, so a migration's ALTER or a pooler in transaction mode concerns these few statements only.
/// Its connections are not reset when they go back to the pool (<c>No Reset On Close</c>): these statements leave no session
/// state behind (no SET but <c>set_config(…, true)</c>, which ends with its transaction; no LISTEN, advisory or temporary
/// table), while Npgsql's reset (<c>SET SESSION AUTHORIZATION DEFAULT; RESET ALL; CLOSE ALL; UNLISTEN *; …</c>, sent ahead of
/// the connection's next statement) was a transaction of its own at every use: 27 of the 77–80 commits per 1,000 messages
/// (bench/README, "What the commits are"). An open transaction is still rolled back when a connection goes back.
/// </summary>
public sealed class SendingDataSource : IAsyncDisposable, IDisposable
{
    /// <summary>Statements each connection of the prepared data source keeps prepared (the path has about a dozen).</summary>
    public const int MaxAutoPrepare = 64;

    private readonly bool _owned;

    private SendingDataSource(NpgsqlDataSource dataSource, bool owned)
    {
        DataSource = dataSource;
        _owned = owned;
    }

    /// <summary>The data source the workers' statements use.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Whether the statements are prepared (a data source of its own).</summary>
    public bool PreparesStatements => _owned;

    /// <summary>The application's data source, unchanged (not disposed with this).</summary>
    public static SendingDataSource Shared(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        return new SendingDataSource(dataSource, owned: false);
    }

    /// <summary>A data source of its own on <paramref name="connectionString"/> that prepares statements (disposed with this).</summary>
    public static SendingDataSource Prepared(string connectionString, ILoggerFactory? loggerFactory = null)
    {
        var builder = new NpgsqlDataSourceBuilder(PreparedConnectionString(connectionString));
        builder.UseLoggerFactory(loggerFactory);
        return new SendingDataSource(builder.Build(), owned: true);
    }

    /// <summary>The connection string plus the preparation settings and No Reset On Close; options the connection string already passes are kept.</summary>
    public static string PreparedConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxAutoPrepare = MaxAutoPrepare,
            AutoPrepareMinUsages = 2,
            NoResetOnClose = true,
        };
        builder.Options = string.IsNullOrWhiteSpace(builder.Options)
            ? "-c plan_cache_mode=force_custom_plan"
            : builder.Options + " -c plan_cache_mode=force_custom_plan";
        return builder.ConnectionString;
    }

    public ValueTask DisposeAsync() => _owned ? DataSource.DisposeAsync() : ValueTask.CompletedTask;

    public void Dispose()
    {
        if (_owned)
        {
            DataSource.Dispose();
        }
    }
}
