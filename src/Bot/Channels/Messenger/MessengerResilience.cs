using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Outreach.Scheduler.Sending;

namespace Outreach.Bot.Channels.Messenger;

/// <summary>
/// The HTTP resilience of Send API calls. A send is not idempotent: a call that timed out or lost its connection after the
/// request went out may have been delivered, and retrying it at once risks a duplicate. So this pipeline retries only what
/// surely did not send — a connection never established, a 503, or a Graph error Meta marks as "not sent, try again"
/// (codes 1, 2, 1200, is_transient) — twice, with jittered backoff. Timeouts and dropped connections come back to the
/// outbox as Transient and are retried there after its backoff (at-least-once, as the outbox already is).
/// Worst case per message part: Outreach:Inbox:MaxSendAttempts (6) outbox attempts × 3 HTTP attempts = 18 calls, of which
/// at most 6 could have been delivered (one per outbox attempt).
/// <para>
/// Lean on purpose (bench/README, "Broadcast fan-out", perf17h): the pipeline is the retry alone, built once, without Polly's
/// telemetry, run by <see cref="MessengerClient"/> around <c>HttpClient.SendAsync</c> (a fresh request message per attempt);
/// each attempt's timeout is the HttpClient's own (<see cref="MessengerOptions.SendTimeoutSeconds"/>), so a call takes at most
/// 3 × SendTimeoutSeconds plus two backoffs of about 0.2 and 0.4 s. An IHttpClientFactory resilience handler cost every send
/// a resilience context, two timeout token sources, the request's options written and restored, and Polly's telemetry:
/// an "Execution attempt" log entry at Information for every successful call (with the gateway's default log level, a log
/// line per message of a broadcast).
/// </para>
/// </summary>
internal static class MessengerResilience
{
    public const string ClientName = "messenger-graph";

    public const int HttpAttempts = 3;

    /// <summary>The retry of a Send API call; without a telemetry listener Polly reports nothing.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Build() =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = HttpAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ShouldRetryAsync(args.Outcome),
            })
            .Build();

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

        // Buffered already (HttpClient reads the whole answer); the client reads the body of the final answer again after this look.
        await response.Content.LoadIntoBufferAsync();
        var error = MessengerErrorClassifier.ParseError(await response.Content.ReadAsStringAsync());
        return error is null
            ? response.StatusCode == HttpStatusCode.ServiceUnavailable
            : MessengerErrorClassifier.OutcomeOf(error) == SendOutcome.Transient;
    }
}
