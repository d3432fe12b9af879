using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Outreach.Bot.Channels.Messenger;

/// <summary>
/// A token bucket per Page for Send API calls (Meta: 300 calls/s per Page for text, PLATFORM-MESSENGER.md §2.6): a burst of
/// up to one second's worth, then a steady rate. Callers queue for up to ~10 s of tokens; beyond that a send is refused as
/// rate-limited and the outbox retries it later.
/// </summary>
public sealed class MessengerRateLimits : IAsyncDisposable, IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public MessengerRateLimits(IOptions<MessengerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rate = options.Value.SendsPerSecondPerPage;
        var (tokens, period) = rate % 10 == 0 ? (rate / 10, TimeSpan.FromMilliseconds(100)) : (rate, TimeSpan.FromSeconds(1));
        _limiter = PartitionedRateLimiter.Create<string, string>(pageId => RateLimitPartition.GetTokenBucketLimiter(pageId, _ => new()
        {
            TokenLimit = rate,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = rate * 10,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Waits for a send slot of <paramref name="pageId"/>; check <see cref="RateLimitLease.IsAcquired"/>.</summary>
    public ValueTask<RateLimitLease> AcquireAsync(string pageId, CancellationToken cancellationToken) =>
        _limiter.AcquireAsync(pageId, 1, cancellationToken);

    /// <summary>Takes a slot only if one is free right now.</summary>
    public RateLimitLease TryAcquire(string pageId) => _limiter.AttemptAcquire(pageId, 1);

    public ValueTask DisposeAsync() => _limiter.DisposeAsync();

    public void Dispose() => _limiter.Dispose();
}
