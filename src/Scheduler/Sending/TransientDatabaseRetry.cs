using Npgsql;
using Polly;
using Polly.Retry;

namespace Outreach.Scheduler.Sending;

/// <summary>
/// Retries a database write through a transient error (an outage, a restart): exponential backoff from 250 ms up to 5 s with
/// jitter, so 12 retries last about 40 s. Used where giving up would lose what a platform already took (a broadcast
/// worker's claims and records, a reply's outcome). Also retried: a prepared statement whose result type a migration changed
/// meanwhile (0A000 "cached plan must not change result type", another host's migration during a send): the statement did
/// nothing, and Npgsql prepares it again on the next execution.
/// </summary>
public static class TransientDatabaseRetry
{
    public static ResiliencePipeline Create(int retries, TimeProvider time) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(e => e.IsTransient || IsStalePreparedStatement(e)),
                MaxRetryAttempts = Math.Max(1, retries),
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(250),
                MaxDelay = TimeSpan.FromSeconds(5),
                UseJitter = true,
            })
            .Build();

    /// <summary>PostgreSQL refused a prepared statement whose result type changed since it was prepared (a schema change).</summary>
    public static bool IsStalePreparedStatement(NpgsqlException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.FeatureNotSupported, Routine: "RevalidateCachedQuery" };
}
