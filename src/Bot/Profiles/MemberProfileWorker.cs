using Microsoft.Extensions.Options;
using Outreach.Bot.Channels;
using Outreach.Content.Contacts;

namespace Outreach.Bot.Profiles;

/// <summary>
/// Looks up the names of members due a lookup (<see cref="ContactProfileStore"/>) on their channel's profile API
/// (<see cref="IMemberProfiles"/>), outside any turn: a slow, refused or failed lookup never delays or fails a member's answer,
/// and a member whose lookup fails keeps the name she had ("Hội viên #N" in the console when none). A channel without a
/// profile API records "unsupported" and is asked again only at the next refresh.
/// </summary>
public sealed class MemberProfileWorker(
    ContactProfileStore store, IEnumerable<IMemberProfiles> sources, IOptions<MemberProfileOptions> options, ILogger<MemberProfileWorker> logger)
    : BackgroundService
{
    private readonly Dictionary<string, IMemberProfiles> _sources = sources.ToDictionary(s => s.Channel, StringComparer.Ordinal);

    // A claim is held this long: a host that dies mid-round leaves its members due again after it.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var poll = TimeSpan.FromMilliseconds(settings.PollIntervalMs);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunOnceAsync(stoppingToken) < settings.BatchSize)
                {
                    await Task.Delay(poll, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A database outage must not stop the host; claimed members are due again after the lease.
                Log.WorkerLoopError(logger, ex, "profiles");
                await Task.Delay(poll, stoppingToken);
            }
        }
    }

    /// <summary>Claims one batch of due members and looks each up; the number claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var refresh = TimeSpan.FromDays(settings.RefreshDays);
        var claims = await store.ClaimDueAsync(settings.BatchSize, Lease, cancellationToken);
        foreach (var claim in claims)
        {
            if (!_sources.TryGetValue(claim.Channel, out var source))
            {
                await store.RecordDoneAsync(claim, null, "unsupported", refresh, cancellationToken);
                continue;
            }

            var lookup = await source.LookupAsync(claim.AccountId, claim.PlatformUserId, cancellationToken);
            if (lookup.Result == ProfileLookupResult.Retry && claim.Attempts + 1 < settings.MaxAttempts)
            {
                var wait = TimeSpan.FromSeconds(settings.RetrySeconds * Math.Pow(2, Math.Min((int)claim.Attempts, 16)));
                await store.RecordRetryAsync(claim, lookup.Outcome, wait, cancellationToken);
            }
            else
            {
                await store.RecordDoneAsync(claim, lookup.Name, lookup.Outcome, refresh, cancellationToken);
            }

            if (lookup.Result != ProfileLookupResult.Found)
            {
                Log.ProfileNotFound(logger, claim.Channel, claim.AccountId, claim.ContactId, lookup.Outcome);
            }
        }

        return claims.Count;
    }
}
