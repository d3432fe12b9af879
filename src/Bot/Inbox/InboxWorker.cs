using Microsoft.Extensions.Options;

namespace Outreach.Bot.Inbox;

/// <summary>Runs turns from the inbox in the background, under the host's stopping token (never a request's).</summary>
public sealed partial class InboxWorker(TurnRunner runner, InboxSignal signal, IOptions<InboxOptions> options, ILogger<InboxWorker> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunWorkers)
        {
            return Task.CompletedTask;
        }

        var loops = Enumerable.Range(0, options.Value.TurnWorkers).Select(_ => LoopAsync(stoppingToken));
        return Task.WhenAll(loops);
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(options.Value.PollIntervalMs);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await runner.RunOnceAsync(stoppingToken))
                {
                    await signal.WaitAsync(poll, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A database outage or a bug must not stop the host: nothing is lost (events stay pending); log, wait, retry.
                LogLoopError(logger, ex);
                await Task.Delay(poll, stoppingToken);
            }
        }
    }

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Inbox worker: error; retrying")]
    private static partial void LogLoopError(ILogger logger, Exception exception);
}
