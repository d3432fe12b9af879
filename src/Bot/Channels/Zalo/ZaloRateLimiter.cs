using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Polly.RateLimiting;

namespace Outreach.Bot.Channels.Zalo;

/// <summary>
/// This host's budget of OA API calls, per Zalo app: at most <see cref="ZaloOptions.RequestsPerMinute"/> in any minute for
/// each app (Zalo's limit is 4,000 a minute per app, §1; error -32 past it). OAs with their own app (a commune's own OA) each
/// have their own budget, so a big OA's broadcast does not spend a small one's; OAs of one app share it. The sender takes a
/// permit of the OA's app before each send (<see cref="AcquireAsync"/>); the article-insights client spends the configured
/// app's (<see cref="Strategy"/>).
/// The budget is a token bucket: a burst of a twelfth of the minute's calls, then the rest spread evenly over the minute
/// (burst + a minute's refill = the limit). A call never waits for a permit: when the budget is spent it is refused at once,
/// and the caller waits <see cref="WaitWhenSpent"/> (the time to refill a burst; a broadcast puts the OA's rows off that
/// long and sends other accounts' members meanwhile, the outbox retries a reply then). A spent OA therefore never holds a
/// broadcast worker's send slots (bench/README, "Fan-out across many Pages and OAs": queued calls held them all).
/// </summary>
public sealed class ZaloRateLimiter(IOptions<ZaloOptions> options) : IDisposable
{
    /// <summary>How long a caller refused for a spent budget should wait: the time the bucket takes to refill a burst.</summary>
    public TimeSpan WaitWhenSpent { get; } = RefillTime(Bucket(options.Value.RequestsPerMinute));

    private readonly PartitionedRateLimiter<string> _limiters = PartitionedRateLimiter.Create<string, string>(app =>
        RateLimitPartition.GetTokenBucketLimiter(app, _ => Bucket(options.Value.RequestsPerMinute)));

    /// <summary>The bucket for <paramref name="perMinute"/> calls a minute: burst B = perMinute / 12, then (perMinute − B) a minute.</summary>
    public static TokenBucketRateLimiterOptions Bucket(int perMinute)
    {
        var burst = Math.Max(1, perMinute / 12);
        var refill = Math.Max(1, perMinute - burst);
        var (tokens, period) = refill >= 60
            ? (refill / 60, TimeSpan.FromSeconds(1))
            : (1, TimeSpan.FromMilliseconds(Math.Ceiling(60_000.0 / refill)));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        };
    }

    private static TimeSpan RefillTime(TokenBucketRateLimiterOptions bucket) =>
        bucket.ReplenishmentPeriod * Math.Ceiling(bucket.TokenLimit / (double)bucket.TokensPerPeriod);

    /// <summary>
    /// Takes a permit of <paramref name="appId"/>'s budget (null: the configured app's); check
    /// <see cref="RateLimitLease.IsAcquired"/> (not acquired: wait <see cref="WaitWhenSpent"/>).
    /// </summary>
    public ValueTask<RateLimitLease> AcquireAsync(string? appId, CancellationToken cancellationToken) =>
        _limiters.AcquireAsync(appId ?? options.Value.AppId ?? "", 1, cancellationToken);

    /// <summary>The rate-limiter strategy of an HTTP client's resilience pipeline: each call spends the configured app's budget.</summary>
    public RateLimiterStrategyOptions Strategy => new()
    {
        RateLimiter = args => AcquireAsync(null, args.Context.CancellationToken),
    };

    public void Dispose() => _limiters.Dispose();
}
