using Outreach.Content.Posts;

namespace Outreach.Content.Broadcasts;

/// <summary>
/// How a sending ended, from its deliveries: "completed" when no send failed, "partial" when some members were reached and
/// some sends failed, "failed" when sends failed and nobody was reached (issue 18.1: 0 sent and 1.602 errors is not "Hoàn
/// tất"). Skipped members (not eligible, window closed) are not failures: a sending that skipped everyone is complete.
/// </summary>
public static class SendingOutcome
{
    /// <summary>The broadcast status a finished sending takes.</summary>
    public static string Of(IReadOnlyList<DeliveryCount> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var reached = counts.Where(c => c.Status is DeliveryStatuses.Sent or DeliveryStatuses.Delivered or DeliveryStatuses.Read).Sum(c => c.Count);
        var failed = counts.Where(c => c.Status is DeliveryStatuses.Failed or DeliveryStatuses.Unknown).Sum(c => c.Count);
        return failed == 0 ? BroadcastStatuses.Completed
            : reached == 0 ? BroadcastStatuses.Failed
            : BroadcastStatuses.Partial;
    }

    /// <summary>The status a post sent once takes from its sending's outcome.</summary>
    public static string PostStatus(string broadcastStatus) => broadcastStatus switch
    {
        BroadcastStatuses.Failed => PostStatuses.Failed,
        BroadcastStatuses.Partial => PostStatuses.Partial,
        _ => PostStatuses.Sent,
    };
}
