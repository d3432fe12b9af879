using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Outreach.Bot.Channels.Zalo;

/// <summary>
/// This host's budget of OA API calls: <see cref="ZaloOptions.RequestsPerMinute"/> in a sliding minute (Zalo's limit is
/// 4,000 a minute per app, §1; error -32 past it). A call waits for a permit (up to one minute's worth queued) rather than
/// fail; beyond the queue it is refused and the outbox retries it later.
/// </summary>
public sealed class ZaloRateLimiter(IOptions<ZaloOptions> options) : IDisposable
{
    public RateLimiter Limiter { get; } = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
    {
        PermitLimit = options.Value.RequestsPerMinute,
        Window = TimeSpan.FromMinutes(1),
        SegmentsPerWindow = 12,
        QueueLimit = options.Value.RequestsPerMinute,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    public void Dispose() => Limiter.Dispose();
}
