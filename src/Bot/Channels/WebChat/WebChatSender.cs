using System.Globalization;
using System.Text.Json;
using Outreach.Bot.Core;
using Outreach.Content.Messages;
using Outreach.Scheduler.Sending;

namespace Outreach.Bot.Channels.WebChat;

/// <summary>
/// The web chat has no platform to call: the page reads the outbox. Replies are already there, so sending confirms them;
/// a broadcast is written there as sent, so that the local chat shows it like a member's phone would.
/// </summary>
public sealed class WebChatSender(OutboundMessageStore outbox) : IChannelSender
{
    public string Channel => WebChatChannel.Name;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(message.Text) && message.ImageUrl is null)
        {
            return SendResult.Failed(SendOutcome.Rejected, "empty", "A message needs text or an image.");
        }

        var platformId = "wc-" + (message.Reference ?? Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
        if (message.Purpose == MessagePurpose.Broadcast)
        {
            var draft = new OutboundDraft(
                message.Channel, message.AccountId, message.RecipientId, null, null, 0, MessagePurposes.Name(message.Purpose),
                JsonSerializer.Serialize(message, OutboundMessageMapper.JsonOptions));
            await outbox.RecordSentAsync(draft, platformId, cancellationToken);
        }

        return SendResult.Sent(platformId);
    }
}
