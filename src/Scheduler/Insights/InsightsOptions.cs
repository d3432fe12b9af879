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

    /// <summary>The metrics asked for when <see cref="FacebookMetrics"/> is empty (PLATFORM-MESSENGER.md §4.2: still served on v25.0).</summary>
    public static IReadOnlyList<string> DefaultFacebookMetrics { get; } =
        ["post_total_media_view_unique", "post_media_view", "post_clicks", "post_reactions_by_type_total"];

    /// <summary>
    /// Page post insights metrics to ask Graph for; empty (the default) means <see cref="DefaultFacebookMetrics"/>. (The
    /// impressions family and post_engaged_users are gone.) One unknown metric fails a whole request, so on that error each
    /// metric is asked for alone and the dead ones are dropped.
    /// </summary>
    public IList<string> FacebookMetrics { get; } = [];

    /// <summary>The metrics to ask for: the configured ones, or the defaults.</summary>
    public IReadOnlyList<string> EffectiveFacebookMetrics => FacebookMetrics.Count > 0 ? FacebookMetrics.Distinct().ToList() : DefaultFacebookMetrics;
}
