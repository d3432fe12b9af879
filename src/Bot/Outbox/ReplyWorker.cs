using Microsoft.Extensions.Options;
using Outreach.Bot.Inbox;
using Outreach.Content.Messages;

namespace Outreach.Bot.Outbox;

/// <summary>Runs the reply dispatcher in the background and returns abandoned "sending" messages to the queue.</summary>
public sealed partial class ReplyWorker(
    ReplyDispatcher dispatcher, OutboundMessageStore outbox, OutboxSignal signal, IOptions<InboxOptions> options, ILogger<ReplyWorker> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunWorkers)
        {
            return Task.CompletedTask;
        }

        var loops = Enumerable.Range(0, options.Value.SendWorkers).Select(_ => LoopAsync(stoppingToken)).Append(SweepAsync(stoppingToken));
        return Task.WhenAll(loops);
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(options.Value.PollIntervalMs);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await dispatcher.SendOnceAsync(stoppingToken))
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
                // As in the inbox worker: log, wait, retry; a message left "sending" is re-queued after its lease.
                LogLoopError(logger, ex);
                await Task.Delay(poll, stoppingToken);
            }
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ReplyDispatcher.SendLease / 4);
        try
        {
            do
            {
                try
                {
                    if (await outbox.ReleaseExpiredAsync(stoppingToken) > 0)
                    {
                        signal.Pulse();
                    }
                }
                catch (Npgsql.NpgsqlException ex)
                {
                    LogLoopError(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Reply worker: error; retrying")]
    private static partial void LogLoopError(ILogger logger, Exception exception);
}
