using System.Globalization;
using Outreach.Bot.Core;
using Outreach.Scheduler.Sending;

namespace Outreach.Bot.Channels.WebChat;

/// <summary>The web chat has no platform to call: the page reads sent messages from the outbox, so sending just confirms.</summary>
public sealed class WebChatSender : IChannelSender
{
    public string Channel => ChannelNames.WebChat;

    public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Task.FromResult(string.IsNullOrWhiteSpace(message.Text) && message.ImageUrl is null
            ? SendResult.Failed(SendOutcome.Rejected, "empty", "A message needs text or an image.")
            : SendResult.Sent("wc-" + (message.Reference ?? Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture))));
    }
}
