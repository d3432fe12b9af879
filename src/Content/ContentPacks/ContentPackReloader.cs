using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Outreach.Content.KnowledgeBase;

namespace Outreach.Content.ContentPacks;

/// <summary>Loads the pack at start and checks for a new one every <see cref="KnowledgeOptions.ReloadIntervalSeconds"/> (no restart needed).</summary>
public sealed partial class ContentPackReloader(
    ContentPackLoader loader, IOptions<KnowledgeOptions> options, TimeProvider time, ILogger<ContentPackReloader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ReloadIntervalSeconds), time);
        do
        {
            try
            {
                await loader.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A database hiccup must not stop reloading: the current pack stays and the next tick tries again.
                LogFailed(logger, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
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

    [LoggerMessage(EventId = 1503, Level = LogLevel.Warning, Message = "Content pack reload failed; retrying on the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
