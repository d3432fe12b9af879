using Microsoft.Extensions.Options;
using Outreach.Content.ChannelAccounts;

namespace Outreach.Bot.Channels.Accounts;

/// <summary>
/// The Pages and OAs webhooks are routed to and messages are sent from, read from <c>channel_accounts</c> and kept in memory
/// for <see cref="ChannelAccountOptions.CacheSeconds"/> (a change made on this host is seen at once, <see cref="Invalidate"/>).
/// The first read seeds the accounts of configuration (<see cref="ChannelAccountSeeding"/>). A database that cannot be
/// read leaves the last accounts in use.
/// </summary>
public sealed partial class ChannelAccountDirectory(
    ChannelAccountStore store,
    ChannelAccountSecrets secrets,
    ChannelAccountSeeding seeding,
    IOptions<ChannelAccountOptions> options,
    TimeProvider time,
    ILogger<ChannelAccountDirectory> logger) : IChannelAccounts, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _snapshot;
    private bool _seeded;

    /// <summary>The active account of <paramref name="channel"/> with this Page or OA id, or null.</summary>
    public async Task<ResolvedAccount?> FindAsync(string channel, string accountId, CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        if (snapshot.Accounts.TryGetValue((channel, accountId), out var found))
        {
            return found.IsActive ? found : null;
        }

        // An id not known yet may have been added on another host: read again, but not for every webhook of a stranger.
        if (time.GetUtcNow() - snapshot.ReadAt >= TimeSpan.FromSeconds(options.Value.UnknownRereadSeconds))
        {
            snapshot = await ReloadAsync(snapshot, cancellationToken);
            return snapshot.Accounts.TryGetValue((channel, accountId), out found) && found.IsActive ? found : null;
        }

        return null;
    }

    /// <summary>The active accounts of <paramref name="channel"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ResolvedAccount>> ListAsync(string channel, CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        return snapshot.Accounts.Values.Where(a => a.Channel == channel && a.IsActive).OrderBy(a => a.Id).ToList();
    }

    /// <summary>Forget what was read: the next lookup reads the table again.</summary>
    public void Invalidate() => Volatile.Write(ref _snapshot, null);

    public void Dispose() => _gate.Dispose();

    private async Task<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        return snapshot is not null && time.GetUtcNow() - snapshot.ReadAt < TimeSpan.FromSeconds(options.Value.CacheSeconds)
            ? snapshot
            : await ReloadAsync(snapshot, cancellationToken);
    }

    private async Task<Snapshot> ReloadAsync(Snapshot? seen, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var current = Volatile.Read(ref _snapshot);
            if (current is not null && !ReferenceEquals(current, seen))
            {
                return current;
            }

            if (!_seeded)
            {
                await seeding.SeedAsync(cancellationToken);
                _seeded = true;
            }

            var rows = await store.ListAllAsync(cancellationToken);
            var accounts = rows.ToDictionary(r => (r.Channel, r.AccountId), Resolve);
            var snapshot = new Snapshot(accounts, time.GetUtcNow());
            Volatile.Write(ref _snapshot, snapshot);
            return snapshot;
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException && seen is not null)
        {
            Log.ChannelAccountsUnreadable(logger, ex.GetType().Name);
            return seen! with { ReadAt = time.GetUtcNow() };
        }
        finally
        {
            _gate.Release();
        }
    }

    private ResolvedAccount Resolve(ChannelAccount row) => new(
        row.Id, row.Channel, row.AccountId, row.OrgUnitId, row.IsActive, row.AppId,
        secrets.Read(row.AppSecretProtected), secrets.Read(row.WebhookSecretProtected), secrets.Read(row.AccessTokenProtected));

    private sealed record Snapshot(IReadOnlyDictionary<(string Channel, string AccountId), ResolvedAccount> Accounts, DateTimeOffset ReadAt);
}
