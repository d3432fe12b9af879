namespace Outreach.Content.Stats;

/// <summary>
/// The reach of a unit (with everything below it) over a period: what the dashboard shows and the exports write, built by
/// one query (<see cref="ReachQuery"/>). Every figure carries both counts, labelled: lượt and người.
/// </summary>
public sealed record ReachReport(
    UnitRef Unit,
    PeriodRef Period,
    IReadOnlyList<ReachFigure> Totals,
    IReadOnlyList<ChannelReach> Channels,
    IReadOnlyList<UnitReach> Units,
    IReadOnlyList<BroadcastReach> Broadcasts,
    ReachFreshness Freshness);

/// <summary>One kind of reach: <see cref="Events"/> lượt (every event) and <see cref="People"/> người (unique members).</summary>
public sealed record ReachFigure(string Kind, string Label, long Events, long People);

/// <summary>The figures of one channel.</summary>
public sealed record ChannelReach(string Channel, IReadOnlyList<ReachFigure> Figures);

/// <summary>A unit directly below the report's unit, with its whole subtree's figures.</summary>
public sealed record UnitReach(long UnitId, string Name, string Level, IReadOnlyList<ReachFigure> Figures);

/// <summary>A broadcast that went out in the period (Vietnamese day of its occurrence), with its whole reach in the unit.</summary>
public sealed record BroadcastReach(long BroadcastId, long PostId, string Title, string Topic, DateTimeOffset OccurrenceAt, IReadOnlyList<ReachFigure> Figures);

/// <summary>The unit a report is about.</summary>
public sealed record UnitRef(long Id, string Name, string Level);

/// <summary>The period a report is about (Vietnamese calendar days, both ends included).</summary>
public sealed record PeriodRef(string Code, string Name, string Kind, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>
/// How current the figures are: when the roll-up last ran, how many events wait for it, and whether the period's unique
/// people are still being back-filled (a period defined minutes ago).
/// </summary>
public sealed record ReachFreshness(DateTimeOffset? RolledUpAt, long PendingEvents, bool PeriodPending);
