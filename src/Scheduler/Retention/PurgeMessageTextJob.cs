using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Outreach.Content.Retention;
using Outreach.Content.Staff;
using Outreach.Content.Stats;
using Outreach.Content.Time;

namespace Outreach.Scheduler.Retention;

/// <summary>
/// Removes message text older than <see cref="RetentionOptions"/> allows (crisis conversations sooner), in batches, every
/// night; also forgets old failed sign-ins and the report ranges of days nobody asked for lately. A run that dies is simply continued by the next: each batch is its own commit.
/// </summary>
public sealed partial class PurgeMessageTextJob(
    RetentionStore store, SignInFailureStore signInFailures, ReportPeriodStore periods, IOptions<RetentionOptions> options, TimeProvider time,
    ILogger<PurgeMessageTextJob> logger)
{
    public const string RecurringJobId = "purge-message-text";

    [AutomaticRetry(Attempts = 1)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [Queue(Hosting.SchedulerQueues.Default)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var textBefore = now - TimeSpan.FromDays(settings.MessageTextDays);
        var crisisBefore = now - TimeSpan.FromDays(settings.CrisisTextDays);
        var size = settings.BatchSize;
        var crisisInbox = await DrainAsync((n, ct) => store.PurgeCrisisInboxAsync(crisisBefore, now, n, ct), size, cancellationToken);
        var crisisOutbox = await DrainAsync((n, ct) => store.PurgeCrisisOutboxAsync(crisisBefore, now, n, ct), size, cancellationToken);
        var inbox = await DrainAsync((n, ct) => store.PurgeInboxAsync(textBefore, now, n, ct), size, cancellationToken);
        var outbox = await DrainAsync((n, ct) => store.PurgeOutboxAsync(textBefore, now, n, ct), size, cancellationToken);
        var questions = await DrainAsync((n, ct) => store.PurgeQuestionsAsync(textBefore, now, n, ct), size, cancellationToken);
        await signInFailures.ForgetOldAsync(now - TimeSpan.FromDays(1), cancellationToken);
        var ranges = await periods.ForgetUnusedRangesAsync(
            DateOnly.FromDateTime(VietnamTime.ToLocal(now).DateTime).AddDays(-settings.RangePeriodDays), cancellationToken);
        LogPurged(logger, inbox + crisisInbox, outbox + crisisOutbox, crisisInbox + crisisOutbox, questions, ranges);
    }

    private static async Task<int> DrainAsync(Func<int, CancellationToken, Task<int>> batch, int size, CancellationToken cancellationToken)
    {
        var total = 0;
        int done;
        do
        {
            done = await batch(size, cancellationToken);
            total += done;
        }
        while (done == size);

        return total;
    }

    [LoggerMessage(EventId = 4301, Level = LogLevel.Information,
        Message = "Retention: text removed from {Inbox} inbox events and {Outbox} outbox messages ({Crisis} of crisis conversations), and from {Questions} unanswered-queue questions; {Ranges} report ranges nobody asked for lately forgotten")]
    private static partial void LogPurged(ILogger logger, int inbox, int outbox, int crisis, int questions, int ranges);
}
