namespace Outreach.Content.Members;

/// <summary>How the members-connected figures of a range are grouped (Vietnamese calendar: weeks start on Monday).</summary>
public enum GrowthStep
{
    Day,
    Week,
    Month,
    Year,
}

/// <summary>
/// One step of a unit's members over time: members who joined it (placed in it or below it, or followed again) and who left
/// (moved out, unfollowed, blocked, erased) between <see cref="Start"/> and <see cref="End"/> (Vietnamese days, both
/// included), and how many were connected at the end of <see cref="End"/>.
/// </summary>
public sealed record GrowthPoint(DateOnly Start, DateOnly End, long Joined, long Left, long Connected);

/// <summary>A unit's (subtree's) members connected over a range, step by step; <see cref="Channel"/> null is every channel.</summary>
public sealed record MemberGrowth(long UnitId, string? Channel, long ConnectedAtStart, IReadOnlyList<GrowthPoint> Points)
{
    public long Joined => Points.Sum(p => p.Joined);

    public long Left => Points.Sum(p => p.Left);

    public long ConnectedAtEnd => Points.Count == 0 ? ConnectedAtStart : Points[^1].Connected;
}

/// <summary>A unit directly below the asked unit, with its whole subtree's members over the range.</summary>
public sealed record UnitGrowth(long UnitId, string Name, string Level, long Joined, long Left, long Connected);
