using Outreach.Scheduler.Sending;

namespace Outreach.Bot.Channels;

/// <summary>Finds a channel's adapter and sender by channel name. Both families are registered by assembly scan (order does not matter).</summary>
public sealed class ChannelRegistry(IEnumerable<ChannelAdapter> adapters, IEnumerable<IChannelSender> senders)
{
    private readonly Dictionary<string, ChannelAdapter> _adapters = adapters.ToDictionary(a => a.Channel, StringComparer.Ordinal);
    private readonly Dictionary<string, IChannelSender> _senders = senders.ToDictionary(s => s.Channel, StringComparer.Ordinal);

    public IReadOnlyCollection<string> AdapterChannels => _adapters.Keys;

    public ChannelAdapter? Adapter(string channel) => _adapters.GetValueOrDefault(channel);

    public IChannelSender? Sender(string channel) => _senders.GetValueOrDefault(channel);
}
