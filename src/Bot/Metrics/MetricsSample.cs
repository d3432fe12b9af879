namespace Outreach.Bot.Metrics;

/// <summary>The database levels last read by <see cref="MetricsSampler"/>; the gauges observe <see cref="Current"/>.</summary>
public sealed class MetricsSample
{
    private volatile MetricsLevels _current = MetricsLevels.Empty;

    public MetricsLevels Current => _current;

    public void Set(MetricsLevels levels) => _current = levels ?? throw new ArgumentNullException(nameof(levels));
}

/// <summary>One reading of the levels that live in the database.</summary>
public sealed record MetricsLevels(
    long InboxBacklog,
    double InboxOldestAgeSeconds,
    long OutboxBacklog,
    long CrisisAlertsOpen,
    IReadOnlyDictionary<string, long> SendingDeliveries)
{
    public static readonly MetricsLevels Empty = new(0, 0, 0, 0, new Dictionary<string, long>());
}
