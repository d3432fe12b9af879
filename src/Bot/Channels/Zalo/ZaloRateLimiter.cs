using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Polly;
using Polly.RateLimiting;

namespace Outreach.Bot.Channels.Zalo;

/// <summary>
/// This host's budget of OA API calls, per Zalo app: <see cref="ZaloOptions.RequestsPerMinute"/> in a sliding minute for each
/// app (Zalo's limit is 4,000 a minute per app, §1; error -32 past it). OAs with their own app (a commune's own OA) each have
/// their own budget, so a big OA's broadcast does not spend a small one's; OAs of one app share it. A call names its app in
/// its request's options (<see cref="AppKey"/>; none: the configured app). A call waits for a permit (up to one minute's
/// worth queued) rather than fail; beyond the queue it is refused and the outbox retries it later.
/// </summary>
public sealed class ZaloRateLimiter(IOptions<ZaloOptions> options) : IDisposable
{
    /// <summary>The request option naming the app whose budget the call spends.</summary>
    public static readonly HttpRequestOptionsKey<string> AppKey = new("Outreach.Zalo.App");

    private readonly PartitionedRateLimiter<string> _limiters = PartitionedRateLimiter.Create<string, string>(app =>
        RateLimitPartition.GetSlidingWindowLimiter(app, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.Value.RequestsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 12,
            QueueLimit = options.Value.RequestsPerMinute,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }));

    /// <summary>The rate-limiter strategy of an HTTP client's resilience pipeline: each call waits on its app's budget.</summary>
    public RateLimiterStrategyOptions Strategy => new()
    {
        RateLimiter = args => _limiters.AcquireAsync(AppOf(args.Context), 1, args.Context.CancellationToken),
    };

    public void Dispose() => _limiters.Dispose();

    private string AppOf(ResilienceContext context) =>
        context.GetRequestMessage()?.Options.TryGetValue(AppKey, out var app) == true && !string.IsNullOrEmpty(app)
            ? app
            : options.Value.AppId ?? "";
}
