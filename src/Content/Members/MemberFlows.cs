namespace Outreach.Content.Members;

/// <summary>
/// Subscribers of a unit's subtree over a range of days: subscribed at its start and end, who subscribed, came from another
/// unit, unsubscribed (unfollowed, blocked, erased) or moved away in between. <see cref="Name"/> is null for the asked unit.
/// </summary>
public sealed record MemberFlow(
    long UnitId, string? Name, string? Level, long AtStart, long Subscribed, long MovedIn, long Unsubscribed, long MovedOut, long AtEnd)
{
    /// <summary>End minus start.</summary>
    public long Growth => AtEnd - AtStart;

    /// <summary>The growth as a fraction of the start (0.25 is 25%), or null when nobody was subscribed at the start.</summary>
    public decimal? GrowthRatio => AtStart == 0 ? null : decimal.Round((decimal)Growth / AtStart, 4);
}

/// <summary>The asked unit's figures and each unit's directly below it, from <see cref="From"/> to <see cref="To"/> (both included).</summary>
public sealed record MemberFlows(DateOnly From, DateOnly To, MemberFlow Total, IReadOnlyList<MemberFlow> Children);
