namespace Outreach.Scheduler.Publishing;

/// <summary>
/// The article-broadcast port (implemented by the Zalo channel): an article is created (answered with a token), checked until
/// the platform has processed and moderated it (answered with its id, or a refusal with a reason), then broadcast to the
/// account's followers. Each step is a separate call so <see cref="PublishPostJob"/> can store its result before the next:
/// a crash between them resumes from the stored token or article id. Refusals are values with a Vietnamese reason.
/// </summary>
public interface IArticlePublisher
{
    /// <summary>The post destination it serves (PostDestinations), e.g. "zalo_article".</summary>
    string Destination { get; }

    /// <summary>The channel of its accounts (channel_accounts.channel), e.g. "zalo".</summary>
    string Channel { get; }

    /// <summary>The platform insights are pulled from for the article (post_platform_links.platform), e.g. "zalo".</summary>
    string Platform { get; }

    /// <summary>Creates the article; <see cref="PublishResult.ExternalId"/> is the token to verify.</summary>
    Task<PublishResult> CreateAsync(string accountId, ArticleDraft article, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the article of <paramref name="token"/> has passed: its id (Published), still waiting (Processing), refused by
    /// moderation (Rejected, with the reason) or another failure.
    /// </summary>
    Task<PublishResult> VerifyAsync(string accountId, string token, CancellationToken cancellationToken);

    /// <summary>The id of an article with this title the account made at or after <paramref name="since"/> (a create whose answer was lost).</summary>
    Task<LookupResult> FindAsync(string accountId, ArticleDraft article, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Broadcasts the article to the followers <paramref name="target"/> matches; <see cref="PublishResult.ExternalId"/> is the broadcast's id.</summary>
    Task<PublishResult> BroadcastAsync(string accountId, string articleId, BroadcastTarget target, CancellationToken cancellationToken);
}

/// <summary>What an article holds: its title, author (the unit), a short description, the text, the cover's public URL and the post's link.</summary>
public sealed record ArticleDraft(string Title, string Author, string Description, string Body, Uri CoverUrl, string? Link);

/// <summary>A broadcast's target on the platform (Zalo's comma-separated codes); null fields are everyone.</summary>
public sealed record BroadcastTarget(string? Cities, string? Gender, string? Ages)
{
    public static BroadcastTarget Everyone { get; } = new(null, null, null);
}
