namespace Outreach.Bot.Core;

/// <summary>Small helpers over <see cref="Activity"/>.</summary>
public static class ActivityExtensions
{
    /// <summary>A copy of <paramref name="activity"/> addressed as a reply within <paramref name="conversation"/>'s conversation.</summary>
    public static Activity WithConversation(this Activity activity, Activity conversation)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(conversation);
        return new Activity
        {
            Type = activity.Type,
            Id = activity.Id,
            Timestamp = activity.Timestamp,
            ChannelId = conversation.ChannelId,
            From = conversation.Recipient,
            Recipient = conversation.From,
            Text = activity.Text,
            Name = activity.Name,
            Value = activity.Value,
            Locale = activity.Locale ?? conversation.Locale,
            Attachments = activity.Attachments,
            SuggestedActions = activity.SuggestedActions,
            ReplyToIds = activity.ReplyToIds,
            ChannelData = activity.ChannelData,
            Purpose = activity.Purpose,
        };
    }

    /// <summary>True for a message the member typed or tapped (not a receipt, not an event).</summary>
    public static bool IsMessage(this Activity activity) => activity?.Type == ActivityTypes.Message;
}
