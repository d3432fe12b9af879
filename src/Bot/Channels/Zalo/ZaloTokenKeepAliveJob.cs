using Hangfire;
using Microsoft.Extensions.Options;
using Outreach.Content.Channels;
using Outreach.Content.Time;

namespace Outreach.Bot.Channels.Zalo;

/// <summary>
/// Refreshes the OA's tokens on a schedule (<see cref="ZaloOptions.TokenKeepAliveCron"/>), sends or no sends: Zalo's refresh
/// token lasts about three months and each refresh gives a new one, so a quiet OA keeps its chain alive (issue 11.9). A
/// refusal (a spent or revoked refresh token: the OA admin must grant consent again) is shown on the channel's health.
/// </summary>
public sealed class ZaloTokenKeepAliveJob(ZaloTokenProvider tokens, ChannelHealthStore health, IOptions<ZaloOptions> options, TimeProvider time)
{
    public const string RecurringJobId = "zalo-token-keepalive";

    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [300, 1800, 3600])]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [Queue(Scheduler.Hosting.SchedulerQueues.Default)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured)
        {
            return;
        }

        var token = await tokens.KeepAliveAsync(cancellationToken);
        if (token.Value is null)
        {
            await health.RecordAsync(ZaloChannel.Name, ChannelStates.TokenRefused, $"{token.ErrorCode}: {token.ErrorMessage}", time.GetUtcNow(), cancellationToken);
        }
        else if ((await health.ListDownAsync(cancellationToken)).Any(h => h.Channel == ZaloChannel.Name && h.State == ChannelStates.TokenRefused))
        {
            await health.RecordAsync(ZaloChannel.Name, ChannelStates.Ok, null, time.GetUtcNow(), cancellationToken);
        }
    }
}

/// <summary>Registers (or, with Zalo off, removes) the keep-alive's recurring job at start.</summary>
internal sealed class ZaloTokenKeepAliveStartup(IRecurringJobManager recurringJobs, IOptions<ZaloOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsConfigured)
        {
            recurringJobs.AddOrUpdate<ZaloTokenKeepAliveJob>(
                ZaloTokenKeepAliveJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), options.Value.TokenKeepAliveCron,
                new RecurringJobOptions { TimeZone = VietnamTime.Zone });
        }
        else
        {
            recurringJobs.RemoveIfExists(ZaloTokenKeepAliveJob.RecurringJobId);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
