using System.Text.Json;
using Outreach.Bot.Channels.Zalo.Payloads;
using Outreach.Bot.Core;

namespace Outreach.Bot.Channels.Zalo;

/// <summary>
/// Pure mapping of one stored Zalo event to activities (PLATFORM-ZALO.md §2.4–2.6). Activities always run from the member
/// to the OA, whatever the wire direction: a receipt's <c>sender</c> is the OA, but its activity comes from the member.
/// </summary>
public static class ZaloActivityMapper
{
    /// <summary>The activities of one stored Zalo webhook body.</summary>
    public static IReadOnlyList<Activity> FromPayload(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        var zaloEvent = document.RootElement.Deserialize<ZaloWebhookEvent>(ZaloJson.Options)
            ?? throw new JsonException("Empty Zalo event.");
        return ToActivities(zaloEvent, document.RootElement.Clone());
    }

    /// <summary>The activities of one event: none for events we ignore (echoes, unknown names).</summary>
    public static IReadOnlyList<Activity> ToActivities(ZaloWebhookEvent zaloEvent, JsonElement channelData)
    {
        ArgumentNullException.ThrowIfNull(zaloEvent);
        var name = zaloEvent.EventName ?? "";
        var adminEcho = ZaloEventNames.IsAdminEcho(name, zaloEvent.Sender?.AdminId);
        if (!ZaloEventNames.IsHandled(name) && !adminEcho)
        {
            return [];
        }

        var member = ZaloInboxEvents.MemberId(zaloEvent) ?? throw new FormatException($"Zalo event {name} names no member.");
        var oa = ZaloInboxEvents.OaId(zaloEvent) ?? throw new FormatException($"Zalo event {name} names no OA.");
        var basis = new Activity
        {
            Type = ActivityTypes.Event,
            ChannelId = ZaloChannel.Name,
            From = new ChannelAccount(member),
            Recipient = new ChannelAccount(oa),
            Timestamp = ZaloInboxEvents.EventTime(zaloEvent.Timestamp) ?? DateTimeOffset.UnixEpoch,
            ChannelData = channelData,
            Locale = "vi-VN",
        };
        return [adminEcho ? With(basis, ActivityTypes.Event, ActivityNames.HumanTakeover, value: name) : Map(name, zaloEvent, basis)];
    }

    private static Activity Map(string name, ZaloWebhookEvent zaloEvent, Activity basis) => name switch
    {
        ZaloEventNames.Follow => With(basis, ActivityTypes.ConversationUpdate, ActivityNames.Follow),
        ZaloEventNames.Unfollow => With(basis, ActivityTypes.ConversationUpdate, ActivityNames.Unfollow),
        ZaloEventNames.UserClickChatNow => With(basis, ActivityTypes.Event, ActivityNames.GetStarted),
        ZaloEventNames.UserSubmitInfo => With(basis, ActivityTypes.Event, ActivityNames.SubmitInfo, value: ZaloSubmittedInfo.ToJson(zaloEvent.Info)),
        ZaloEventNames.UserReceivedMessage => With(basis, ActivityTypes.Event, ActivityNames.Delivery, replyTo: MessageIds(zaloEvent)),
        ZaloEventNames.UserSeenMessage => With(basis, ActivityTypes.Event, ActivityNames.Read, replyTo: MessageIds(zaloEvent)),
        _ => Message(zaloEvent, basis),
    };

    private static Activity Message(ZaloWebhookEvent zaloEvent, Activity basis)
    {
        var message = zaloEvent.Message ?? throw new FormatException($"Zalo event {zaloEvent.EventName} has no message.");
        return new Activity
        {
            Type = ActivityTypes.Message,
            Id = message.MsgId,
            Text = message.Text,
            Attachments = (message.Attachments ?? []).OfType<ZaloWebhookAttachment>().Select(ToAttachment).ToList(), // a null item: skipped (issue 11.11, fuzzing)
            ChannelId = basis.ChannelId, From = basis.From, Recipient = basis.Recipient, Timestamp = basis.Timestamp,
            ChannelData = basis.ChannelData, Locale = basis.Locale,
        };
    }

    private static Attachment ToAttachment(ZaloWebhookAttachment attachment)
    {
        var payload = attachment.Payload ?? new ZaloAttachmentPayload();
        return attachment.Type switch
        {
            "image" or "gif" => new Attachment("image", payload.Url),
            "link" => new Attachment("link", payload.Url) { Title = payload.Title ?? payload.Description },
            "video" => new Attachment("video", payload.Url) { Title = payload.Description },
            "sticker" => new Attachment("sticker", payload.Url, payload.Id),
            "file" => new Attachment("file", payload.Url, payload.Name),
            "location" when payload.Coordinates is { Latitude: { } lat, Longitude: { } lon } => new Attachment("location", $"geo:{lat},{lon}"),
            var other => new Attachment(other ?? "unknown", payload.Url),
        };
    }

    // Receipts name our messages in msg_ids (an array) or, from some senders, a single msg_id (§8.4): accept both.
    private static List<string> MessageIds(ZaloWebhookEvent zaloEvent)
    {
        var message = zaloEvent.Message;
        IEnumerable<string?> ids = [.. message?.MsgIds ?? [], message?.MsgId];
        return ids.OfType<string>().Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    private static Activity With(Activity basis, string type, string name, string? value = null, IReadOnlyList<string>? replyTo = null) => new()
    {
        Type = type,
        Name = name,
        Value = value,
        ReplyToIds = replyTo ?? [],
        ChannelId = basis.ChannelId, From = basis.From, Recipient = basis.Recipient, Timestamp = basis.Timestamp,
        ChannelData = basis.ChannelData, Locale = basis.Locale,
    };
}
