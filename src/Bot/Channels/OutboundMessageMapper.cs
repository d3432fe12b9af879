using System.Text.Json;
using System.Text.Json.Serialization;
using Outreach.Bot.Core;
using Outreach.Scheduler.Sending;
using Outreach.Content.Messages;

namespace Outreach.Bot.Channels;

/// <summary>Activity (what the bot says) → channel-neutral <see cref="OutboundMessage"/> (what a sender sends).</summary>
public static class OutboundMessageMapper
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static OutboundMessage FromActivity(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var card = activity.Attachments.FirstOrDefault(a => a.ContentType == "card");
        return new OutboundMessage
        {
            Channel = activity.ChannelId,
            AccountId = activity.From.Id,
            RecipientId = activity.Recipient.Id,
            Text = card?.Title is { } title && string.IsNullOrEmpty(activity.Text) ? title : activity.Text,
            QuickReplies = activity.SuggestedActions
                .Where(a => a.Type == CardActionTypes.PostBack)
                .Select(a => new QuickReply(a.Title, a.Value))
                .ToList(),
            Buttons = card?.Buttons.Select(ToButton).ToList() ?? [],
            ImageUrl = activity.Attachments.FirstOrDefault(a => a.ContentType == "image")?.Url,
            Purpose = activity.Purpose,
        };
    }

    private static MessageButton ToButton(CardAction action) => action.Type switch
    {
        CardActionTypes.OpenUrl => new MessageButton(action.Title, action.Value, ButtonKind.Url),
        CardActionTypes.Call => new MessageButton(action.Title, action.Value, ButtonKind.Call),
        _ => new MessageButton(action.Title, action.Value, ButtonKind.Postback),
    };
}
