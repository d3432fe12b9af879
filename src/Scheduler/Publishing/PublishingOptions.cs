using System.ComponentModel.DataAnnotations;

namespace Outreach.Scheduler.Publishing;

/// <summary>Publishing posts on the platforms' own spaces (section <c>Outreach:Publishing</c>).</summary>
public sealed class PublishingOptions
{
    public const string Section = "Outreach:Publishing";

    /// <summary>Attempts per Page post before a retryable failure (rate limit, platform down) stops it for good.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before retrying when the platform named none; doubled at each further attempt.</summary>
    [Range(1, 3600)]
    public int RetrySeconds { get; set; } = 60;

    /// <summary>One publishing call's timeout.</summary>
    [Range(1, 300)]
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// How long an attempt without an answer (or whose host died) is left alone before the platform is asked whether the post
    /// exists: longer than any call can still be in flight, so the look-up cannot miss a post being made.
    /// </summary>
    [Range(1, 3600)]
    public int UncertainWaitSeconds { get; set; } = 120;

    /// <summary>How far back the look-up searches before an attempt's start (clock differences with the platform).</summary>
    [Range(0, 3600)]
    public int LookupSlackSeconds { get; set; } = 120;

    /// <summary>The largest image a post may carry, in bytes (Facebook asks photos under 4 MB).</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public int MaxImageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>A folder for posts' images; unset (the default) keeps them in PostgreSQL.</summary>
    public string? ImageFolder { get; set; }

    /// <summary>
    /// The gateway's address as the platforms reach it (https://…): Zalo downloads an article's cover from
    /// <c>{PublicBaseUrl}/media/post-images/{id}/{sha256}</c>. Unset, a Zalo article cannot be published (the reason says so).
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>How often Zalo is asked whether a new article has passed its processing and moderation (article/verify).</summary>
    [Range(1, 3600)]
    public int ZaloVerifySeconds { get; set; } = 60;

    /// <summary>How long an article may stay in Zalo's moderation before its part stops (Zalo says about 30 minutes).</summary>
    [Range(1, 7 * 24 * 60)]
    public int ZaloModerationMaxMinutes { get; set; } = 24 * 60;

    /// <summary>Article broadcasts an OA sends per Vietnamese day (1 in PLATFORM-ZALO.md §4.2; uncertain, so a setting).</summary>
    [Range(1, 100)]
    public int ZaloBroadcastsPerDay { get; set; } = 1;

    /// <summary>
    /// Article broadcasts an OA sends per calendar month: a follower receives at most this many (4 for a verified OA on Zalo's
    /// Trial/Advanced packages, 1 on Basic, 6 on Premium; uncertain, so a setting). Beyond it the broadcast would reach no one.
    /// </summary>
    [Range(1, 100)]
    public int ZaloBroadcastsPerMonth { get; set; } = 4;

    /// <summary>Zalo's broadcast target, province codes (<c>cities</c>, Zalo's pre-2025 list 0–63, comma-separated); unset: everyone.</summary>
    [RegularExpression("^[0-9]{1,2}(,[0-9]{1,2})*$")]
    public string? ZaloTargetCities { get; set; }

    /// <summary>Zalo's broadcast target, gender: 0 everyone, 1 men, 2 women; unset: everyone.</summary>
    [RegularExpression("^[012]$")]
    public string? ZaloTargetGender { get; set; }

    /// <summary>Zalo's broadcast target, age groups (0: 0–12 … 7: 65 and over, comma-separated); unset: every age.</summary>
    [RegularExpression("^[0-7](,[0-7])*$")]
    public string? ZaloTargetAges { get; set; }
}
