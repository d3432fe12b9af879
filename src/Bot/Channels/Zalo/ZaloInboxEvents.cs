using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Outreach.Bot.Channels.Zalo.Payloads;
using Outreach.Bot.Core;
using Outreach.Content.Inbox;

namespace Outreach.Bot.Channels.Zalo;

/// <summary>
/// What the inbox needs of a Zalo event: who the member and the OA are (the direction depends on the event, §2.4), when it
/// happened, and a stable id for deduplicating Zalo's retries.
/// </summary>
public static class ZaloInboxEvents
{
    /// <summary>
    /// The inbox row of a signed event. One that names no member is still stored (with no sender; the adapter then skips it
    /// and says so): answering 4xx to an authentic event would only make Zalo retry it and, in the end, disable the webhook.
    /// </summary>
    public static InboxEventDraft ToDraft(ZaloWebhookEvent zaloEvent, string payload)
    {
        ArgumentNullException.ThrowIfNull(zaloEvent);
        var member = MemberId(zaloEvent);
        return new InboxEventDraft(
            ZaloChannel.Name, EventId(zaloEvent, member), zaloEvent.EventName ?? "", OaId(zaloEvent), member,
            EventTime(zaloEvent.Timestamp), payload);
    }

    /// <summary>The member: <c>follower.id</c>, <c>user_id</c>, or the sender/recipient by direction.</summary>
    public static string? MemberId(ZaloWebhookEvent zaloEvent)
    {
        ArgumentNullException.ThrowIfNull(zaloEvent);
        return zaloEvent.Follower?.Id ?? zaloEvent.UserId
            ?? (ZaloEventNames.IsSentByOa(zaloEvent.EventName ?? "") ? zaloEvent.Recipient?.Id : zaloEvent.Sender?.Id);
    }

    /// <summary>The OA: <c>oa_id</c>, or the sender/recipient by direction.</summary>
    public static string? OaId(ZaloWebhookEvent zaloEvent)
    {
        ArgumentNullException.ThrowIfNull(zaloEvent);
        return zaloEvent.OaId
            ?? (ZaloEventNames.IsSentByOa(zaloEvent.EventName ?? "") ? zaloEvent.Sender?.Id : zaloEvent.Recipient?.Id);
    }

    /// <summary>Zalo's <c>timestamp</c> (epoch milliseconds), or null when it is not a number.</summary>
    public static DateTimeOffset? EventTime(string? timestamp) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
        && ms <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    // The event name is part of the id: a receipt's msg_id is the id of OUR message, so "received" and "seen" of one
    // message share it. Events without a single msg_id (follow, chat-now, forms, multi-id receipts) are identified by a hash
    // of what a retry repeats exactly: event name, timestamp, member and the ids they name.
    private static string EventId(ZaloWebhookEvent zaloEvent, string? member)
    {
        if (zaloEvent.Message?.MsgId is { Length: > 0 } msgId)
        {
            return $"{zaloEvent.EventName}:{msgId}";
        }

        var identity = string.Join('\n', [zaloEvent.EventName, zaloEvent.Timestamp, member, .. zaloEvent.Message?.MsgIds ?? []]);
        return "h:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)), 0, 16);
    }
}
