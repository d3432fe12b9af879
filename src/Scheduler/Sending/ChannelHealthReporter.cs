using System.Collections.Concurrent;
using Outreach.Content.ChannelAccounts;
using Outreach.Content.Channels;

namespace Outreach.Scheduler.Sending;

/// <summary>
/// Tells <see cref="ChannelHealthStore"/> what sends find: a token refused, a platform that stopped answering, or a channel
/// working again; and, with <see cref="ChannelAccountStore"/>, the same about the Page or OA that sent (shown on the account's
/// page). Remembers what it last wrote per channel and account, so a broadcast of thousands of sends writes only the changes:
/// one write per change even when many sends in flight report the same new state at once (a broadcast's first 64 sends all
/// found "no state written yet" and each wrote "ok": 64–173 writes per send, bench/README "Broadcast fan-out"). While a
/// channel's or account's write is under way, a report of the same state is not written again and a different one waits for it.
/// Health is a note beside the sending, not part of it: a transient database error (an outage, a restart) skips the note, and
/// the next send writes it, rather than failing the send's caller (a broadcast chunk, a reply) after the platform took it.
/// A platform that did not answer is called unreachable only when it keeps not answering: <see cref="UnreachableAfter"/>
/// failures in a row, or failures still coming <see cref="UnreachableWindow"/> after the first with no send getting through
/// between them. One transient failure after the retries (a platform's 503 among thousands of sends) would otherwise put an
/// "unreachable" banner on the console until the next send. A refused token or a used-up quota is said at once.
/// </summary>
public sealed class ChannelHealthReporter(ChannelHealthStore store, TimeProvider time, ChannelAccountStore? accounts = null)
{
    /// <summary>Failures in a row, with no send through between them, that make a channel or account unreachable.</summary>
    public const int UnreachableAfter = 3;

