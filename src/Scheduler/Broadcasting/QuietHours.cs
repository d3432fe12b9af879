using Outreach.Content.Time;

namespace Outreach.Scheduler.Broadcasting;

/// <summary>
/// When a broadcast may be sent: promotional posts not in the quiet hours, Zalo only in its delivery hours. The next
/// allowed instant is computed from the windows' edges, never guessed by polling.
/// </summary>
public sealed class QuietHours(BroadcastOptions options)
{
    /// <summary>True when a post (promotional or not) may be sent on all of <paramref name="channels"/> at <paramref name="utc"/>.</summary>
    public bool IsAllowed(DateTimeOffset utc, IReadOnlyCollection<string> channels, bool isPromotional)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var time = TimeOnly.FromTimeSpan(VietnamTime.ToLocal(utc).TimeOfDay);
        if (isPromotional && Inside(time, options.QuietFrom, options.QuietUntil))
        {
            return false;
        }

        return !channels.Contains("zalo") || Inside(time, options.ZaloFrom, options.ZaloUntil);
    }

    /// <summary>The first instant at or after <paramref name="utc"/> when sending is allowed.</summary>
    public DateTimeOffset NextAllowed(DateTimeOffset utc, IReadOnlyCollection<string> channels, bool isPromotional)
    {
        if (IsAllowed(utc, channels, isPromotional))
        {
            return utc;
        }

        // Sending becomes allowed only at the end of a forbidden stretch, i.e. at one of these local times on some day.
        var edges = new List<TimeOnly> { options.ZaloFrom, options.QuietUntil };
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(utc).DateTime);
        return Enumerable.Range(0, 3)
            .SelectMany(day => edges.Select(edge => VietnamTime.FromLocal(today.AddDays(day), edge)))
            .Where(candidate => candidate >= utc && IsAllowed(candidate, channels, isPromotional))
            .Order()
            .First();
    }

    // [from, until) in local time, wrapping past midnight when until <= from.
    private static bool Inside(TimeOnly time, TimeOnly from, TimeOnly until) =>
        from <= until ? time >= from && time < until : time >= from || time < until;
}
