using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Outreach.Emulators.Messenger;
using Outreach.Emulators.Tests.Messenger;
using Outreach.Emulators.Zalo;

namespace Outreach.Emulators.Tests.Common;

/// <summary>
/// Issue 11.10: the emulators are as strict as the platforms: webhook deadlines (Messenger 5 s, Zalo 2 s), Zalo's retry
/// ladder with num_retry and the webhook disabled after it, and the Send API's per-second and daily limits.
/// </summary>
public sealed class StrictPlatformTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string? NumRetry, DateTimeOffset At)> _received = new();
    private WebApplication _gateway = null!;
    private Uri _webhook = null!;
    private TimeSpan _answerAfter;

    public async ValueTask InitializeAsync()
    {
        // A stand-in gateway on loopback that answers 200 after a delay the test sets.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _gateway = builder.Build();
        _gateway.MapPost("/hook", async (HttpContext context) =>
        {
            _received.Enqueue((context.Request.Headers["num_retry"].FirstOrDefault(), DateTimeOffset.UtcNow));
            await Task.Delay(_answerAfter, context.RequestAborted);
            return Results.Ok();
        });
        await _gateway.StartAsync(TestContext.Current.CancellationToken);
        var address = _gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _webhook = new Uri(new Uri(address), "/hook");
    }

    public async ValueTask DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public void Deadlines_AreThePlatforms()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), new MessengerEmulatorOptions().WebhookTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), new ZaloEmulatorOptions().WebhookTimeout);
        Assert.Equal(
            [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1)],
            new ZaloEmulatorOptions().WebhookRetryLadder);
        Assert.True(new MessengerEmulatorOptions().WebhookRetryLadder.Aggregate(TimeSpan.Zero, (a, b) => a + b) <= TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task ZaloGatewayTooSlow_ResentAlongTheLadderWithNumRetryThenTheWebhookIsDisabled()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(
            new ZaloEmulatorOptions { WebhookTimeout = TimeSpan.FromMilliseconds(300), WebhookRetryLadder = Enumerable.Repeat(TimeSpan.FromMilliseconds(20), 5).ToList() }, ct);
        _answerAfter = TimeSpan.FromSeconds(1);

        var delivery = await zalo.DeliverWebhookAsync(_webhook, new ZaloWebhookBodies(zalo).Text("u-1", "chào"), ct);
        var afterDisabled = await zalo.DeliverWebhookAsync(_webhook, new ZaloWebhookBodies(zalo).Text("u-1", "còn ai không"), ct);

        Assert.False(delivery.Acknowledged);
        Assert.True(delivery.Disabled);
        Assert.Equal(6, delivery.Attempts.Count);
        Assert.All(delivery.Attempts, a => Assert.Null(a.Status));
        Assert.Equal([null, "1", "2", "3", "4", "5"], _received.Select(r => r.NumRetry));
        Assert.True(zalo.Webhooks.Disabled);
        Assert.Empty(afterDisabled.Attempts);
        Assert.Equal(6, _received.Count);
    }

    [Fact]
    public async Task ZaloGatewayInTime_AcknowledgedOnTheFirstAttempt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var zalo = await ZaloEmulator.StartAsync(cancellationToken: ct);
        _answerAfter = TimeSpan.Zero;

        var delivery = await zalo.DeliverWebhookAsync(_webhook, new ZaloWebhookBodies(zalo).Text("u-1", "chào"), ct);

        Assert.True(delivery.Acknowledged);
        Assert.Equal(200, Assert.Single(delivery.Attempts).Status);
        Assert.False(zalo.Webhooks.Disabled);
    }

    [Fact]
    public async Task MessengerGatewayTooSlow_RetriedThenUnsubscribed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var messenger = await MessengerEmulator.StartAsync(
            new MessengerEmulatorOptions { WebhookTimeout = TimeSpan.FromMilliseconds(300), WebhookRetryLadder = [TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromMilliseconds(20)] }, ct);
        _answerAfter = TimeSpan.FromSeconds(1);

        var delivery = await messenger.DeliverWebhookAsync(_webhook, messenger.Webhook().Message("psid-1", "chào").Build(), ct);

        Assert.False(delivery.Acknowledged);
        Assert.True(messenger.Webhooks.Disabled);
        Assert.Equal(4, delivery.Attempts.Count);
        Assert.Equal(4, _received.Count);
    }

    [Fact]
    public async Task SendApi_MoreThanThePerSecondLimitGets613_MoreThanTheDailyBudgetGets80006()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 3, 0, 0, TimeSpan.Zero));
        await using var messenger = await MessengerEmulator.StartAsync(
            new MessengerEmulatorOptions { Clock = clock, SendsPerSecondPerPage = 3, CallsPerEngagedUserPerDay = 5 }, TestContext.Current.CancellationToken);
        messenger.UserInteracted("psid-1");
        using var client = new SendApiClient(messenger);

        var codes = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            codes.Add(await CodeAsync(client));
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        codes.Add(await CodeAsync(client));
        codes.Add(await CodeAsync(client));
        codes.Add(await CodeAsync(client));
        clock.Advance(TimeSpan.FromDays(1));
        messenger.UserInteracted("psid-1"); // she writes again: the 24-hour window is open, and a new day's budget
        codes.Add(await CodeAsync(client));

        // 3 a second: the fourth is refused (613). 5 a day for one engaged member: the sixth call of the day is refused (80006).
        Assert.Equal([0, 0, 0, 613, 0, 0, 80006, 0], codes);
    }

    private static async Task<int> CodeAsync(SendApiClient client)
    {
        var (status, body, _) = await client.PostAsync(SendApiClient.Text("psid-1", "Dạ"));
        return status == 200 ? 0 : body.GetProperty("error").GetProperty("code").GetInt32();
    }
}
