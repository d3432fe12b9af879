using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Polly;
using Polly.RateLimiting;

namespace Outreach.Bot.Channels.Zalo;

/// <summary>
/// This host's budget of OA API calls, per Zalo app: <see cref="ZaloOptions.RequestsPerMinute"/> in a sliding minute for each
/// app (Zalo's limit is 4,000 a minute per app, §1; error -32 past it). OAs with their own app (a commune's own OA) each have
/// their own budget, so a big OA's broadcast does not spend a small one's; OAs of one app share it.
/// Two ways to spend it: the sender takes a permit itself and never waits (<see cref="TryTake"/>: when the minute is spent it
/// learns when the next permit comes, and a broadcast holds the OA until then and sends other accounts' members meanwhile,
/// bench/README "With Zalo OAs"); profile lookups, article publishing and insights wait for one in their HTTP pipeline
/// (<see cref="Strategy"/>, naming their OA's app in the request's options, <see cref="AppKey"/>; none: the configured app).
/// The minute is kept here rather than in System.Threading.RateLimiting's sliding window, whose refusals do not say when
/// the next permit comes.
/// </summary>
public sealed class ZaloRateLimiter(IOptions<ZaloOptions> options, TimeProvider time)
{
    /// <summary>The request option naming the app whose budget the call spends.</summary>
    public static readonly HttpRequestOptionsKey<string> AppKey = new("Outreach.Zalo.App");

    private const int Segments = 12;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Minute> _apps = new(StringComparer.Ordinal);

    /// <summary>
    /// Takes a permit of <paramref name="appId"/>'s budget (null or empty: the configured app's) if one is free now. Null when
    /// taken; otherwise how long until the app's next permit.
    /// </summary>
    public TimeSpan? TryTake(string? appId) =>
        _apps.GetOrAdd(string.IsNullOrEmpty(appId) ? options.Value.AppId ?? "" : appId, _ => new Minute(options.Value.RequestsPerMinute))
            .TryTake(time.GetUtcNow().UtcTicks);

    /// <summary>The rate-limiter strategy of an HTTP client's resilience pipeline: each call waits for a permit of its app's budget.</summary>
    public RateLimiterStrategyOptions Strategy => new()
    {
        RateLimiter = args => WaitAsync(AppOf(args.Context), args.Context.CancellationToken),
    };

    // Waits for the app's next permit; refused (RateLimiterRejectedException in the pipeline) only if others keep taking it
    // for longer than a minute.
    private async ValueTask<RateLimitLease> WaitAsync(string? app, CancellationToken cancellationToken)
    {
        var giveUp = time.GetUtcNow() + 2 * Window;
        while (TryTake(app) is { } wait)
        {
            if (time.GetUtcNow() + wait > giveUp)
            {
                return new Lease(false, wait);
            }

            await Task.Delay(wait, time, cancellationToken);
        }

        return new Lease(true, null);
    }

    private static string? AppOf(ResilienceContext context) =>
        context.GetRequestMessage()?.Options.TryGetValue(AppKey, out var app) == true ? app : null;

    // One app's sliding minute: the calls of each of its twelve 5-second segments; a segment's calls come back to the budget
    // when it leaves the minute.
    private sealed class Minute(int limit)
    {
        private static readonly long SegmentTicks = Window.Ticks / Segments;
        private readonly long[] _segment = new long[Segments];
        private readonly int[] _calls = new int[Segments];

        public TimeSpan? TryTake(long nowTicks)
        {
            var current = nowTicks / SegmentTicks;
            lock (_calls)
            {
                var spent = 0;
                var oldest = long.MaxValue;
                for (var i = 0; i < Segments; i++)
                {
                    if (_calls[i] > 0 && _segment[i] > current - Segments)
                    {
                        spent += _calls[i];
                        oldest = Math.Min(oldest, _segment[i]);
                    }
                }

                if (spent >= limit)
                {
                    return TimeSpan.FromTicks(Math.Max(1, ((oldest + Segments) * SegmentTicks) - nowTicks));
                }

                var slot = (int)(current % Segments);
                if (_segment[slot] != current)
                {
                    _segment[slot] = current;
                    _calls[slot] = 0;
                }

                _calls[slot]++;
                return null;
            }
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
