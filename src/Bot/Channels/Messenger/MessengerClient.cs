using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Accounts;
using Outreach.Bot.Channels.Messenger.Payloads;
using Outreach.Scheduler.Sending;
using Polly;

namespace Outreach.Bot.Channels.Messenger;

/// <summary>
/// The Send API: <c>POST {GraphBaseUrl}/{ApiVersion}/{page-id}/messages</c>, paced per Page, with the retry of
/// <see cref="MessengerResilience"/>, with the Page's own token and its app's secret (<see cref="IChannelAccounts"/>). The Page token travels in the Authorization header (never in a URL that could reach a
/// log or an exception); appsecret_proof, derived from it, in the query (which IHttpClientFactory's logs redact).
/// Every answer becomes a <see cref="SendResult"/>: nothing here throws for a platform refusal or a network failure.
/// </summary>
public sealed partial class MessengerClient(
    IHttpClientFactory httpClients, MessengerRateLimits limits, IChannelAccounts accounts, IOptions<MessengerOptions> options,
    ILogger<MessengerClient> logger)
{
    private const int MaxMessagesUris = 10_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string, string?, Uri, string, bool), Uri> _messagesUris = new();
    private readonly ResiliencePipeline<HttpResponseMessage> _retry = MessengerResilience.Build();

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Sends one Send API request for <paramref name="pageId"/>; the result holds the new message id when there is one.</summary>
    public async Task<SendResult> SendAsync(string pageId, SendRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pageId);
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var account = await accounts.FindAsync(MessengerChannel.Name, pageId, cancellationToken);
        if (account?.AccessToken is not { Length: > 0 } token)
        {
            return SendResult.Failed(SendOutcome.AuthFailed, "unknown_page", $"Trang {pageId} chưa có trong hệ thống, đã ngừng hoạt động hoặc chưa có access token.");
        }

        using var lease = await limits.AcquireAsync(pageId, cancellationToken);
        if (!lease.IsAcquired)
        {
            var wait = lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
            return SendResult.RefusedByOwnBudget($"More than {settings.SendsPerSecondPerPage}/s queued for Page {pageId}.", wait);
        }

        var send = new Attempt(
            httpClients.CreateClient(MessengerResilience.ClientName), MessagesUri(settings, pageId, token, account.AppSecret), token,
            JsonSerializer.SerializeToUtf8Bytes(request, JsonOptions));
        try
        {
            using var response = await _retry.ExecuteAsync(static (send, ct) => send.SendAsync(ct), send, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var sent = Deserialize(body);
                return sent?.MessageId is { Length: > 0 } mid ? SendResult.Sent(mid)
                    : sent?.RecipientId is not null ? SendResult.Sent()
                    : SendResult.Failed(SendOutcome.Transient, "bad_response", "Graph answered 2xx without recipient_id or message_id.");
            }

            var result = MessengerErrorClassifier.Classify((int)response.StatusCode, MessengerErrorClassifier.ParseError(body), response.Headers);
            Log.MessengerRefused(logger, pageId, (int)response.StatusCode, result.ErrorCode, result.Outcome);
            return result;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.MessengerUnanswered(logger, pageId, "timeout");
            return SendResult.Failed(SendOutcome.Transient, "timeout", "The Send API did not answer in time; the message may or may not have been delivered.")
                with { MayHaveBeenDelivered = true };
        }
        catch (HttpRequestException ex)
        {
            Log.MessengerUnanswered(logger, pageId, ex.HttpRequestError.ToString());
            // Only a connection that was never made surely carried nothing; a dropped one may have delivered the message.
            return SendResult.Failed(SendOutcome.Transient, "network", $"The Send API could not be reached ({ex.HttpRequestError}).")
                with { MayHaveBeenDelivered = ex.HttpRequestError is not (HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError) };
        }
    }

    /// <summary>Shows or hides the typing indicator, or marks the member's messages seen (<c>typing_on|typing_off|mark_seen</c>).</summary>
    public Task<SendResult> SendSenderActionAsync(string pageId, string recipientId, string action, CancellationToken cancellationToken) =>
        SendAsync(pageId, new SendRequest { Recipient = new SendRecipient(recipientId), SenderAction = action }, cancellationToken);

    /// <summary>appsecret_proof: lowercase hex HMAC-SHA256 of the access token under the app secret (§2.1).</summary>
    public static string AppSecretProof(string appSecret, string accessToken) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(accessToken)));

    // The Send API's address of a Page with its token's appsecret_proof, made once per Page, token and secret (an HMAC and a URI
    // parse per message were a few microseconds each of a broadcast's CPU; bench/README, "Broadcast fan-out").
    private Uri MessagesUri(MessengerOptions settings, string pageId, string token, string? appSecret)
    {
        var key = (pageId, token, appSecret, settings.GraphBaseUrl, settings.ApiVersion, settings.UseAppSecretProof);
        if (_messagesUris.TryGetValue(key, out var known))
        {
            return known;
        }

        if (_messagesUris.Count >= MaxMessagesUris)
        {
            _messagesUris.Clear();
        }

        return _messagesUris[key] = BuildMessagesUri(settings, pageId, token, appSecret);
    }

    private static Uri BuildMessagesUri(MessengerOptions settings, string pageId, string token, string? appSecret)
    {
        var root = settings.GraphBaseUrl.AbsoluteUri.TrimEnd('/');
        var path = $"{root}/{settings.ApiVersion}/{Uri.EscapeDataString(pageId)}/messages";
        return new Uri(settings.UseAppSecretProof && appSecret is { Length: > 0 } secret
            ? path + "?appsecret_proof=" + AppSecretProof(secret, token)
            : path);
    }

    // One Send API call; each attempt of the retry sends a request message of its own (HttpClient sends a message once).
    private sealed class Attempt(HttpClient http, Uri uri, string token, byte[] body)
    {
        public async ValueTask<HttpResponseMessage> SendAsync(CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
            using var message = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await http.SendAsync(message, cancellationToken);
        }
    }

    private static SendResponse? Deserialize(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<SendResponse>(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
