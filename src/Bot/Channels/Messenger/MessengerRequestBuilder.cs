using Outreach.Bot.Channels.Messenger.Payloads;
using Outreach.Scheduler.Sending;
using Outreach.Content.Messages;

namespace Outreach.Bot.Channels.Messenger;

/// <summary>
/// A channel-neutral message → the Send API requests that carry it, in order: text parts (≤ 2000 characters), a button
/// template (≤ 3 buttons, text ≤ 640), an image; the quick replies (≤ 13) ride on the last part. What Messenger cannot
/// take is trimmed, not refused, so a member always gets the answer; <see cref="MessengerSendPlan.Trimmed"/> says what.
/// </summary>
public static class MessengerRequestBuilder
{
    public const int MaxQuickReplies = 13;
    public const int MaxButtons = 3;

    /// <summary>A generic template element's title and subtitle (80 characters each).</summary>
    public const int MaxElementText = 80;
    public const int MaxTitleLength = 20;
    public const int MaxPayloadLength = 1000;

    /// <summary>Said above buttons that come without text (a button template needs text).</summary>
    public const string ButtonsFallbackText = "Mời chị chọn:";

    public static MessengerSendPlan Build(OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var trimmed = new List<string>();
        var bodies = new List<SendMessage>();
        var text = message.Text ?? "";
        var buttons = Buttons(message.Buttons, trimmed);
        if (message.Card is { } card)
        {
            // The card first (image, title, its buttons: the generic template), the text after it.
            var cardButtons = Buttons(card.Buttons, trimmed);
            bodies.Add(new SendMessage
            {
                Attachment = new SendAttachment("template", new SendAttachmentPayload
                {
                    TemplateType = "generic",
                    Elements =
                    [
                        new SendElement
                        {
                            Title = Cut(card.Title, MaxElementText, "a card title", trimmed),
                            Subtitle = card.Subtitle is { Length: > 0 } sub ? Cut(sub, MaxElementText, "a card subtitle", trimmed) : null,
                            ImageUrl = card.ImageUrl,
                            Buttons = cardButtons.Count > 0 ? cardButtons : null,
                        },
                    ],
                }),
            });
        }

        if (buttons.Count == 0 && (text.Length > 0 || message.Card is null))
        {
            bodies.AddRange(MessengerTextSplitter.Split(text).Select(t => new SendMessage { Text = t }));
        }
        else if (buttons.Count > 0)
        {
            var parts = MessengerTextSplitter.Split(text).ToList();
            var last = parts.Count > 0 ? parts[^1] : ButtonsFallbackText;
            var lastParts = MessengerTextSplitter.Split(last, MessengerTextSplitter.MaxTemplateTextLength);
            bodies.AddRange(parts.Take(parts.Count - 1).Concat(lastParts.Take(lastParts.Count - 1)).Select(t => new SendMessage { Text = t }));
            bodies.Add(new SendMessage
            {
                Attachment = new SendAttachment("template", new SendAttachmentPayload
                {
                    TemplateType = "button", Text = lastParts.Count > 0 ? lastParts[^1] : ButtonsFallbackText, Buttons = buttons,
                }),
            });
        }

        if (!string.IsNullOrWhiteSpace(message.ImageUrl))
        {
            bodies.Add(new SendMessage
            {
                Attachment = new SendAttachment("image", new SendAttachmentPayload { Url = message.ImageUrl, IsReusable = true }),
            });
        }

        var quickReplies = QuickReplies(message.QuickReplies, trimmed);
        if (quickReplies.Count > 0 && bodies.Count > 0)
        {
            bodies[^1] = bodies[^1] with { QuickReplies = quickReplies };
        }

        var (type, tag) = MessagingType(message.Purpose);
        var metadata = message.Reference is { Length: > 0 and <= MaxPayloadLength } reference ? reference : null;
        var requests = bodies.Select(b => new SendRequest
        {
            Recipient = new SendRecipient(message.RecipientId),
            MessagingType = type,
            Tag = tag,
            Message = b with { Metadata = metadata },
        }).ToList();
        return new MessengerSendPlan(requests, trimmed);
    }

    /// <summary>
    /// Bot replies answer inside the 24-hour window (RESPONSE, never a tag); broadcasts are proactive (UPDATE); only a staff
    /// member's own words may use HUMAN_AGENT, valid 7 days (PLATFORM-MESSENGER.md §2.5).
    /// </summary>
    public static (string Type, string? Tag) MessagingType(MessagePurpose purpose) => purpose switch
    {
        MessagePurpose.HumanAgentReply => ("MESSAGE_TAG", "HUMAN_AGENT"),
        MessagePurpose.Broadcast => ("UPDATE", null),
        _ => ("RESPONSE", null),
    };

    private static List<SendQuickReply> QuickReplies(IReadOnlyList<QuickReply> choices, List<string> trimmed)
    {
        var usable = choices.Where(c => !string.IsNullOrWhiteSpace(c.Title) && c.Payload is { Length: > 0 and <= MaxPayloadLength }).ToList();
        if (usable.Count < choices.Count)
        {
            trimmed.Add($"{choices.Count - usable.Count} quick replies without a title or with a payload over {MaxPayloadLength} characters");
        }

        if (usable.Count > MaxQuickReplies)
        {
            trimmed.Add($"{usable.Count - MaxQuickReplies} quick replies over {MaxQuickReplies}");
        }

        return usable.Take(MaxQuickReplies).Select(c => new SendQuickReply("text", Title(c.Title, trimmed), c.Payload)).ToList();
    }

    private static List<SendButton> Buttons(IReadOnlyList<MessageButton> buttons, List<string> trimmed)
    {
        if (buttons.Count > MaxButtons)
        {
            trimmed.Add($"{buttons.Count - MaxButtons} buttons over {MaxButtons}");
        }

        return buttons.Where(b => !string.IsNullOrWhiteSpace(b.Title) && !string.IsNullOrWhiteSpace(b.Value)).Take(MaxButtons).Select(b => b.Kind switch
        {
            ButtonKind.Url => new SendButton { Type = "web_url", Title = Title(b.Title, trimmed), Url = b.Value },
            ButtonKind.Call => new SendButton { Type = "phone_number", Title = Title(b.Title, trimmed), Payload = b.Value },
            _ => new SendButton { Type = "postback", Title = Title(b.Title, trimmed), Payload = b.Value },
        }).ToList();
    }

    private static string Cut(string text, int limit, string what, List<string> trimmed)
    {
        if (text.Length <= limit)
        {
            return text;
        }

        trimmed.Add($"{what} over {limit} characters");
        var cut = char.IsHighSurrogate(text[limit - 2]) ? limit - 2 : limit - 1;
        return text[..cut] + "…";
    }

    private static string Title(string title, List<string> trimmed)
    {
        if (title.Length <= MaxTitleLength)
        {
            return title;
        }

        trimmed.Add($"a title over {MaxTitleLength} characters");
        var cut = char.IsHighSurrogate(title[MaxTitleLength - 2]) ? MaxTitleLength - 2 : MaxTitleLength - 1;
        return title[..cut] + "…";
    }
}

/// <summary>The requests of one message, and what had to be trimmed to fit Messenger's limits.</summary>
public sealed record MessengerSendPlan(IReadOnlyList<SendRequest> Requests, IReadOnlyList<string> Trimmed);
