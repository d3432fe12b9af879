using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Outreach.Content.Channels;

namespace Outreach.Scheduler.Broadcasting;

/// <summary>One <see cref="ChannelRate"/> per channel, shared by all broadcast workers of this process, at the channel's configured rate.</summary>
public sealed class BroadcastRateLimiters(IOptions<BroadcastOptions> options, ChannelCatalog channels, TimeProvider? time = null) : IDisposable
{
    private readonly ConcurrentDictionary<string, ChannelRate> _limiters = new(StringComparer.Ordinal);

    public ChannelRate For(string channel) => _limiters.GetOrAdd(channel, Create);

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }

    private ChannelRate Create(string channel)
    {
        var rate = options.Value.RatePerSecond.TryGetValue(channel, out var configured)
            ? configured
            : channels.Find(channel)?.BroadcastsPerSecond ?? 10;
        return new ChannelRate(rate, time ?? TimeProvider.System);
    }
}
