using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Outreach.Bot.Channels.Zalo;
using Polly;

namespace Outreach.Bot.Tests.Channels.Zalo;

/// <summary>
/// The host's budget of Zalo OA API calls is per app (issue 17; Zalo's limit is per app): an OA with its own app does not
/// wait for another app's spent minute, and calls that name no app spend the configured app's. The sender's own take never
/// waits and says when the next permit comes; the HTTP pipeline's waits for it.
/// </summary>
public sealed class ZaloRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 3, 0, 1, TimeSpan.Zero));

    [Fact]
    public void TryTake_SpentApp_SaysWhenItsNextPermitComes_WhileAnotherAppStillSends()
    {
        var budget = new ZaloRateLimiter(Options.Create(new ZaloOptions { AppId = "100", RequestsPerMinute = 3 }), _time);

        Assert.All(Enumerable.Range(0, 3), _ => Assert.Null(budget.TryTake("200")));
        _time.Advance(TimeSpan.FromSeconds(20));
        var wait = budget.TryTake("200");

        // The three calls of 03:00:00–05 leave the minute at 03:01:00: 39 s after 03:00:21.
        Assert.Equal(TimeSpan.FromSeconds(39), wait);
        Assert.Null(budget.TryTake("300"));
        Assert.Null(budget.TryTake(null));
        _time.Advance(wait!.Value);
        Assert.Null(budget.TryTake("200"));
    }

    [Fact]
    public void TryTake_NoAppNamed_SpendsTheConfiguredAppsBudget()
    {
        var budget = new ZaloRateLimiter(Options.Create(new ZaloOptions { AppId = "100", RequestsPerMinute = 2 }), _time);

        Assert.Null(budget.TryTake(null));
        Assert.Null(budget.TryTake("100"));

        Assert.NotNull(budget.TryTake(null));
        Assert.NotNull(budget.TryTake(""));
    }

    [Fact]
    public async Task Strategy_SpentApp_WaitsForItsNextPermit_WhileAnotherAppsCallGoesAtOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var budget = new ZaloRateLimiter(Options.Create(new ZaloOptions { AppId = "100", RequestsPerMinute = 2 }), _time);
        var pipeline = new ResiliencePipelineBuilder().AddRateLimiter(budget.Strategy).Build();
        await CallAsync(pipeline, "200", ct);
        await CallAsync(pipeline, "200", ct);

        var waiting = CallAsync(pipeline, "200", ct);
        await CallAsync(pipeline, "300", ct).WaitAsync(TimeSpan.FromSeconds(10), ct);

        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromMinutes(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10), ct);
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
