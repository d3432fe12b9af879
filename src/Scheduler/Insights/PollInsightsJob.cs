using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Outreach.Content.Stats;

namespace Outreach.Scheduler.Insights;

/// <summary>
/// Pulls what each platform reports about the posts staff linked to it (Page post insights, Zalo article views) and keeps
/// the latest values. A platform that fails only records its error on the link; the next run tries again.
/// </summary>
public sealed partial class PollInsightsJob(
    IEnumerable<IInsightsSource> sources, PostInsightStore store, IOptions<InsightsOptions> options, TimeProvider time, ILogger<PollInsightsJob> logger)
{
    public const string RecurringJobId = "poll-insights";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [Queue(Hosting.SchedulerQueues.Default)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().AddDays(-options.Value.LookbackDays);
        foreach (var source in sources)
        {
            var links = await store.LinksToPollAsync(source.Platform, since, cancellationToken);
            if (links.Count == 0)
            {
                continue;
            }

            IReadOnlyDictionary<string, InsightsResult> results;
            try
            {
                results = await source.FetchAsync(links.Select(l => l.ExternalId).Distinct().ToList(), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One platform's failure is recorded on its links; the other platforms still run.
                results = links.Select(l => l.ExternalId).Distinct().ToDictionary(id => id, _ => InsightsResult.Failed("source_failed"), StringComparer.Ordinal);
            }

            foreach (var link in links)
            {
                var result = results.GetValueOrDefault(link.ExternalId) ?? InsightsResult.Failed("no_answer");
                await store.RecordAsync(link.PostId, source.Platform, result.Metrics, result.Error, time.GetUtcNow(), cancellationToken);
                if (result.Error is not null)
                {
                    Log.InsightsNotRead(logger, source.Platform, link.PostId, result.Error);
                }
            }
        }
    }
}
