using Outreach.Content.Channels;
using Outreach.Scheduler.Sending;

namespace Outreach.Bot.Channels;

/// <summary>
/// The registered channels and their senders, by channel name. Checked when built: every channel has exactly one sender and
/// every sender a channel, so a half-registered channel stops the start instead of dropping messages.
/// </summary>
public sealed class ChannelRegistry
{
    private readonly Dictionary<string, IChannel> _channels;
    private readonly Dictionary<string, IChannelSender> _senders;

    public ChannelRegistry(IEnumerable<IChannel> channels, IEnumerable<IChannelSender> senders)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(senders);
        _channels = channels.ToDictionary(c => c.Profile.Name, StringComparer.Ordinal);
        _senders = senders.ToDictionary(s => s.Channel, StringComparer.Ordinal);
        var unmatched = _channels.Keys.Except(_senders.Keys).Concat(_senders.Keys.Except(_channels.Keys)).ToList();
        if (unmatched.Count > 0)
        {
            throw new InvalidOperationException($"Channels without a sender or senders without a channel: {string.Join(", ", unmatched)}.");
        }

        Catalog = new ChannelCatalog(_channels.Values.Select(c => c.Profile));
    }

    /// <summary>The channels' profiles (names, display names, broadcast rules), for the layers that must not know the channels.</summary>
    public ChannelCatalog Catalog { get; }

    public IEnumerable<IChannel> All => _channels.Values;

    public IChannel? Find(string channel) => _channels.GetValueOrDefault(channel);

    public IChannelSender? Sender(string channel) => _senders.GetValueOrDefault(channel);
}
