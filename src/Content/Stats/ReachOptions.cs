using System.ComponentModel.DataAnnotations;

namespace Outreach.Content.Stats;

/// <summary>Reach statistics (section <c>Outreach:Reach</c>).</summary>
public sealed class ReachOptions
{
    public const string Section = "Outreach:Reach";

    /// <summary>
    /// A member's message (or opt-out) counts as "replied" (or "unsubscribed") to the latest broadcast she was sent within
    /// this many days before it (default 7, the Zalo consultation window).
    /// </summary>
    [Range(1, 60)]
    public int AttributionDays { get; set; } = 7;

    /// <summary>Events one roll-up transaction consumes at most (default 50,000); a backlog is consumed over several runs.</summary>
    [Range(100, 5_000_000)]
    public int RollupBatchSize { get; set; } = 50_000;

    /// <summary>Batches one roll-up run processes at most before it ends (default 20); the next run continues.</summary>
    [Range(1, 10_000)]
    public int RollupMaxBatches { get; set; } = 20;
}
