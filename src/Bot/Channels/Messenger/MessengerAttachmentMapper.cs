using System.Text.Json;
using Outreach.Bot.Channels.Messenger.Payloads;
using Outreach.Bot.Core;

namespace Outreach.Bot.Channels.Messenger;

/// <summary>
/// A message's attachments → <see cref="Attachment"/>s: media keep their URL, a location becomes a geo: URI, a shared link
/// ("fallback") a link. Templates only appear in echoes of our own sends and are skipped (PLATFORM-MESSENGER.md §1.3).
/// </summary>
internal static class MessengerAttachmentMapper
{
    public static IReadOnlyList<Attachment> FromMessage(MessengerMessage message)
    {
        // A null item (an attachments array holding null) is skipped (issue 11.11, found by fuzzing).
        if (message.Attachments?.OfType<MessengerAttachment>().ToList() is not { Count: > 0 } attachments)
        {
            return [];
        }

        // Until Aug 2026 a sticker comes twice: as an image (with message.sticker_id) and as a "sticker" attachment.
        var hasStickerAttachment = attachments.Any(a => a.Type == "sticker");
        var result = new List<Attachment>(attachments.Count);
        foreach (var attachment in attachments)
        {
            var type = attachment.Type ?? "file";
            if (type == "template" || (type == "image" && message.StickerId is not null && hasStickerAttachment))
            {
                continue;
            }

            result.Add(type switch
            {
                "location" => new Attachment("location", GeoUri(attachment.Payload), attachment.Title),
                "fallback" => new Attachment("link", attachment.Url ?? UrlOf(attachment.Payload), attachment.Title),
                "image" when message.StickerId is not null => new Attachment("sticker", UrlOf(attachment.Payload)),
                _ => new Attachment(type, UrlOf(attachment.Payload), attachment.Title),
            });
        }

        return result;
    }

    private static string? UrlOf(JsonElement? payload) =>
        payload is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String
            ? url.GetString()
            : null;

    // RFC 5870: geo:lat,long — the raw JSON numbers, so no precision is lost or localised.
    private static string? GeoUri(JsonElement? payload) =>
        payload is { ValueKind: JsonValueKind.Object } p
        && p.TryGetProperty("coordinates", out var c) && c.ValueKind == JsonValueKind.Object
        && c.TryGetProperty("lat", out var lat) && lat.ValueKind == JsonValueKind.Number
        && c.TryGetProperty("long", out var lon) && lon.ValueKind == JsonValueKind.Number
            ? $"geo:{lat.GetRawText()},{lon.GetRawText()}"
            : null;
}
