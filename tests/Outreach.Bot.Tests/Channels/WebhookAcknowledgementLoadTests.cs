using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Bot.Core;
using Outreach.Bot.Tests.Channels.Zalo;
using Outreach.Emulators.Common;
using Outreach.Emulators.Messenger;
using Outreach.Emulators.Zalo;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Channels;

/// <summary>
/// Issue 11.10: webhooks delivered as the platforms deliver them (Messenger 5 s, Zalo 2 s per attempt, resent when late)
/// while the gateway is under load from both at once. Every event is acknowledged before the platform would give up and
/// disable the webhook, and each is stored exactly once. How long acknowledgements took is the figure in bench/README.md
/// (never asserted).
/// </summary>
public sealed class WebhookAcknowledgementLoadTests(PostgresServer server) : IAsyncLifetime
{
    private const int EventsPerChannel = 300;
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task BothPlatformsAtOnce_EveryEventAcknowledgedInTimeOrOnAResendAndStoredOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        // The ladders are scaled down (seconds, not Zalo's 30 s … 1 h): the deadlines themselves are the platforms'.
        IReadOnlyList<TimeSpan> ladder = [TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];
        await using var messenger = await MessengerEmulator.StartAsync(new MessengerEmulatorOptions { WebhookRetryLadder = ladder }, ct);
        await using var zalo = await ZaloEmulator.StartAsync(new ZaloEmulatorOptions { WebhookRetryLadder = ladder }, ct);
        var settings = new Dictionary<string, string?>(messenger.GatewaySettings());
        foreach (var (key, value) in ZaloTestGateway.Settings(zalo))
        {
            settings[key] = value;
        }

        await using var host = await TestHost.StartAsync(_database, settings, b => b.Services.AddSingleton<IBot, GreetingBot>(), ct);
        var deliveries = new ConcurrentBag<(string Channel, WebhookDelivery Delivery)>();
        var zaloBodies = new ZaloWebhookBodies(zalo);
        var work = Enumerable.Range(0, EventsPerChannel).SelectMany(i => new[] { ("messenger", i), ("zalo", i) });

        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct }, async (item, token) =>
        {
            var (channel, i) = item;
            var delivery = channel == "messenger"
                ? await messenger.DeliverWebhookAsync(new Uri(host.BaseAddress, "/webhooks/facebook"), messenger.Webhook().Message($"load-{i % 40}", $"tin {i}").Build(), token)
                : await zalo.DeliverWebhookAsync(host.Webhook(), zaloBodies.Text($"zl-{i % 40}", $"tin {i}"), token);
            deliveries.Add((channel, delivery));
        });

        Assert.All(deliveries, d => Assert.True(d.Delivery.Acknowledged, $"{d.Channel}: {d.Delivery.Attempts.Count} attempts, disabled {d.Delivery.Disabled}"));
        Assert.False(messenger.Webhooks.Disabled);
        Assert.False(zalo.Webhooks.Disabled);
        Assert.Equal(EventsPerChannel, await _database.ScalarAsync<long>("SELECT count(*) FROM inbox_events WHERE channel = 'messenger'"));
        Assert.Equal(EventsPerChannel, await _database.ScalarAsync<long>("SELECT count(*) FROM inbox_events WHERE channel = 'zalo'"));

        foreach (var channel in new[] { "messenger", "zalo" })
        {
            var first = deliveries.Where(d => d.Channel == channel).Select(d => d.Delivery.Attempts[0].Elapsed.TotalMilliseconds).Order().ToList();
            var resent = deliveries.Count(d => d.Channel == channel && d.Delivery.Attempts.Count > 1);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{channel}: {first.Count} events, 32 in flight across both channels; first answer p50 {first[first.Count / 2]:F0} ms, "
                + $"p95 {first[(int)(first.Count * 0.95)]:F0} ms, max {first[^1]:F0} ms; resent after a missed deadline: {resent}");
        }
    }
}
