using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Zalo;
using Polly;
using Polly.RateLimiting;

namespace Outreach.Bot.Tests.Channels.Zalo;

/// <summary>
/// The host's budget of Zalo OA API calls (issue 17): per app, never more than the limit in a minute, and a spent budget
/// answers at once with a wait long enough for a broadcast to put the OA's rows off rather than hold its send slots.
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
        var pipeline = new ResiliencePipelineBuilder().AddRateLimiter(limiter.Strategy).Build();
        var bucket = ZaloRateLimiter.Bucket(120);

        // App 200 spends its burst and fills its queue; the next call is refused without waiting.
        var calls = Enumerable.Range(0, bucket.TokenLimit + bucket.QueueLimit).Select(_ => CallAsync(pipeline, "200", ct)).ToList();
        var refused = await Assert.ThrowsAsync<RateLimiterRejectedException>(() => CallAsync(pipeline, "200", ct).WaitAsync(TimeSpan.FromSeconds(2), ct));

        Assert.True(refused.RetryAfter >= TimeSpan.FromSeconds(5), $"retry after {refused.RetryAfter}");
        Assert.Equal(bucket.TokenLimit, calls.Count(c => c.IsCompletedSuccessfully));
        // Another app, and the configured one (no app named), have budgets of their own.
        await CallAsync(pipeline, "300", ct).WaitAsync(TimeSpan.FromSeconds(2), ct);
        await CallAsync(pipeline, null, ct).WaitAsync(TimeSpan.FromSeconds(2), ct);
    }

    private static async Task CallAsync(ResiliencePipeline pipeline, string? app, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://zalo.invalid/");
        if (app is not null)
        {
            request.Options.Set(ZaloRateLimiter.AppKey, app);
        }

        var context = ResilienceContextPool.Shared.Get(ct);
        context.SetRequestMessage(request);
        try
        {
            await pipeline.ExecuteAsync(_ => ValueTask.CompletedTask, context);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
