using System.ComponentModel.DataAnnotations;

namespace Outreach.Scheduler.Insights;

/// <summary>Polling the platforms' post insights (section <c>Outreach:Insights</c>).</summary>
public sealed class InsightsOptions
{
    public const string Section = "Outreach:Insights";

    /// <summary>When to poll, a cron read in Asia/Ho_Chi_Minh (default every 6 hours: the platforms update most figures daily).</summary>
    [Required]
    public string Cron { get; set; } = "15 */6 * * *";

    /// <summary>Posts linked more than this many days ago are no longer polled (default 90).</summary>
    [Range(1, 730)]
    public int LookbackDays { get; set; } = 90;

    /// <summary>
    /// Page post insights metrics to ask Graph for (PLATFORM-MESSENGER.md §4.2: the impressions family and post_engaged_users are
    /// gone). One unknown metric fails a whole request, so on that error each metric is asked for alone and the dead ones are
    /// dropped. An array: configuration replaces the default whole.
    /// </summary>
    public string[] FacebookMetrics { get; set; } = ["post_total_media_view_unique", "post_media_view", "post_clicks", "post_reactions_by_type_total"];
}
