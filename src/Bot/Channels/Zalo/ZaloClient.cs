using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Zalo.Payloads;

namespace Outreach.Bot.Channels.Zalo;

/// <summary>
/// The OA API (typed HttpClient; its resilience handler and timeouts are set in <see cref="ZaloModule"/>; the caller takes the
/// app's permit, <see cref="ZaloRateLimiter"/>).
/// The access token travels in the bare <c>access_token</c> header (§1), never in a URL that could be logged.
/// </summary>
public sealed class ZaloClient(HttpClient http, IOptions<ZaloOptions> options)
{
    /// <summary>
    /// Sends one consultation message. Zalo's own answer (success or error code) comes back as a value; transport failures
    /// (timeouts, dropped connections, 5xx, unreadable bodies) throw <see cref="HttpRequestException"/> or a timeout.
    /// </summary>
    public async Task<ZaloApiReply> SendMessageAsync(string accessToken, ZaloSendRequest request, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.OpenApiBaseUrl, "v3.0/oa/message/cs"))
        {
            Content = JsonContent.Create(request, options: ZaloJson.Options),
        };
        message.Headers.TryAddWithoutValidation("access_token", accessToken);
        using var response = await http.SendAsync(message, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new ZaloApiReply(ZaloErrorCodes.RateLimited, "HTTP 429", null, response.Headers.RetryAfter?.Delta);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Zalo OA API answered HTTP {(int)response.StatusCode}.", null, response.StatusCode);
        }

        ZaloApiResponse? body;
        try
        {
            body = await response.Content.ReadFromJsonAsync<ZaloApiResponse>(ZaloJson.Options, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new HttpRequestException("Zalo OA API answered with a body that is not its JSON envelope.", ex, response.StatusCode);
        }

        return body is null
            ? throw new HttpRequestException("Zalo OA API answered with an empty body.", null, response.StatusCode)
            : new ZaloApiReply(body.Error, body.Message, body.Data?.MessageId, null);
    }
}

/// <summary>Zalo's answer to a send: <see cref="Error"/> 0 and a message id, or an error code (§3.5) and its message.</summary>
public sealed record ZaloApiReply(int Error, string? Message, string? MessageId, TimeSpan? RetryAfter);
