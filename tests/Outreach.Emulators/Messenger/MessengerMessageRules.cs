using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Outreach.Emulators.Messenger;

/// <summary>The limits on a Send API <c>message</c> object (PLATFORM-MESSENGER.md §2.2); each breach is Graph's code 100.</summary>
internal static class MessengerMessageRules
{
    public static IResult? Check(JsonElement message)
    {
        var hasText = message.TryGetProperty("text", out var text);
        var hasAttachment = message.TryGetProperty("attachment", out var attachment);
        if (hasText == hasAttachment)
        {
            return Refuse("Must provide one of message[text] or message[attachment]");
        }

        if (hasText && (text.GetString() ?? "").Length is 0 or > 2000)
        {
            return Refuse("Length of param message[text] must be between 1 and 2000");
        }

        if (message.TryGetProperty("metadata", out var metadata) && (metadata.GetString() ?? "").Length > 1000)
        {
            return Refuse("Length of param message[metadata] must be less than or equal to 1000");
        }

        return (message.TryGetProperty("quick_replies", out var replies) ? CheckQuickReplies(replies) : null)
            ?? (hasAttachment ? CheckAttachment(attachment) : null);
    }

    private static IResult? CheckQuickReplies(JsonElement replies)
    {
        if (replies.ValueKind != JsonValueKind.Array || replies.GetArrayLength() is 0 or > 13)
        {
            return Refuse("param message[quick_replies] must have between 1 and 13 items");
        }

        foreach (var reply in replies.EnumerateArray())
        {
            var type = reply.TryGetProperty("content_type", out var t) ? t.GetString() : null;
            if (type is not ("text" or "user_phone_number" or "user_email"))
            {
                return Refuse("param message[quick_replies][content_type] must be one of {text, user_phone_number, user_email}");
            }

            if (type == "text" && (!reply.TryGetProperty("title", out var title) || (title.GetString() ?? "").Length is 0 or > 20
                || !reply.TryGetProperty("payload", out var payload) || (payload.GetString() ?? "").Length is 0 or > 1000))
            {
                return Refuse("A text quick reply needs a title (at most 20 characters) and a payload (at most 1000)");
            }
        }

        return null;
    }

    private static IResult? CheckAttachment(JsonElement attachment)
    {
        var type = attachment.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (!attachment.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            return Refuse("param message[attachment][payload] is required");
        }

        if (type is "image" or "audio" or "video" or "file")
        {
            return payload.TryGetProperty("url", out _) || payload.TryGetProperty("attachment_id", out _)
                ? null
                : Refuse("param message[attachment][payload][url] is required");
        }

        if (type != "template")
        {
            return Refuse("param message[attachment][type] must be one of {image, audio, video, file, template}");
        }

        if (payload.TryGetProperty("template_type", out var template) && template.GetString() == "button")
        {
            var buttons = payload.TryGetProperty("buttons", out var b) && b.ValueKind == JsonValueKind.Array ? b.GetArrayLength() : 0;
            var text = payload.TryGetProperty("text", out var x) ? x.GetString() ?? "" : "";
            return buttons is 0 or > 3 ? Refuse("param message[attachment][payload][buttons] must have between 1 and 3 items")
                : text.Length is 0 or > 640 ? Refuse("param message[attachment][payload][text] must be between 1 and 640 characters")
                : null;
        }

        if (payload.TryGetProperty("template_type", out var generic) && generic.GetString() == "generic")
        {
            if (!payload.TryGetProperty("elements", out var elements) || elements.ValueKind != JsonValueKind.Array || elements.GetArrayLength() is 0 or > 10)
            {
                return Refuse("param message[attachment][payload][elements] must have between 1 and 10 items");
            }

            foreach (var element in elements.EnumerateArray())
            {
                var title = element.TryGetProperty("title", out var et) ? et.GetString() ?? "" : "";
                var subtitle = element.TryGetProperty("subtitle", out var es) ? es.GetString() ?? "" : "";
                var image = element.TryGetProperty("image_url", out var ei) ? ei.GetString() : null;
                var count = element.TryGetProperty("buttons", out var eb) && eb.ValueKind == JsonValueKind.Array ? eb.GetArrayLength() : 0;
                if (title.Length is 0 or > 80)
                {
                    return Refuse("param message[attachment][payload][elements][0][title] must be between 1 and 80 characters");
                }

                if (subtitle.Length > 80)
                {
                    return Refuse("param message[attachment][payload][elements][0][subtitle] must be at most 80 characters");
                }

                if (image is not null && (!Uri.TryCreate(image, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
                {
                    return Refuse("param message[attachment][payload][elements][0][image_url] must be a valid URL");
                }

                if (count > 3)
                {
                    return Refuse("param message[attachment][payload][elements][0][buttons] must have at most 3 items");
                }
            }
        }

        return null;
    }

    private static IResult Refuse(string message) =>
        Results.Content(MessengerGraphErrors.InvalidParameter(message), "application/json; charset=UTF-8", System.Text.Encoding.UTF8, 400);
}
