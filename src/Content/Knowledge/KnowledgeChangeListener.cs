using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Outreach.Content.ContentPacks;

namespace Outreach.Content.Knowledge;

/// <summary>
/// Listens on <see cref="KnowledgeItemStore.ChangedChannel"/> (PostgreSQL LISTEN/NOTIFY) and takes in each approval as soon as
/// any host makes it: the payload names the change (<see cref="KnowledgeApproval"/>), so only that version is read and the next
/// snapshot shares the rest (<see cref="ContentPackLoader.ApplyAsync"/>); a notification without one rebuilds in full, and so
/// does the reloader's timer, the safety net when the connection drops.
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
        var payloads = new System.Collections.Concurrent.ConcurrentQueue<string>();
        connection.Notification += (_, e) => payloads.Enqueue(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {KnowledgeItemStore.ChangedChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        // An approval made while this connection was down is picked up at once.
        await loader.RefreshAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await connection.WaitAsync(stoppingToken);
            var changes = new List<KnowledgeApproval>();
            var unnamed = false;
            while (payloads.TryDequeue(out var payload))
            {
                if (KnowledgeApproval.TryParse(payload, out var change))
                {
                    changes.Add(change);
                }
                else
                {
                    unnamed = true; // a bare NOTIFY (a seed, a script): everything is read again
                }
            }

            if (unnamed)
            {
                await loader.RefreshAsync(stoppingToken);
            }
            else if (changes.Count > 0)
            {
                await loader.ApplyAsync(changes, stoppingToken);
            }
        }
    }

    [LoggerMessage(EventId = 1504, Level = LogLevel.Warning, Message = "Knowledge change listener dropped; listening again shortly")]
    private static partial void LogDropped(ILogger logger, Exception exception);
}
