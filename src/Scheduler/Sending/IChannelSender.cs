namespace Outreach.Scheduler.Sending;

/// <summary>
/// The sending port: one implementation per channel (Messenger, Zalo, web chat), registered as a keyed service under
/// <see cref="Channel"/>. Replies and broadcasts both go through it.
/// </summary>
public interface IChannelSender
{
    /// <summary>The channel this sender serves ("messenger", "zalo", "webchat").</summary>
    string Channel { get; }

    /// <summary>Sends one message. Platform refusals come back as a <see cref="SendResult"/>; only programming errors throw.</summary>
    Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default);
}
