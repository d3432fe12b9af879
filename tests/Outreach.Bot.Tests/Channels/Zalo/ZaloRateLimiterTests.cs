using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Zalo;
using Polly;
using Polly.RateLimiting;

namespace Outreach.Bot.Tests.Channels.Zalo;

/// <summary>
/// The host's budget of Zalo OA API calls is per app (issue 17; Zalo's limit is per app): an OA with its own app does not
/// wait for another app's spent minute, and calls that name no app spend the configured app's.
/// </summary>
public sealed class ZaloRateLimiterTests
{
    [Fact]
    public async Task ASpentApp_IsRefusedPastItsQueue_WhileAnotherAppStillSends()
    {
        var ct = TestContext.Current.CancellationToken;
        using var limiter = new ZaloRateLimiter(Options.Create(new ZaloOptions { AppId = "100", RequestsPerMinute = 3 }));
        var pipeline = new ResiliencePipelineBuilder().AddRateLimiter(limiter.Strategy).Build();

        // App 200 spends its minute (3 calls) and fills its queue (3 more wait for the next minute); a 7th is refused.
        var calls = Enumerable.Range(0, 6).Select(_ => CallAsync(pipeline, "200", ct)).ToList();
        await Assert.ThrowsAsync<RateLimiterRejectedException>(() => CallAsync(pipeline, "200", ct).WaitAsync(TimeSpan.FromSeconds(5), ct));

        Assert.Equal(3, calls.Count(c => c.IsCompletedSuccessfully));
        // Another app, and the configured one (no app named), have budgets of their own: no wait.
        await CallAsync(pipeline, "300", ct).WaitAsync(TimeSpan.FromSeconds(5), ct);
        await CallAsync(pipeline, null, ct).WaitAsync(TimeSpan.FromSeconds(5), ct);
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
