using System.Globalization;
using Outreach.Bot.Core;
using Outreach.Content.Broadcasts;
using Outreach.Content.Messages;

namespace Outreach.Bot.Pipeline;

/// <summary>
/// Delivery and read receipts update the status of our messages, replies and broadcasts alike, and end the turn (the bot never sees them).
/// A receipt names message ids, or carries a watermark (epoch ms in <see cref="Activity.Value"/>) covering all earlier ones.
/// </summary>
public sealed class ReceiptMiddleware(OutboundMessageStore outbox, DeliveryStore deliveries, TimeProvider time) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        var receipt = activity is { Type: ActivityTypes.Event, Name: ActivityNames.Delivery } ? OutboundStatuses.Delivered
            : activity is { Type: ActivityTypes.Event, Name: ActivityNames.Read } ? OutboundStatuses.Read
            : null;
        if (receipt is null)
        {
            await next(cancellationToken);
            return;
        }

        DateTimeOffset? watermark = long.TryParse(activity.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
        var session = turnContext.TurnState.Get<TurnSession>();
        await outbox.ApplyReceiptAsync(
            session?.Transaction, activity.ChannelId, activity.Recipient.Id, activity.From.Id, receipt, activity.ReplyToIds, watermark, cancellationToken);
        await deliveries.ApplyReceiptAsync(
            session?.Transaction, activity.ChannelId, activity.Recipient.Id, activity.From.Id, receipt, activity.ReplyToIds, watermark,
            time.GetUtcNow(), cancellationToken);
    }
}
