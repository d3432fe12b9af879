using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Outreach.Scheduler.Sending;

namespace Outreach.Bot.Channels.Messenger;

/// <summary>
/// The HTTP resilience of Send API calls. A send is not idempotent: a call that timed out or lost its connection after the
/// request went out may have been delivered, and retrying it at once risks a duplicate. So this handler retries only what
/// surely did not send — a connection never established, a 503, or a Graph error Meta marks as "not sent, try again"
/// (codes 1, 2, 1200, is_transient) — twice, with jittered backoff. Timeouts and dropped connections come back to the
/// outbox as Transient and are retried there after its backoff (at-least-once, as the outbox already is).
/// Worst case per message part: Outreach:Inbox:MaxSendAttempts (6) outbox attempts × 3 HTTP attempts = 18 calls, of which
/// at most 6 could have been delivered (one per outbox attempt).
/// </summary>
internal static class MessengerResilience
{
    public const string ClientName = "messenger-graph";

    public const int HttpAttempts = 3;

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, MessengerOptions options)
    {
        var attempt = TimeSpan.FromSeconds(options.SendTimeoutSeconds);
        builder
            .AddTimeout(attempt * HttpAttempts + TimeSpan.FromSeconds(5))
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = HttpAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ShouldRetryAsync(args.Outcome),
            })
            .AddTimeout(attempt);
    }

    /// <summary>True only when the call surely did not send (see the class remarks).</summary>
    public static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
        {
            return true;
        }

        if (outcome.Result is not { IsSuccessStatusCode: false } response)
        {
            return false;
        }

        // Buffered, so the client still reads the body of the final answer after this look.
        await response.Content.LoadIntoBufferAsync();
        var error = MessengerErrorClassifier.ParseError(await response.Content.ReadAsStringAsync());
        return error is null
            ? response.StatusCode == HttpStatusCode.ServiceUnavailable
            : MessengerErrorClassifier.OutcomeOf(error) == SendOutcome.Transient;
    }
}
