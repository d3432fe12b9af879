using Outreach.Content.Channels;
using Outreach.Content.Posts;
using Outreach.Content.Time;

namespace Outreach.Content.Broadcasts;

/// <summary>
/// When a post's broadcast may be sent: a promotional post not in the quiet hours, and only in the delivery hours of every
/// channel it goes to (<see cref="ChannelProfile.Hours"/>: Zalo's 06:00–22:00). The next allowed instant is computed from
/// the windows' edges, never guessed by polling. The one place that decides it: planning, each worker, each claim and the
/// staff pages (the first real send time of a schedule) all ask <see cref="NextAllowed"/>.
/// </summary>
/// <param name="quietFrom">No promotional sends from this local time…</param>
/// <param name="quietUntil">…until this one.</param>
public sealed class QuietHours(TimeOnly quietFrom, TimeOnly quietUntil, ChannelCatalog channels)
{
    /// <summary>The first instant at or after <paramref name="utc"/> when <paramref name="post"/> may be sent (<paramref name="utc"/> itself when it may).</summary>
    public DateTimeOffset NextAllowed(Post post, DateTimeOffset utc)
    {
        ArgumentNullException.ThrowIfNull(post);
        return NextAllowed(utc, post.Audience.Channels, post.IsPromotional);
    }

    /// <summary>The first instant at or after <paramref name="utc"/> when sending on <paramref name="audienceChannels"/> is allowed.</summary>
    public DateTimeOffset NextAllowed(DateTimeOffset utc, IReadOnlyCollection<string> audienceChannels, bool isPromotional)
    {
        if (IsAllowed(utc, audienceChannels, isPromotional))
        {
            return utc;
        }

        // Sending becomes allowed only at the end of a forbidden stretch (the end of the quiet hours, the opening of a
        // channel's delivery hours), i.e. at one of these local times on some day.
        var edges = Hours(audienceChannels).Select(h => h.From).Append(quietUntil).ToList();
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(utc).DateTime);
        return Enumerable.Range(0, 3)
            .SelectMany(day => edges.Select(edge => VietnamTime.FromLocal(today.AddDays(day), edge)))
            .Where(candidate => candidate >= utc && IsAllowed(candidate, audienceChannels, isPromotional))
            .Order()
            .First();
    }

    /// <summary>True when a post (promotional or not) may be sent on all of <paramref name="audienceChannels"/> at <paramref name="utc"/>.</summary>
    public bool IsAllowed(DateTimeOffset utc, IReadOnlyCollection<string> audienceChannels, bool isPromotional)
    {
        ArgumentNullException.ThrowIfNull(audienceChannels);
        var time = TimeOnly.FromTimeSpan(VietnamTime.ToLocal(utc).TimeOfDay);
        if (isPromotional && Inside(time, quietFrom, quietUntil))
        {
            return false;
        }

        return Hours(audienceChannels).All(hours => Inside(time, hours.From, hours.Until));
    }

    // The delivery hours of those of the channels that have some.
    private IEnumerable<DeliveryHours> Hours(IReadOnlyCollection<string> audienceChannels) =>
        audienceChannels.Select(channels.Find).Select(p => p?.Hours).OfType<DeliveryHours>();

    // [from, until) in local time, wrapping past midnight when until <= from.
    private static bool Inside(TimeOnly time, TimeOnly from, TimeOnly until) =>
        from <= until ? time >= from && time < until : time >= from || time < until;
}
