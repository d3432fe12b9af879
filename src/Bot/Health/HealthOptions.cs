using System.ComponentModel.DataAnnotations;

namespace Outreach.Bot.Health;

/// <summary>Health endpoints (section <c>Outreach:Health</c>).</summary>
public sealed class HealthOptions
{
    public const string Section = "Outreach:Health";

    /// <summary>
    /// Seconds a readiness report (/healthz, /healthz/ready: the database and Hangfire) is reused (default 5). However often
    /// anyone asks, the checks then run at most once per this many seconds.
    /// </summary>
    [Range(0, 300)]
    public int ReadyCacheSeconds { get; set; } = 5;
}
