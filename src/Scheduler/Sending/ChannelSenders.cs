namespace Outreach.Scheduler.Sending;

/// <summary>The registered senders, by channel name.</summary>
public sealed class ChannelSenders(IEnumerable<IChannelSender> senders)
{
    private readonly Dictionary<string, IChannelSender> _byChannel = senders.ToDictionary(s => s.Channel, StringComparer.Ordinal);

    public IChannelSender? For(string channel) => _byChannel.GetValueOrDefault(channel);
}
