namespace Outreach.Scheduler.Insights;

/// <summary>
/// A platform's own figures for posts published there (the insights port, implemented by the channels, as IChannelSender
/// is for sending). Platform refusals are values, not exceptions.
/// </summary>
public interface IInsightsSource
{
    /// <summary>"facebook" or "zalo", as in post_platform_links.platform.</summary>
    string Platform { get; }

    /// <summary>The metrics of each published item (Page post id, article id) that the platform still reports.</summary>
    Task<IReadOnlyDictionary<string, InsightsResult>> FetchAsync(IReadOnlyList<string> externalIds, CancellationToken cancellationToken = default);
}

/// <summary>What a platform answered for one item: its metrics (lifetime values) or why there are none.</summary>
public sealed record InsightsResult(IReadOnlyDictionary<string, long> Metrics, string? Error = null)
{
    public static InsightsResult Failed(string error) => new(new Dictionary<string, long>(), error);
}
