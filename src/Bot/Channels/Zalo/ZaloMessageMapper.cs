using System.Globalization;
using System.Text;
using Outreach.Bot.Channels.Zalo.Payloads;
using Outreach.Scheduler.Sending;

namespace Outreach.Bot.Channels.Zalo;

/// <summary>
/// A channel-neutral message → the consultation requests that carry it. Zalo has no quick replies (§3.2, §9): choices become
/// numbered lines ("1. …") with a prompt under them, links and phone numbers plain lines; an image goes first, as its own
/// message; text longer than the limit is split at line or word boundaries, in order.
/// </summary>
public static class ZaloMessageMapper
{
    public static IReadOnlyList<ZaloSendRequest> ToRequests(OutboundMessage message, ZaloOptions options)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(options);
        var recipient = new ZaloRecipient(message.RecipientId);
        var requests = new List<ZaloSendRequest>();
        if (!string.IsNullOrWhiteSpace(message.ImageUrl))
        {
            requests.Add(new ZaloSendRequest(recipient, new ZaloOutgoingMessage(null, ZaloOutgoingAttachment.Image(message.ImageUrl))));
        }

        foreach (var part in Split(RenderText(message, options.ChoicePrompt), options.MaxTextLength))
        {
            requests.Add(new ZaloSendRequest(recipient, new ZaloOutgoingMessage(part)));
        }

        return requests;
    }

    /// <summary>The text with its choices as numbered lines, its links and phone numbers as "title: value" lines.</summary>
    public static string RenderText(OutboundMessage message, string choicePrompt)
    {
        ArgumentNullException.ThrowIfNull(message);
        var choices = message.QuickReplies.Select(q => q.Title)
            .Concat(message.Buttons.Where(b => b.Kind == ButtonKind.Postback).Select(b => b.Title))
            .ToList();
        var links = message.Buttons.Where(b => b.Kind is ButtonKind.Url or ButtonKind.Call).ToList();
        var text = new StringBuilder(message.Text?.Trim() ?? "");
        if (choices.Count > 0)
        {
            AppendBlock(text, choices.Select((title, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {title}")).Append(choicePrompt));
        }

        if (links.Count > 0)
        {
            AppendBlock(text, links.Select(b => $"{b.Title}: {b.Value}"));
        }

        return text.ToString();
    }

    /// <summary>Parts of at most <paramref name="limit"/> characters, cut after a line break or a space where possible.</summary>
    public static IReadOnlyList<string> Split(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 2);
        var parts = new List<string>();
        var rest = text.AsSpan().Trim();
        while (rest.Length > limit)
        {
            var window = rest[..limit];
            var cut = window.LastIndexOf('\n');
            cut = cut > limit / 2 ? cut : window.LastIndexOf(' ');
            cut = cut > limit / 2 ? cut + 1 : limit;
            if (char.IsHighSurrogate(rest[cut - 1]))
            {
                cut--;
            }

            parts.Add(rest[..cut].TrimEnd().ToString());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            parts.Add(rest.ToString());
        }

        return parts;
    }

    private static void AppendBlock(StringBuilder text, IEnumerable<string> lines)
    {
        if (text.Length > 0)
        {
            text.Append("\n\n");
        }

        text.AppendJoin('\n', lines);
    }
}
