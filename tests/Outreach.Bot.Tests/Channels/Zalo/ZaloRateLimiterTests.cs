using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Zalo;
using System.Threading.RateLimiting;

namespace Outreach.Bot.Tests.Channels.Zalo;

/// <summary>
/// The host's budget of Zalo OA API calls (issue 17): per app, never more than the limit in a minute, and a spent budget
/// answers at once (never queued) with a wait long enough for a broadcast to put the OA's rows off rather than hold its send
/// slots.
/// </summary>
public sealed class ZaloRateLimiterTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(300)]
    [InlineData(4000)]
    public void Bucket_BurstAndAMinutesRefill_StayWithinTheLimit(int perMinute)
    {
        var bucket = ZaloRateLimiter.Bucket(perMinute);

        var inAMinute = bucket.TokenLimit + (bucket.TokensPerPeriod * TimeSpan.FromMinutes(1) / bucket.ReplenishmentPeriod);

        Assert.InRange(inAMinute, 1, Math.Max(perMinute, 2));
        if (perMinute >= 300)
        {
            Assert.True(inAMinute >= perMinute * 0.85, $"{inAMinute} of {perMinute} a minute");
        }
    }

    [Fact]
    public async Task ASpentApp_IsRefusedAtOnceWithAWait_WhileAnotherAppStillSends()
    {
        var ct = TestContext.Current.CancellationToken;
        using var limiter = new ZaloRateLimiter(Options.Create(new ZaloOptions { AppId = "100", RequestsPerMinute = 120 }));
        var bucket = ZaloRateLimiter.Bucket(120);

        // App 200 spends its burst; the next call is refused at once, with a wait long enough for a broadcast to put the
        // OA's rows off (RateLimitWaitInPlaceSeconds, 5) rather than hold its send slot.
        var calls = new List<RateLimitLease>();
        for (var i = 0; i < bucket.TokenLimit; i++)
        {
            calls.Add(await limiter.AcquireAsync("200", ct));
        }

        using var refused = await limiter.AcquireAsync("200", ct).AsTask().WaitAsync(TimeSpan.FromSeconds(2), ct);

        Assert.All(calls, c => Assert.True(c.IsAcquired));
        Assert.False(refused.IsAcquired);
        Assert.True(limiter.WaitWhenSpent > TimeSpan.FromSeconds(5), $"wait {limiter.WaitWhenSpent}");
        // Another app, and the configured one (no app named), have budgets of their own.
        using var other = await limiter.AcquireAsync("300", ct).AsTask().WaitAsync(TimeSpan.FromSeconds(2), ct);
        using var configured = await limiter.AcquireAsync(null, ct).AsTask().WaitAsync(TimeSpan.FromSeconds(2), ct);
        Assert.True(other.IsAcquired);
        Assert.True(configured.IsAcquired);
    }
}
