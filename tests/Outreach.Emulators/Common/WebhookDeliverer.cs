using System.Diagnostics;

namespace Outreach.Emulators.Common;

/// <summary>
/// Delivers webhooks the way the platforms do (issue 11.10): each attempt must be answered with a 2xx within the platform's
/// deadline (Messenger 5 s, Zalo 2 s), a failed or late one is resent along the platform's retry ladder, and when the ladder
/// runs out the platform turns the webhook off: nothing more is delivered until someone subscribes again.
/// </summary>
public sealed class WebhookDeliverer(TimeSpan deadline, IReadOnlyList<TimeSpan> retryLadder)
{
    // One client for all deliverers: each attempt carries its own deadline.
    private static readonly HttpClient Client = new() { Timeout = Timeout.InfiniteTimeSpan };
    private int _disabled;
    private int _lateOrFailed;

    /// <summary>How long the gateway has to answer each attempt.</summary>
    public TimeSpan Deadline => deadline;

    /// <summary>Waits between attempts (Zalo: 30 s, 5 min, 15 min, 30 min, 1 h; tests scale it down).</summary>
    public IReadOnlyList<TimeSpan> RetryLadder => retryLadder;

    /// <summary>True once a delivery used up the whole ladder: the platform unsubscribed the webhook.</summary>
    public bool Disabled => Volatile.Read(ref _disabled) == 1;

    /// <summary>Attempts that failed, were refused or missed the deadline, since the start.</summary>
    public int FailedAttempts => Volatile.Read(ref _lateOrFailed);

    /// <summary>Subscribes the webhook again (the admin's step after it was disabled).</summary>
    public void Reenable() => Interlocked.Exchange(ref _disabled, 0);

    /// <summary>
    /// Delivers one body: <paramref name="send"/> builds and posts attempt n (0 = first; the platform's retry header, if any,
    /// is the caller's business) and must honour the token it is given, which is cancelled at the deadline.
    /// </summary>
    public async Task<WebhookDelivery> DeliverAsync(Func<int, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        var attempts = new List<WebhookAttempt>();
        for (var attempt = 0; ; attempt++)
        {
            if (Disabled)
            {
                return new WebhookDelivery(false, attempts, Disabled: true);
            }

            var outcome = await AttemptAsync(send, attempt, cancellationToken);
            attempts.Add(outcome);
            if (outcome.Acknowledged)
            {
                return new WebhookDelivery(true, attempts, Disabled: false);
            }

            Interlocked.Increment(ref _lateOrFailed);
            if (attempt >= retryLadder.Count)
            {
                Interlocked.Exchange(ref _disabled, 1);
                return new WebhookDelivery(false, attempts, Disabled: true);
            }

            await Task.Delay(retryLadder[attempt], cancellationToken);
        }
    }

    /// <summary>Posts with this deliverer's client (what <paramref name="request"/> says), for the send callbacks.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Client.SendAsync(request, cancellationToken);

    private async Task<WebhookAttempt> AttemptAsync(Func<int, CancellationToken, Task<HttpResponseMessage>> send, int attempt, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await send(attempt, timeout.Token);
            var elapsed = watch.Elapsed;
            var status = (int)response.StatusCode;
            // An answer after the deadline counts as none: the platform had already given up on it.
            return new WebhookAttempt(status, elapsed, response.IsSuccessStatusCode && elapsed <= deadline);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttempt(null, watch.Elapsed, false);
        }
        catch (HttpRequestException)
        {
            return new WebhookAttempt(null, watch.Elapsed, false);
        }
    }
}

/// <summary>One attempt: the status (null: no answer in time, or no connection), how long it took, and whether it counts.</summary>
public sealed record WebhookAttempt(int? Status, TimeSpan Elapsed, bool Acknowledged);

/// <summary>How a delivery ended: acknowledged (on which attempt), or given up with the webhook disabled.</summary>
public sealed record WebhookDelivery(bool Acknowledged, IReadOnlyList<WebhookAttempt> Attempts, bool Disabled);
