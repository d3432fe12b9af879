using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Outreach.Content.ContentPacks;

namespace Outreach.Content.Knowledge;

/// <summary>
/// Listens on <see cref="KnowledgeItemStore.ChangedChannel"/> (PostgreSQL LISTEN/NOTIFY) and refreshes the snapshot as soon as
/// any host approves a change, so matching uses it as soon as the snapshot is rebuilt; the reloader's timer stays the safety net when the
/// connection drops.
/// </summary>
public sealed partial class KnowledgeChangeListener(
    NpgsqlDataSource dataSource, ContentPackLoader loader, TimeProvider time, ILogger<KnowledgeChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogDropped(logger, ex);
                try
                {
                    await Task.Delay(Reconnect, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        var changed = 0;
        connection.Notification += (_, _) => Interlocked.Exchange(ref changed, 1);
        await using (var listen = new NpgsqlCommand($"LISTEN {KnowledgeItemStore.ChangedChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        // An approval made while this connection was down is picked up at once.
        await loader.RefreshAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await connection.WaitAsync(stoppingToken);
            if (Interlocked.Exchange(ref changed, 0) == 1)
            {
                await loader.RefreshAsync(stoppingToken);
            }
        }
    }

    [LoggerMessage(EventId = 1504, Level = LogLevel.Warning, Message = "Knowledge change listener dropped; listening again shortly")]
    private static partial void LogDropped(ILogger logger, Exception exception);
}