    /// <summary>How long failures may go on, with no send through, before even fewer of them make it unreachable.</summary>
    public static readonly TimeSpan UnreachableWindow = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, string> _written = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Channel, string Account), string> _writtenPerAccount = new();
    private readonly ConcurrentDictionary<(string Channel, string? Account), FailureStreak> _streaks = new();
    private readonly ConcurrentDictionary<string, WriteGate> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Channel, string Account), WriteGate> _accountGates = new();

    /// <summary>Records what a final send result says about its channel (a refusal about the member or the message says nothing).</summary>
    public Task ReportAsync(string channel, SendResult result, CancellationToken cancellationToken) =>
        ReportAsync(channel, null, result, cancellationToken);

    /// <summary>Records what a final send result of <paramref name="accountId"/> (Page id, OA id) says about its channel and the account.</summary>
    public async Task ReportAsync(string channel, string? accountId, SendResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (state, detail) = result.Outcome switch
        {
            SendOutcome.Sent => (ChannelStates.Ok, null),
            SendOutcome.AuthFailed => (ChannelStates.TokenRefused, Detail(result)),
            SendOutcome.Transient => (ChannelStates.Unreachable, Detail(result)),
            SendOutcome.AccountLimited => (ChannelStates.QuotaOrBilling, Detail(result)),
            _ => ((string?)null, (string?)null),
        };
        if (state is null)
        {
            return;
        }

        if (state == ChannelStates.Unreachable)
        {
            await RecordUnreachableAsync(channel, accountId, detail, cancellationToken);
            return;
        }

        if (state == ChannelStates.Ok)
        {
            // Looked up first: a removal takes the dictionary's lock even when there is nothing to remove, and every sent
            // message comes here (lock contention among a broadcast's sends in flight, in a CPU profile of a send).
            EndStreak((channel, null));
            EndStreak((channel, accountId));
        }

        await RecordAsync(channel, state, detail, cancellationToken);
        await RecordAccountAsync(channel, accountId, state, detail, cancellationToken);
    }

    /// <summary>A send that threw (the connection failed) or found the platform not answering after its retries.</summary>
    public Task ReportUnreachableAsync(string channel, string detail, CancellationToken cancellationToken, string? accountId = null) =>
        RecordUnreachableAsync(channel, accountId, detail, cancellationToken);

    private async Task RecordUnreachableAsync(string channel, string? accountId, string? detail, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (KeepsFailing((channel, null), now))
        {
            await RecordAsync(channel, ChannelStates.Unreachable, detail, cancellationToken);
        }

        if (!string.IsNullOrEmpty(accountId) && KeepsFailing((channel, accountId), now))
        {
            await RecordAccountAsync(channel, accountId, ChannelStates.Unreachable, detail, cancellationToken);
        }
    }

    private void EndStreak((string Channel, string? Account) key)
    {
        if (_streaks.ContainsKey(key))
        {
            _streaks.TryRemove(key, out _);
        }
    }

    /// <summary>Counts one more failure of <paramref name="key"/>; true once they are enough to call it unreachable.</summary>
    private bool KeepsFailing((string Channel, string? Account) key, DateTimeOffset now)
    {
        var streak = _streaks.AddOrUpdate(
            key, _ => new FailureStreak(1, now), (_, s) => s with { Failures = s.Failures + 1 });
        return streak.Failures >= UnreachableAfter || now - streak.Since >= UnreachableWindow;
    }

    private sealed record FailureStreak(int Failures, DateTimeOffset Since);

    private Task RecordAsync(string channel, string state, string? detail, CancellationToken cancellationToken) =>
        WriteOnceAsync(
            _written, _gates, channel, state,
            token => store.RecordAsync(channel, state, detail, time.GetUtcNow(), token),
            cancellationToken);

    private Task RecordAccountAsync(string channel, string? accountId, string state, string? detail, CancellationToken cancellationToken) =>
        accounts is null || string.IsNullOrEmpty(accountId)
            ? Task.CompletedTask
            : WriteOnceAsync(
                _writtenPerAccount, _accountGates, (channel, accountId), state,
                token => accounts.RecordHealthAsync(channel, accountId, state, detail, token),
                cancellationToken);

    /// <summary>
    /// Writes <paramref name="state"/> for <paramref name="key"/> unless it is what was last written, or is being written now.
    /// A transient database error leaves it unwritten and not remembered: the next send tries again.
    /// </summary>
    private static async Task WriteOnceAsync<TKey>(
        ConcurrentDictionary<TKey, string> written,
        ConcurrentDictionary<TKey, WriteGate> gates,
        TKey key,
        string state,
        Func<CancellationToken, Task> write,
        CancellationToken cancellationToken)
        where TKey : notnull
    {
        if (written.TryGetValue(key, out var last) && last == state)
        {
            return;
        }

        var gate = gates.GetOrAdd(key, _ => new WriteGate());
        if (!gate.Lock.Wait(0, CancellationToken.None))
        {
            if (gate.Writing == state)
            {
                // The same change is being written by another send: one write for the lot.
                return;
            }

            await gate.Lock.WaitAsync(cancellationToken);
        }

        try
        {
            if (written.TryGetValue(key, out last) && last == state)
            {
                return;
            }

            gate.Writing = state;
            await write(cancellationToken);
            written[key] = state;
        }
        catch (Npgsql.NpgsqlException ex) when (ex.IsTransient)
        {
            // Not remembered as written: the next send tries again.
        }
        finally
        {
            gate.Writing = null;
            gate.Lock.Release();
        }
    }

    // One write at a time per channel or account, and which state it is writing.
    private sealed class WriteGate
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);

        // Read without the lock by a send that could not take it.
        public volatile string? Writing;
    }

    private static string? Detail(SendResult result) =>
        string.Join(" ", new[] { result.ErrorCode, result.ErrorMessage }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } d
            ? d[..Math.Min(d.Length, 300)]
            : null;
}
