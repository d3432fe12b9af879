using System.Text.Json;
using Outreach.Emulators.Common;

namespace Outreach.Emulators.Messenger;

/// <summary>A Send API call the emulator received, read back for assertions (what a member would have seen, and how it was sent).</summary>
public sealed record MessengerSend
{
    public required RecordedRequest Request { get; init; }

    public required string PageId { get; init; }

    public string? RecipientId { get; init; }

    public string? MessagingType { get; init; }

    public string? Tag { get; init; }

    public string? Text { get; init; }

    /// <summary>The text of a button template.</summary>
    public string? TemplateText { get; init; }

    public IReadOnlyList<string> ButtonTitles { get; init; } = [];

    /// <summary>The template's kind ("button", "generic") when the message is a template.</summary>
    public string? TemplateType { get; init; }

    /// <summary>A generic template's first element: its title and image URL.</summary>
    public string? CardTitle { get; init; }

    public string? CardImageUrl { get; init; }

    public IReadOnlyList<(string Title, string Payload)> QuickReplies { get; init; } = [];

    public string? AttachmentType { get; init; }

    public string? SenderAction { get; init; }

    public string? Metadata { get; init; }

    /// <summary>The mid the emulator answered with (null when it refused the call).</summary>
    public string? MessageId { get; init; }

    public bool Accepted => Request.ResponseStatus == 200;

    /// <summary>"code" or "code/subcode" of the error answered, when refused.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Reads a recorded request; null when it is not a parsable Send API call.</summary>
    public static MessengerSend? From(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (request.Method != "POST" || segments.Length != 3 || segments[2] != "messages")
        {
            return null;
        }

        JsonElement body;
        try
        {
            body = JsonDocument.Parse(request.Body).RootElement;
        }
        catch (JsonException)
        {
            return new MessengerSend { Request = request, PageId = segments[1] };
        }

        var message = Get(body, "message");
        var payload = Get(Get(message, "attachment"), "payload");
        return new MessengerSend
        {
            Request = request,
            PageId = segments[1],
            RecipientId = Str(Get(body, "recipient"), "id"),
            MessagingType = Str(body, "messaging_type"),
            Tag = Str(body, "tag"),
            SenderAction = Str(body, "sender_action"),
            Text = Str(message, "text"),
            Metadata = Str(message, "metadata"),
            AttachmentType = Str(Get(message, "attachment"), "type"),
            TemplateText = Str(payload, "text"),
            ButtonTitles = Items(payload, "buttons").Concat(Items(payload, "elements").SelectMany(e => Items(e, "buttons"))).Select(b => Str(b, "title") ?? "").ToList(),
            TemplateType = Str(payload, "template_type"),
            CardTitle = Items(payload, "elements").Select(e => Str(e, "title")).FirstOrDefault(),
            CardImageUrl = Items(payload, "elements").Select(e => Str(e, "image_url")).FirstOrDefault(),
            QuickReplies = Items(message, "quick_replies").Select(q => (Str(q, "title") ?? "", Str(q, "payload") ?? "")).ToList(),
            MessageId = request.ResponseStatus == 200 ? Str(Parse(request.ResponseBody), "message_id") : null,
            ErrorCode = request.ResponseStatus == 200 ? null : ErrorOf(request.ResponseBody),
        };
    }

    private static string? ErrorOf(string responseBody)
    {
        var error = Get(Parse(responseBody), "error");
        if (error is not { } e || !e.TryGetProperty("code", out var code))
        {
            return null;
        }

        return e.TryGetProperty("error_subcode", out var sub) ? $"{code.GetRawText()}/{sub.GetRawText()}" : code.GetRawText();
    }

    private static JsonElement? Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement? Get(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) ? value : null;

    private static string? Str(JsonElement? element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static List<JsonElement> Items(JsonElement? element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().ToList() : [];
}
