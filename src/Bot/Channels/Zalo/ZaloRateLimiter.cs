using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Polly;
using Polly.RateLimiting;

namespace Outreach.Bot.Channels.Zalo;

/// <summary>
/// This host's budget of OA API calls, per Zalo app: <see cref="ZaloOptions.RequestsPerMinute"/> in any minute for each app
/// (Zalo's limit is 4,000 a minute per app, §1; error -32 past it). OAs with their own app (a commune's own OA) each have
/// their own budget, so a big OA's broadcast does not spend a small one's; OAs of one app share it.
/// Two ways to spend it: the sender takes a permit itself and never waits (<see cref="TryTake"/>: when the minute is spent it
/// learns when the next permit comes, and a broadcast holds the OA until then and sends other accounts' members meanwhile,
/// bench/README "With Zalo OAs"); a member's reply and article publishing wait for one (<see cref="TakeAsync"/>, ahead of
/// the broadcast's takes), profile lookups and insights in their HTTP pipeline (<see cref="Strategy"/>, naming their OA's app in the
/// request's options, <see cref="AppKey"/>; none: the configured app).
/// A call's permit comes back a minute after its answer (disposing the permit), so never before Zalo, which counted it on
/// arrival, would allow another: a minute from our own start of the call met -32 when calls waited at the platform.
/// The minute is kept here rather than in System.Threading.RateLimiting's sliding window, whose refusals do not say when the
/// next permit comes and whose segments hand permits back up to a segment early.
/// </summary>
public sealed class ZaloRateLimiter(IOptions<ZaloOptions> options, TimeProvider time)
{
    /// <summary>The request option naming the app whose budget the call spends.</summary>
    public static readonly HttpRequestOptionsKey<string> AppKey = new("Outreach.Zalo.App");

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Minute> _apps = new(StringComparer.Ordinal);

    /// <summary>
    /// Takes a permit of <paramref name="appId"/>'s budget (null or empty: the configured app's) if one is free now; dispose it
    /// when the call is answered. Null when the minute is spent, with <paramref name="wait"/> until the app's next permit.
    /// </summary>
    public Permit? TryTake(string? appId, out TimeSpan wait) => MinuteOf(appId).TryTake(time, queued: false, out wait);

    /// <summary>The rate-limiter strategy of an HTTP client's resilience pipeline: each call waits for a permit of its app's budget.</summary>
    public RateLimiterStrategyOptions Strategy => new()
    {
        RateLimiter = async args => await TakeAsync(AppOf(args.Context), args.Context.CancellationToken) is ({ } permit, _)
            ? new Lease(permit, null)
            : new Lease(null, TimeSpan.FromSeconds(1)),
    };

    /// <summary>
    /// Waits for a permit of <paramref name="appId"/>'s budget; dispose it when the call is answered. Null (with the wait then
    /// still ahead) only if others kept taking the app's permits for two minutes.
    /// </summary>
    public async Task<(Permit? Permit, TimeSpan Wait)> TakeAsync(string? appId, CancellationToken cancellationToken)
    {
        var minute = MinuteOf(appId);
        var giveUp = time.GetUtcNow() + 2 * Window;
        minute.Queue(1);
        try
        {
            while (true)
            {
                if (minute.TryTake(time, queued: true, out var wait) is { } permit)
                {
                    return (permit, TimeSpan.Zero);
                }

                if (time.GetUtcNow() + wait > giveUp)
                {
                    return (null, wait);
                }

                await Task.Delay(wait, time, cancellationToken);
            }
        }
        finally
        {
            minute.Queue(-1);
        }
    }

    private Minute MinuteOf(string? appId) =>
        _apps.GetOrAdd(string.IsNullOrEmpty(appId) ? options.Value.AppId ?? "" : appId, _ => new Minute(options.Value.RequestsPerMinute));

    private static string? AppOf(ResilienceContext context) =>
        context.GetRequestMessage()?.Options.TryGetValue(AppKey, out var app) == true ? app : null;

    /// <summary>One call's place in its app's minute: from its start until disposed (its answer), then for a minute after.</summary>
    public sealed class Permit(TimeProvider time) : IDisposable
    {
        private long _answeredTicks = long.MaxValue;

        internal long AnsweredTicks => Volatile.Read(ref _answeredTicks);

        public void Dispose() => Interlocked.CompareExchange(ref _answeredTicks, time.GetUtcNow().UtcTicks, long.MaxValue);
    }

    // One app's minute: its calls in flight or answered within the last minute (at most RequestsPerMinute of them). Callers
    // that wait (a member's reply, a lookup) come first: while any waits, a caller that does not (a broadcast row, put off
    // instead) gets only what the waiting ones leave.
    private sealed class Minute(int limit)
    {
        private readonly Queue<Permit> _calls = new();
        private int _waiting;

        public void Queue(int change) => Interlocked.Add(ref _waiting, change);

        public Permit? TryTake(TimeProvider time, bool queued, out TimeSpan wait)
        {
            var now = time.GetUtcNow().UtcTicks;
            lock (_calls)
            {
                while (_calls.Count > 0 && _calls.Peek().AnsweredTicks <= now - Window.Ticks)
                {
                    _calls.Dequeue();
                }

                if (_calls.Count + (queued ? 0 : Volatile.Read(ref _waiting)) >= limit)
                {
                    if (_calls.Count == 0)
                    {
                        wait = TimeSpan.FromSeconds(1);
                        return null;
                    }

                    // The oldest call still in flight (not answered yet): ask again in a second.
                    var oldest = _calls.Peek().AnsweredTicks;
                    wait = oldest == long.MaxValue ? TimeSpan.FromSeconds(1) : TimeSpan.FromTicks(Math.Max(1, oldest + Window.Ticks - now));
                    return null;
                }

                var permit = new Permit(time);
                _calls.Enqueue(permit);
                wait = TimeSpan.Zero;
                return permit;
            }
        }
    }

    private sealed class Lease(Permit? permit, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => permit is not null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }

        protected override void Dispose(bool disposing)
        {
            permit?.Dispose();
            base.Dispose(disposing);
        }
    }
}
