using Microsoft.AspNetCore.Http;
using System.Text.Json;
using Outreach.Content.Inbox;
using Outreach.Content.Messages;
using Outreach.Scheduler.Sending;

namespace Outreach.Bot.Channels.WebChat;

/// <summary>
/// /webchat: a page and a small JSON API to talk to the bot without a platform. Messages go through the same inbox,
/// pipeline and outbox as Messenger and Zalo. It has no sign-in: off unless configured, and then for this machine only
/// (<see cref="WebChatAccess"/>).
/// </summary>
public static class WebChatEndpoints
{
    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/webchat").RequireWebChatAccess();
        group.MapGet("/", () => Results.Content(WebChatPage.Html, "text/html; charset=utf-8"));
        group.MapPost("/api/messages", PostAsync);
        group.MapGet("/api/messages", GetAsync);
        return endpoints;
    }

    private static async Task<IResult> PostAsync(
        WebChatMessage message, IInbox inbox, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(message.UserId) || message.UserId.Length > 100)
        {
            return Results.Problem("userId là bắt buộc (tối đa 100 ký tự).", statusCode: StatusCodes.Status400BadRequest);
        }

        if (string.IsNullOrWhiteSpace(message.Text) && string.IsNullOrWhiteSpace(message.Payload))
        {
            return Results.Problem("Cần có text hoặc payload.", statusCode: StatusCodes.Status400BadRequest);
        }

        if ((message.Text?.Length ?? 0) > 2000)
        {
            return Results.Problem("Tin nhắn dài quá 2000 ký tự.", statusCode: StatusCodes.Status400BadRequest);
        }

        var id = message.ClientMessageId is { Length: > 0 and <= 100 } clientId ? clientId : Guid.NewGuid().ToString("N");
        var draft = new InboxEventDraft(
            WebChatChannel.Name, id, "message", WebChatMessage.AccountId, message.UserId, time.GetUtcNow(),
            JsonSerializer.Serialize(message, WebChatMessage.JsonOptions));
        var added = await inbox.AcceptAsync([draft], cancellationToken);
        return Results.Accepted(value: new { id, duplicate = added == 0 });
    }

    private static async Task<IResult> GetAsync(
        string userId, long? after, OutboundMessageStore outbox, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userId))
        {
            return Results.Problem("userId là bắt buộc.", statusCode: StatusCodes.Status400BadRequest);
        }

        var rows = await outbox.ListForRecipientAsync(WebChatChannel.Name, WebChatMessage.AccountId, userId, after ?? 0, cancellationToken);
        var sent = rows.TakeWhile(r => r.Status is not (OutboundStatuses.Pending or OutboundStatuses.Sending));
        return Results.Ok(sent.Select(r => ToView(r)).ToList());
    }

    private static object ToView(OutboundRow row)
    {
        var message = JsonSerializer.Deserialize<OutboundMessage>(row.Body, OutboundMessageMapper.JsonOptions)!;
        return new
        {
            id = row.Id,
            text = message.Text,
            status = row.Status,
            quickReplies = message.QuickReplies,
            buttons = message.Buttons,
        };
    }
}
