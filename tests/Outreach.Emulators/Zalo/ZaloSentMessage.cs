using System.Text.Json;
using Outreach.Emulators.Common;

namespace Outreach.Emulators.Zalo;

/// <summary>A consultation message the emulator accepted: to whom, what, and the <c>message_id</c> it answered with.</summary>
public sealed record ZaloSentMessage(string UserId, string? Text, string? ImageUrl, string MessageId, string AccessToken, RecordedRequest Request)
{
    /// <summary>The accepted send in <paramref name="request"/>, or null when it was not one (another endpoint, or an error answer).</summary>
    public static ZaloSentMessage? From(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Path != ZaloEmulator.SendPath || request.ResponseStatus != 200 || request.ResponseBody.Length == 0)
        {
            return null;
        }

        using var response = JsonDocument.Parse(request.ResponseBody);
        if (response.RootElement.GetProperty("error").GetInt32() != 0)
        {
            return null;
        }

        using var body = JsonDocument.Parse(request.Body);
        var message = body.RootElement.GetProperty("message");
        var image = message.TryGetProperty("attachment", out var attachment)
            && attachment.GetProperty("payload").TryGetProperty("elements", out var elements)
            && elements[0].TryGetProperty("url", out var url)
                ? url.GetString()
                : null;
        return new ZaloSentMessage(
            body.RootElement.GetProperty("recipient").GetProperty("user_id").GetString()!,
            message.TryGetProperty("text", out var text) ? text.GetString() : null,
            image,
            response.RootElement.GetProperty("data").GetProperty("message_id").GetString()!,
            request.Headers.GetValueOrDefault("access_token", ""),
            request);
    }
}
