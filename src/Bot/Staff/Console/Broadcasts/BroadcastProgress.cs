using Outreach.Content.Broadcasts;

namespace Outreach.Bot.Staff.Console.Broadcasts;

/// <summary>Where a sending stands: deliveries by status, how many are settled, and why some were skipped.</summary>
public sealed record BroadcastProgress(
    int Total,
    IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyList<(string Reason, int Count)> SkipReasons,
    IReadOnlyList<(string? Reason, int Count)> FailReasons)
{
    /// <summary>The statuses a delivery ends in (the same list the page's script adds up while it polls).</summary>
    public static readonly string[] Settled =
    [
        DeliveryStatuses.Sent, DeliveryStatuses.Delivered, DeliveryStatuses.Read, DeliveryStatuses.Skipped,
        DeliveryStatuses.Failed, DeliveryStatuses.Unknown, DeliveryStatuses.Cancelled,
    ];

    /// <summary>The statuses the page lists, in the order a delivery moves through them.</summary>
    public static readonly string[] Shown =
    [
        DeliveryStatuses.Queued, DeliveryStatuses.Sending, DeliveryStatuses.Sent, DeliveryStatuses.Delivered, DeliveryStatuses.Read,
        DeliveryStatuses.Skipped, DeliveryStatuses.Failed, DeliveryStatuses.Unknown, DeliveryStatuses.Cancelled,
    ];

    public int Done => Settled.Sum(Count);

    /// <summary>Members the message reached: sent, and those whose phone then reported it delivered or read.</summary>
    public int Reached => Count(DeliveryStatuses.Sent) + Count(DeliveryStatuses.Delivered) + Count(DeliveryStatuses.Read);

    /// <summary>Sends that failed, or whose outcome is unknown.</summary>
    public int Errors => Count(DeliveryStatuses.Failed) + Count(DeliveryStatuses.Unknown);

    public int Count(string status) => ByStatus.GetValueOrDefault(status);

    public static BroadcastProgress Of(IReadOnlyList<DeliveryCount> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return new BroadcastProgress(
            counts.Sum(c => c.Count),
            counts.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Sum(c => c.Count), StringComparer.Ordinal),
            counts.Where(c => c.Status == DeliveryStatuses.Skipped && c.SkipReason is not null)
                .GroupBy(c => c.SkipReason!)
                .Select(g => (g.Key, g.Sum(c => c.Count)))
                .OrderByDescending(x => x.Item2)
                .ToList(),
            counts.Where(c => c.Status is DeliveryStatuses.Failed or DeliveryStatuses.Unknown)
                .GroupBy(c => c.SkipReason)
                .Select(g => (g.Key, g.Sum(c => c.Count)))
                .OrderByDescending(x => x.Item2)
                .ToList());
    }
}
