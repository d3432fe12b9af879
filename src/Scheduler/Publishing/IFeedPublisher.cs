namespace Outreach.Scheduler.Publishing;

/// <summary>
/// The publishing port (implemented by a channel, as IChannelSender is for messages): publishes a post on an account's own
/// space (a Facebook Page's feed) and finds a post it published when an attempt's answer was lost. Refusals are values.
/// </summary>
public interface IFeedPublisher
{
    /// <summary>The post destination it serves (PostDestinations), e.g. "facebook_feed".</summary>
    string Destination { get; }

    /// <summary>The channel of its accounts (channel_accounts.channel), e.g. "messenger".</summary>
    string Channel { get; }

    /// <summary>The platform insights are pulled from for what it publishes (post_platform_links.platform), e.g. "facebook".</summary>
    string Platform { get; }

    Task<PublishResult> PublishAsync(string accountId, FeedPost post, CancellationToken cancellationToken);

    /// <summary>The id of a post with this content that the account published at or after <paramref name="since"/>; null when there is none.</summary>
    Task<LookupResult> FindAsync(string accountId, FeedPost post, DateTimeOffset since, CancellationToken cancellationToken);
}

/// <summary>What is published: the text (title and body), the post's link, and its image (a photo post) if it has one.</summary>
public sealed record FeedPost(string Message, string? Link, FeedImage? Image = null)
{
    /// <summary>The text of a post on a feed: its title, a blank line, its body.</summary>
    public static FeedPost Of(string title, string body, string? link) => new($"{title.Trim()}\n\n{body.Trim()}", link);
}

/// <summary>How one publishing call ended.</summary>
public enum PublishOutcome
{
    Published = 0,

    /// <summary>May succeed later (a rate limit, the platform down): retried after <see cref="PublishResult.RetryAfter"/>.</summary>
    Retry = 1,

    /// <summary>Will not succeed until someone acts (a token without permission or expired, content refused): stopped.</summary>
    Refused = 2,

    /// <summary>No answer (a timeout, a dropped connection): the post may exist; the platform is checked before any new attempt.</summary>
    Unknown = 3,

    /// <summary>The platform is still processing or moderating what was sent (Zalo's -214): asked again later.</summary>
    Processing = 4,

    /// <summary>The platform's moderation refused the content: <see cref="PublishResult.Reason"/> says why.</summary>
    Rejected = 5,
}

/// <summary>A publishing call's result; <see cref="Reason"/> is what staff read on the post's page (Vietnamese).</summary>
public sealed record PublishResult(PublishOutcome Outcome, string? ExternalId = null, string? ErrorCode = null, string? Reason = null, TimeSpan? RetryAfter = null)
{
    public static PublishResult Published(string externalId) => new(PublishOutcome.Published, externalId);
}

/// <summary>What a look-up on the platform found: the post's id, nothing (<see cref="Known"/> true), or no answer.</summary>
public sealed record LookupResult(bool Known, string? ExternalId, string? Reason = null)
{
    public static LookupResult Found(string externalId) => new(true, externalId);

    public static LookupResult NotFound { get; } = new(true, null);

    public static LookupResult Unknown(string reason) => new(false, null, reason);
}

/// <summary>An image to publish with a post: its checked bytes and their type.</summary>
public sealed record FeedImage(byte[] Bytes, string ContentType);
