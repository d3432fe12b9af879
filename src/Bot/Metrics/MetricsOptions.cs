using System.ComponentModel.DataAnnotations;

namespace Outreach.Bot.Metrics;

/// <summary><c>Outreach:Metrics</c>: the Prometheus endpoint and how often the database levels are read.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Outreach:Metrics";

    /// <summary>Serve <c>/metrics</c> (Prometheus text format).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When set, <c>/metrics</c> answers only requests with <c>Authorization: Bearer &lt;token&gt;</c>; otherwise only loopback.</summary>
    public string? Token { get; set; }

    /// <summary>Seconds between two readings of the database levels (backlog, open alerts, broadcast progress).</summary>
    [Range(1, 3600)]
    public int SampleSeconds { get; set; } = 15;
}
