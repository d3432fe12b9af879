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

        Assert.All(Enumerable.Range(0, 3), _ => Take(budget, "200"));
        _time.Advance(TimeSpan.FromSeconds(20));
        var spent = budget.TryTake("200", out var wait);

        // The three calls answered at 03:00:01 leave the minute at 03:01:01: 40 s after 03:00:21.
        Assert.Null(spent);
        Assert.Equal(TimeSpan.FromSeconds(40), wait);
        Take(budget, "300");
        Take(budget, null);
        _time.Advance(wait);
        Take(budget, "200");
    }

    [Fact]
    public void TryTake_CallAnsweredLate_ItsPermitComesBackAMinuteAfterTheAnswer()
    {
        var budget = new ZaloRateLimiter(Options.Create(new ZaloOptions { AppId = "100", RequestsPerMinute = 1 }), _time);
        var permit = budget.TryTake(null, out _);
        Assert.NotNull(permit);
        // While the call waits for its answer the minute is spent: ask again in a second.
        Assert.Null(budget.TryTake(null, out var inFlight));
        Assert.Equal(TimeSpan.FromSeconds(1), inFlight);

        // Zalo counted the call when it arrived, somewhere before its answer 5 s later: a minute from the start is too soon.
        _time.Advance(TimeSpan.FromSeconds(5));
        permit.Dispose();
        _time.Advance(TimeSpan.FromSeconds(57));

        Assert.Null(budget.TryTake(null, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(3), wait);
        _time.Advance(wait);
        Take(budget, null);
    }

    [Fact]
    public void TryTake_NoAppNamed_SpendsTheConfiguredAppsBudget()
    {
        var budget = new ZaloRateLimiter(Options.Create(new ZaloOptions { AppId = "100", RequestsPerMinute = 2 }), _time);

        Take(budget, null);
        Take(budget, "100");

        Assert.Null(budget.TryTake(null, out _));
        Assert.Null(budget.TryTake("", out _));
    }

    [Fact]
    public async Task TakeAsync_AReplyWaitingForASpentApp_GetsTheNextPermitBeforeABroadcastRow()
    {
        var ct = TestContext.Current.CancellationToken;
        var budget = new ZaloRateLimiter(Options.Create(new ZaloOptions { AppId = "100", RequestsPerMinute = 1 }), _time);
        Take(budget, "200");

        var reply = budget.TakeAsync("200", ct);
        _time.Advance(TimeSpan.FromMinutes(1));

        // The permit is back, and it is the waiting reply's: the broadcast row is put off.
        Assert.Null(budget.TryTake("200", out _));
        var (permit, _) = await reply.WaitAsync(TimeSpan.FromSeconds(10), ct);
        Assert.NotNull(permit);
        Assert.Null(budget.TryTake("200", out _));
    }

    // Takes a permit and answers the call at once.
    private static void Take(ZaloRateLimiter budget, string? app)
    {
        var permit = budget.TryTake(app, out _);
        Assert.NotNull(permit);
        permit.Dispose();
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
