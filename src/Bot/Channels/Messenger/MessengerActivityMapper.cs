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
    public const string StandbyName = ActivityNames.Standby;

    /// <summary>Meta Business Suite's Page Inbox: its echoes are a person typing, and a thread passed to it is held by people.</summary>
    public const string PageInboxAppId = "263902037430900";

    /// <param name="appId">Our Meta app id (Outreach:Messenger:AppId), when known: echoes and thread control from other apps are people.</param>
    public static IReadOnlyList<Activity> ToActivities(InboxEvent row, string getStartedPayload, string? appId = null)
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
        if (row.Kind == MessengerEventKinds.Echo)
        {
            // Our own sends are echoed too: only a person's (Page Inbox, no app, another app) takes the conversation over.
            return item.Message is { } echo && IsHumanEcho(echo, appId) ? [shell.Event(ActivityNames.HumanTakeover, row.Kind)] : [];
        }

        if (stored.Standby && row.Kind is not (MessengerEventKinds.Delivery or MessengerEventKinds.Read))
        {
            return [shell.Event(IsInteraction(row.Kind) ? ActivityNames.StandbyInteraction : StandbyName, row.Kind)];
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
            MessengerEventKinds.PassThreadControl or MessengerEventKinds.TakeThreadControl =>
                [shell.Event(ThreadControl(item, row.Kind, appId), row.Kind)],
            MessengerEventKinds.RequestThreadControl => [shell.Event(ActivityNames.Handover, row.Kind)],
            _ => [],
        };
    }

    // What Meta counts as the member acting (PLATFORM-MESSENGER.md §2.5), whichever app owns the thread.
    private static bool IsInteraction(string kind) => kind is MessengerEventKinds.Message or MessengerEventKinds.Postback
        or MessengerEventKinds.Reaction or MessengerEventKinds.Referral or MessengerEventKinds.Optin;

    // An echo a person typed: from the Page Inbox app, from no app (the Page's own tools), or from another app than ours.
    // Our sends always carry metadata (the outbound row's id), so an echo with metadata is ours whatever the app id says.
    private static bool IsHumanEcho(MessengerMessage echo, string? appId) =>
        echo.Metadata is not { Length: > 0 }
        && (echo.AppId is null or "" or PageInboxAppId || (appId is { Length: > 0 } && echo.AppId != appId));

    // take_thread_control: the thread was taken from us (a release only when we took it); pass_thread_control: given to us
    // (a takeover when it went to the Page Inbox or, our id known, to another app).
    private static string ThreadControl(MessagingEvent item, string kind, string? appId)
    {
        var control = kind == MessengerEventKinds.TakeThreadControl ? item.TakeThreadControl : item.PassThreadControl;
        var newOwner = control is { ValueKind: JsonValueKind.Object } c && c.TryGetProperty("new_owner_app_id", out var owner)
            ? owner.ValueKind switch { JsonValueKind.String => owner.GetString(), JsonValueKind.Number => owner.GetRawText(), _ => null }
            : null;
        var ours = appId is { Length: > 0 } ? newOwner == appId : newOwner is not null && newOwner != PageInboxAppId;
        return kind == MessengerEventKinds.TakeThreadControl
            ? (appId is { Length: > 0 } && ours ? ActivityNames.HumanRelease : ActivityNames.HumanTakeover)
            : (ours || (appId is null or "" && newOwner is null) ? ActivityNames.HumanRelease : ActivityNames.HumanTakeover);
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
