using System.Globalization;
using System.Text.Json;
using Outreach.Bot.Channels.Messenger.Payloads;
using Outreach.Bot.Core;
using Outreach.Content.Inbox;

namespace Outreach.Bot.Channels.Messenger;

/// <summary>
/// Pure mapping of a stored Messenger event to activities (botbuilder's FacebookHelper, PLATFORM-MESSENGER.md §5.5):
/// messages and quick-reply taps become messages, postbacks/referrals/opt-ins/reactions/handovers and receipts become
/// events. Echoes of our own sends, feed changes and policy notices give none (the row is kept, marked ignored).
/// </summary>
public static class MessengerActivityMapper
{
    /// <summary>The event name given to anything that arrives on <c>standby</c> (another app owns the thread) except receipts.</summary>
    public const string StandbyName = "standby";

    public static IReadOnlyList<Activity> ToActivities(InboxEvent row, string getStartedPayload)
    {
        ArgumentNullException.ThrowIfNull(row);
        var stored = JsonSerializer.Deserialize<MessengerStoredEvent>(row.Payload)
            ?? throw new JsonException("Empty Messenger inbox payload.");
        if (row.SenderId is null || row.AccountId is null || stored.Event.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var item = stored.Event.Deserialize<MessagingEvent>() ?? throw new JsonException("Empty Messenger event.");
        var shell = new Shell(row, stored.Event.Clone());
        if (stored.Standby && row.Kind is not (MessengerEventKinds.Delivery or MessengerEventKinds.Read))
        {
            return [shell.Event(StandbyName, row.Kind)];
        }

        return row.Kind switch
        {
            MessengerEventKinds.Message when item.Message is { } message => [FromMessage(shell, message)],
            MessengerEventKinds.Postback when item.Postback is { } postback => [shell.Event(
                postback.Payload is not null && postback.Payload == getStartedPayload ? ActivityNames.GetStarted : ActivityNames.Postback,
                postback.Payload,
                postback.Title,
                id: postback.Mid,
                referral: postback.Referral?.Ref)],
            MessengerEventKinds.Delivery when item.Delivery is { } delivery =>
                [shell.Event(ActivityNames.Delivery, Millis(delivery.Watermark), replyTo: delivery.Mids ?? [])],
            MessengerEventKinds.Read when item.Read is { } read => [shell.Event(ActivityNames.Read, Millis(read.Watermark))],
            MessengerEventKinds.Reaction when item.Reaction is { } reaction => [shell.Event(
                ActivityNames.Reaction,
                reaction.Action == "unreact" ? "unreact" : reaction.Reaction ?? reaction.Emoji,
                replyTo: reaction.Mid is { } mid ? [mid] : [])],
            MessengerEventKinds.Referral when item.Referral is { } referral => [shell.Event(ActivityNames.Referral, referral.Ref, referral: referral.Ref)],
            MessengerEventKinds.Optin when item.Optin is { } optin => [shell.Event(ActivityNames.OptIn, optin.Ref ?? optin.Payload ?? optin.Type)],
            MessengerEventKinds.PassThreadControl or MessengerEventKinds.TakeThreadControl or MessengerEventKinds.RequestThreadControl =>
                [shell.Event(ActivityNames.Handover, row.Kind)],
            _ => [],
        };
    }

    private static Activity FromMessage(Shell shell, MessengerMessage message) => new()
    {
        Type = ActivityTypes.Message,
        Id = message.Mid ?? shell.Row.PlatformEventId,
        Timestamp = shell.Timestamp,
        ChannelId = MessengerChannel.Name,
        From = shell.Member,
        Recipient = shell.Page,
        Text = message.Text,
        Value = message.QuickReply?.Payload,
        Locale = "vi-VN",
        Attachments = MessengerAttachmentMapper.FromMessage(message),
        ChannelData = shell.Raw,
    };

    private static string? Millis(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    private sealed class Shell(InboxEvent row, JsonElement raw)
    {
        public InboxEvent Row => row;

        public JsonElement Raw => raw;

        public ChannelAccount Member { get; } = new(row.SenderId!);

        public ChannelAccount Page { get; } = new(row.AccountId!);

        public DateTimeOffset Timestamp => row.EventTime ?? DateTimeOffset.UnixEpoch;

        public Activity Event(
            string name, string? value, string? text = null, IReadOnlyList<string>? replyTo = null, string? id = null, string? referral = null) => new()
        {
            Type = ActivityTypes.Event,
            Name = name,
            Value = value,
            Text = text,
            Id = id ?? row.PlatformEventId,
            Timestamp = Timestamp,
            ChannelId = MessengerChannel.Name,
            From = Member,
            Recipient = Page,
            Locale = "vi-VN",
            ReplyToIds = replyTo ?? [],
            Referral = referral,
            ChannelData = raw,
        };
    }
}
