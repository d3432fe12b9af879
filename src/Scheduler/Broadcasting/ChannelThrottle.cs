using System.Collections.Concurrent;

namespace Outreach.Scheduler.Broadcasting;

/// <summary>
/// Channel accounts (a Page, an OA) whose platform asked us to wait (Meta 80006/613, Zalo -32; issue 11.7), or whose budget
/// of calls on this host is spent until its next permit (issue 17): until then their deliveries go back to the queue without
/// a call, instead of each finding the limit again, and hold no send slot. Per process; a worker on another host finds the
/// limit once by itself.
/// </summary>
public sealed class ChannelThrottle
{
    private readonly ConcurrentDictionary<(string Channel, string AccountId), DateTimeOffset> _until = new();

    /// <summary>Until when the account must wait, or null when it may send now.</summary>
    public DateTimeOffset? WaitUntil(string channel, string accountId, DateTimeOffset now) =>
        _until.TryGetValue((channel, accountId), out var until) && until > now ? until : null;

    /// <summary>Holds the account's sends until <paramref name="until"/> (a later hold wins).</summary>
    public void Hold(string channel, string accountId, DateTimeOffset until) =>
        _until.AddOrUpdate((channel, accountId), until, (_, old) => old > until ? old : until);
}
