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
}
