using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Outreach.Bot.Metrics;

/// <summary>
/// Reads the levels that live in the database every <see cref="MetricsOptions.SampleSeconds"/> (one round trip, indexed
/// predicates only), so a scrape never queries the database and a scraper cannot load it. A failed reading keeps the last one.
/// </summary>
public sealed partial class MetricsSampler(
    NpgsqlDataSource dataSource, MetricsSample sample, IOptions<MetricsOptions> options, TimeProvider time, ILogger<MetricsSampler> logger)
    : BackgroundService
{
    // A delivery in flight is still 'queued' and named by a claimed batch (delivery_claims): it counts as "sending".
    private const string LevelsSql = """
        SELECT count(*) FROM inbox_events WHERE status IN ('pending', 'processing');
        SELECT coalesce(extract(epoch FROM now() - min(received_at)), 0)::float8 FROM inbox_events WHERE status IN ('pending', 'processing');
        SELECT count(*) FROM outbound_messages WHERE status IN ('pending', 'sending');
        SELECT count(*) FROM crisis_alerts WHERE acknowledged_at IS NULL;
        SELECT CASE WHEN d.status = 'queued' AND i.contact_id IS NOT NULL THEN 'sending' ELSE d.status END, count(*)
          FROM deliveries d JOIN broadcasts b ON b.id = d.broadcast_id
          LEFT JOIN (SELECT broadcast_id, unnest(contact_ids) AS contact_id FROM delivery_claims) i
                 ON i.broadcast_id = d.broadcast_id AND i.contact_id = d.contact_id
         WHERE b.status = 'sending' GROUP BY 1;
        """;

    /// <summary>Reads the levels once and publishes them.</summary>
    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        using var grid = await connection.QueryMultipleAsync(new CommandDefinition(LevelsSql, cancellationToken: cancellationToken));
        var inbox = await grid.ReadSingleAsync<long>();
        var oldest = await grid.ReadSingleAsync<double>();
        var outbox = await grid.ReadSingleAsync<long>();
        var alerts = await grid.ReadSingleAsync<long>();
        var deliveries = (await grid.ReadAsync<(string Status, long Count)>()).ToDictionary(d => d.Status, d => d.Count);
        sample.Set(new MetricsLevels(inbox, oldest, outbox, alerts, deliveries));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SampleSeconds), time);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex);
            }
        }
        while (await NextAsync(timer, stoppingToken));
    }

    private static async Task<bool> NextAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 3901, Level = LogLevel.Warning, Message = "Metrics: reading the database levels failed; the last reading stays")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
