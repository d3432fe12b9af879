using Microsoft.Extensions.Options;
using Outreach.Bot.Inbox;
using Outreach.Bot.Outbox;
using Outreach.Content.Messages;

namespace Outreach.Bot.Hosting;

/// <summary>
/// Runs the conversation's background work under the host's stopping token (never a request's): turn workers over the inbox,
/// send workers over the outbox (both the same loop: do one item, or wait for a pulse or the poll interval), and the sweep
/// that returns replies left "sending" by a dead host to the queue.
/// </summary>
public sealed class ConversationWorkers(
    TurnRunner turns,
    ReplyDispatcher replies,
    OutboundMessageStore outbox,
    InboxSignal inboxSignal,
    OutboxSignal outboxSignal,
    IOptions<InboxOptions> options,
    ILogger<ConversationWorkers> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.RunWorkers)
        {
            return Task.CompletedTask;
        }

        var turnLoops = Enumerable.Range(0, settings.TurnWorkers).Select(_ => LoopAsync(turns.RunOnceAsync, inboxSignal, "turn", stoppingToken));
        var sendLoops = Enumerable.Range(0, settings.SendWorkers).Select(_ => LoopAsync(replies.SendOnceAsync, outboxSignal, "send", stoppingToken));
        return Task.WhenAll(turnLoops.Concat(sendLoops).Append(SweepAsync(stoppingToken)));
    }

    // Does one item at a time; when there is none, waits for a pulse from this process or the poll interval (other processes).
    private async Task LoopAsync(Func<CancellationToken, Task<bool>> once, WorkSignal signal, string work, CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(options.Value.PollIntervalMs);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await once(stoppingToken))
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
                // A database outage or a bug must not stop the host: nothing is lost (events stay pending, a message left
                // "sending" is re-queued after its lease); log, wait, retry.
                Log.WorkerLoopError(logger, ex, work);
                await Task.Delay(poll, stoppingToken);
            }
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SendLease / 4);
        try
        {
            do
            {
                try
                {
                    if (await outbox.ReleaseExpiredAsync(options.Value.MaxSendAttempts, stoppingToken) > 0)
                    {
                        outboxSignal.Pulse();
                    }
                }
                catch (Npgsql.NpgsqlException ex)
                {
                    Log.WorkerLoopError(logger, ex, "sweep");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }
}
