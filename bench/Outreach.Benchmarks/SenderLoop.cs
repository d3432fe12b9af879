using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Emulators.Messenger;
using Outreach.Scheduler.Sending;
using Outreach.Content.Messages;

namespace Outreach.Benchmarks;

/// <summary>The gateway's own Messenger sender in a loop (no database): what the HTTP client stack costs on top of a bare HttpClient.</summary>
internal static class SenderLoop
{
    public static async Task<double> MeasureAsync(IServiceProvider services, int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        var sender = services.GetRequiredService<ChannelSenders>().For("messenger")!;
        var ok = 0L;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            for (var i = 0; stopwatch.Elapsed < duration; i++)
            {
                var result = await sender.SendAsync(
                    new OutboundMessage
                    {
                        Channel = "messenger", AccountId = MessengerEmulatorOptions.DefaultPageId, RecipientId = $"loop-{worker}-{i}",
                        Text = "Khám sàng lọc miễn phí", Purpose = MessagePurpose.Broadcast,
                    },
                    cancellationToken);
                if (result.IsSent)
                {
                    Interlocked.Increment(ref ok);
                }
            }
        }));
        return ok / stopwatch.Elapsed.TotalSeconds;
    }
}
