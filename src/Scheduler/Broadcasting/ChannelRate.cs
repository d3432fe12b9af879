using System.Threading.RateLimiting;

namespace Outreach.Scheduler.Broadcasting;

/// <summary>
/// A channel's broadcast rate on this host (<see cref="BroadcastOptions.RatePerSecond"/>), shared by every account of the channel
/// and every worker of the process (issue 17). A send waits in place for the channel's permit only while the channel keeps up:
/// at most a quarter second of the channel's sends wait, each holding a send slot. Beyond that the row gets a turn of its own
/// behind those already given (one turn every 1/rate) and is put off until then, uncounted: it comes back when the channel can
/// take it, and holds no slot meanwhile, so the other accounts' members go on (with Zalo at 50/s, waiting Zalo sends held the
/// slots the Pages needed). While turns are given out, a row coming for the first time goes behind them unless a permit is free
/// at once; a row coming back at its turn waits in place with the others, and only when the channel still cannot take it goes
/// to the back again.
/// </summary>
public sealed class ChannelRate : IDisposable
{
    private static readonly TimeSpan WaitInPlace = TimeSpan.FromMilliseconds(250);
    private readonly TokenBucketRateLimiter _bucket;
    private readonly long _turnTicks;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private long _turnsUntilTicks;

    public ChannelRate(double perSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        _time = time;
        _turnTicks = Math.Max(1, (long)(TimeSpan.TicksPerSecond / perSecond));
        // Whole tokens at least every 50 ms that add up to the rate exactly (50/s: 3 every 60 ms; 2.5 rounded to 2 every 50 ms
        // had made it 40/s).
        var tokens = (int)Math.Clamp(Math.Ceiling(perSecond * 0.05), 1, int.MaxValue);
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokens,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokens / perSecond),
            QueueLimit = (int)Math.Clamp(Math.Ceiling(perSecond * WaitInPlace.TotalSeconds), 1, int.MaxValue),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <summary>
    /// The channel's permit for one send (dispose it after the send), or no permit and the time the row should come back.
    /// <paramref name="comingBack"/>: the row was put off before (it waits in place for a permit even while turns are given out).
    /// </summary>
    public async ValueTask<ChannelTurn> TakeAsync(bool comingBack, CancellationToken cancellationToken)
    {
        if (!comingBack)
        {
            var free = _bucket.AttemptAcquire(1);
            if (free.IsAcquired)
            {
                return new ChannelTurn(free, default);
            }

            free.Dispose();
            if (Volatile.Read(ref _turnsUntilTicks) > _time.GetUtcNow().UtcTicks)
            {
                return new ChannelTurn(null, NextTurn());
            }
        }

        var lease = await _bucket.AcquireAsync(1, cancellationToken);
        if (lease.IsAcquired)
        {
            return new ChannelTurn(lease, default);
        }

        lease.Dispose();
        return new ChannelTurn(null, NextTurn());
    }

    public void Dispose() => _bucket.Dispose();

    // The next turn behind those given out, and behind the sends that may wait in place now.
    private DateTimeOffset NextTurn()
    {
        var from = (_time.GetUtcNow() + WaitInPlace).UtcTicks;
        lock (_gate)
        {
            var turn = Math.Max(_turnsUntilTicks, from) + _turnTicks;
            Volatile.Write(ref _turnsUntilTicks, turn);
            return new DateTimeOffset(turn, TimeSpan.Zero);
        }
    }
}

/// <summary>The channel's permit for one send (<see cref="Lease"/>), or none and when the row should come back.</summary>
public readonly record struct ChannelTurn(RateLimitLease? Lease, DateTimeOffset PutOffUntil);
