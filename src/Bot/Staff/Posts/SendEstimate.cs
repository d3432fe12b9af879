using Outreach.Content.Broadcasts;
using Outreach.Content.Channels;

namespace Outreach.Bot.Staff.Posts;

/// <summary>
/// How many members a post would reach at its first sending (issue 18.4), counted by the planner's own rules
/// (<see cref="Eligibility"/>) at the instant it would really go out (the quiet hours applied): a 24-hour window open now may be
/// closed at 08:00 tomorrow. When nobody would be reached, <see cref="ZeroCause"/> says why.
/// </summary>
/// <param name="RequestedAt">The time asked for (the next occurrence of a repeating schedule).</param>
/// <param name="SendsAt">When it would really start (<see cref="QuietHours.NextAllowed(Content.Posts.Post, DateTimeOffset)"/>).</param>
/// <param name="Reachable">Members who would get it then.</param>
/// <param name="Unreachable">Members of the audience who would not, with <paramref name="Reasons"/>.</param>
/// <param name="Units">The audience's units (id, name): where members join (their join page and QR codes).</param>
public sealed record SendEstimate(
    DateTimeOffset RequestedAt,
    DateTimeOffset SendsAt,
    int Reachable,
    int Unreachable,
    IReadOnlyList<(string Reason, int Count)> Reasons,
    string? ZeroCause,
    IReadOnlyList<(long Id, string Name)> Units)
{
    /// <summary>Nobody in the units on the post's channels.</summary>
    public const string NoMembers = "no_members";

    /// <summary>Members there, none opted in to the post's topic.</summary>
    public const string NoneSubscribed = "none_subscribed";

    /// <summary>Members opted in, but their messaging windows would be closed (or they never wrote).</summary>
    public const string WindowsClosed = "windows_closed";

    /// <summary>Members opted in, but blocked, unfollowed or out of quota.</summary>
    public const string OtherReasons = "other";

    /// <summary>True when the quiet hours push the sending later than asked.</summary>
    public bool IsShifted => SendsAt > RequestedAt;

    public static SendEstimate Of(
        DateTimeOffset requestedAt, DateTimeOffset sendsAt, IReadOnlyList<AudiencePreviewRow> rows, IReadOnlyList<(long, string)> units,
        ChannelCatalog channels)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(channels);
        var reachable = rows.Where(r => r.Reason is null).Sum(r => r.Count);
        var reasons = rows.Where(r => r.Reason is not null)
            .GroupBy(r => r.Reason!)
            .Select(g => (Reason: g.Key, Count: g.Sum(r => r.Count)))
            .OrderByDescending(x => x.Count)
            .ToList();
        return new SendEstimate(requestedAt, sendsAt, reachable, reasons.Sum(r => r.Count), reasons,
            reachable > 0 ? null : Cause(reasons, channels), units);
    }

    // Why nobody: no members at all, else the reason most of them share.
    private static string Cause(List<(string Reason, int Count)> reasons, ChannelCatalog channels)
    {
        if (reasons.Count == 0)
        {
            return NoMembers;
        }

        var windowReasons = channels.All.Select(c => c.Window?.Reason).OfType<string>()
            .Append(SkipReasons.WindowClosed).Append(SkipReasons.NeverInteracted).ToHashSet(StringComparer.Ordinal);
        return reasons[0].Reason switch
        {
            SkipReasons.NotSubscribed => NoneSubscribed,
            var reason when windowReasons.Contains(reason) => WindowsClosed,
            _ => OtherReasons,
        };
    }
}
