using System.Collections.Concurrent;
using Outreach.Content.Channels;

namespace Outreach.Scheduler.Sending;

/// <summary>
/// Tells <see cref="ChannelHealthStore"/> what sends find: a token refused, a platform that stopped answering, or a channel
/// working again. Remembers what it last wrote per channel, so a broadcast of thousands of sends writes only the changes.
/// </summary>
public sealed class ChannelHealthReporter(ChannelHealthStore store, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, string> _written = new(StringComparer.Ordinal);

    /// <summary>Records what a final send result says about its channel (a refusal about the member or the message says nothing).</summary>
    public Task ReportAsync(string channel, SendResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            SendOutcome.Sent => RecordAsync(channel, ChannelStates.Ok, null, cancellationToken),
            SendOutcome.AuthFailed => RecordAsync(channel, ChannelStates.TokenRefused, Detail(result), cancellationToken),
            SendOutcome.Transient => RecordAsync(channel, ChannelStates.Unreachable, Detail(result), cancellationToken),
            SendOutcome.AccountLimited => RecordAsync(channel, ChannelStates.QuotaOrBilling, Detail(result), cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    /// <summary>A send that threw (the connection failed): the platform is unreachable.</summary>
    public Task ReportUnreachableAsync(string channel, string detail, CancellationToken cancellationToken) =>
        RecordAsync(channel, ChannelStates.Unreachable, detail, cancellationToken);

    private async Task RecordAsync(string channel, string state, string? detail, CancellationToken cancellationToken)
    {
        if (_written.TryGetValue(channel, out var last) && last == state)
        {
            return;
        }

        await store.RecordAsync(channel, state, detail, time.GetUtcNow(), cancellationToken);
        _written[channel] = state;
    }

    private static string? Detail(SendResult result) =>
        string.Join(" ", new[] { result.ErrorCode, result.ErrorMessage }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } d
            ? d[..Math.Min(d.Length, 300)]
            : null;
}
