using Hangfire;
using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Accounts;
using Outreach.Content.Channels;
using Outreach.Content.Time;

namespace Outreach.Bot.Channels.Zalo;

/// <summary>
/// Refreshes every active OA's tokens on a schedule (<see cref="ZaloOptions.TokenKeepAliveCron"/>), sends or no sends: Zalo's refresh
/// token lasts about three months and each refresh gives a new one, so a quiet OA keeps its chain alive (issue 11.9). A
/// refusal (a spent or revoked refresh token: the OA admin must grant consent again) is shown on the channel's health.
/// </summary>
public sealed class ZaloTokenKeepAliveJob(
    ZaloTokenProvider tokens, IChannelAccounts accounts, ChannelHealthStore health, TimeProvider time)
{
    public const string RecurringJobId = "zalo-token-keepalive";

    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [300, 1800, 3600])]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [Queue(Scheduler.Hosting.SchedulerQueues.Default)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var oas = (await accounts.ListAsync(ZaloChannel.Name, cancellationToken)).Where(a => a.IsActive).ToList();
        if (oas.Count == 0)
        {
            return;
        }

        // Every OA is tried, a refusal of one does not stop the others; the channel shows the first refusal with its OA.
        string? refused = null;
        foreach (var oa in oas)
        {
            var token = await tokens.KeepAliveAsync(oa.AccountId, cancellationToken);
            if (token.Value is null)
            {
                refused ??= $"OA {oa.AccountId} — {token.ErrorCode}: {token.ErrorMessage}";
            }
        }

        if (refused is not null)
        {
            await health.RecordAsync(ZaloChannel.Name, ChannelStates.TokenRefused, refused, time.GetUtcNow(), cancellationToken);
        }
        else if ((await health.ListDownAsync(cancellationToken)).Any(h => h.Channel == ZaloChannel.Name && h.State == ChannelStates.TokenRefused))
        {
            await health.RecordAsync(ZaloChannel.Name, ChannelStates.Ok, null, time.GetUtcNow(), cancellationToken);
        }
    }
}

/// <summary>
/// Registers the keep-alive's recurring job at start. Always: OAs may be added in the console ("Trang và OA") without any
/// Zalo configuration, and the job does nothing while there is no active OA.
/// </summary>
internal sealed class ZaloTokenKeepAliveStartup(IRecurringJobManager recurringJobs, IOptions<ZaloOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<ZaloTokenKeepAliveJob>(
            ZaloTokenKeepAliveJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), options.Value.TokenKeepAliveCron,
            new RecurringJobOptions { TimeZone = VietnamTime.Zone });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
