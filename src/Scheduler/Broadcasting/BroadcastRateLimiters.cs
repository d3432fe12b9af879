using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Outreach.Content.Channels;

namespace Outreach.Scheduler.Broadcasting;

/// <summary>One token bucket per channel, shared by all broadcast workers of this process, at the channel's configured rate.</summary>
public sealed class BroadcastRateLimiters(IOptions<BroadcastOptions> options, ChannelCatalog channels) : IDisposable
{
    private readonly ConcurrentDictionary<string, RateLimiter> _limiters = new(StringComparer.Ordinal);

    public RateLimiter For(string channel) => _limiters.GetOrAdd(channel, Create);

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }

    private RateLimiter Create(string channel)
    {
        var rate = options.Value.RatePerSecond.TryGetValue(channel, out var configured)
            ? configured
            : channels.Find(channel)?.BroadcastsPerSecond ?? 10;
        var period = TimeSpan.FromMilliseconds(Math.Max(50, 1000 / rate));
        var tokens = Math.Max(1, (int)Math.Round(rate * period.TotalSeconds));
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokens,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }
}
