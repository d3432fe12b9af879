using Outreach.Content.Broadcasts;

namespace Outreach.Content.Posts;

/// <summary>A post staff wrote, with its audience, status and schedule (times are UTC; schedules are read in Asia/Ho_Chi_Minh).</summary>
public sealed record Post
{
    public long Id { get; init; }

    public long OrgUnitId { get; init; }

    public required string Title { get; init; }

    public required string Body { get; init; }

    public string? LinkUrl { get; init; }

    public required string Topic { get; init; }

    /// <summary>Promotional posts respect the quiet hours; an urgent notice (e.g. a storm warning) may not.</summary>
    public bool IsPromotional { get; init; } = true;

    /// <summary>Who receives it (its channels and units; members are always opted in to <see cref="Topic"/>).</summary>
    public required Audience Audience { get; init; }

    /// <summary>Where it goes (<see cref="PostDestinations"/>): the message broadcast, the unit's Facebook Page feed, or both.</summary>
    public string[] Destinations { get; init; } = [PostDestinations.Messages];

    /// <summary>The post's image (post_images), if it has one: a photo post on the Page feed.</summary>
    public long? ImageId { get; init; }

    /// <summary>True when the post goes out as messages to its audience (the broadcast).</summary>
    public bool SendsMessages => Destinations.Contains(PostDestinations.Messages);

    public string Status { get; init; } = PostStatuses.Draft;

    public string? ScheduleKind { get; init; }

    public DateTimeOffset? SendAt { get; init; }

    public string? Cron { get; init; }

    public long CreatedBy { get; init; }

    /// <summary>Everyone who wrote or edited a version of it (the author first): none of them may approve it.</summary>
    public IReadOnlyList<long> EditedBy { get; init; } = [];

    public long? ApprovedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>Post statuses.</summary>
public static class PostStatuses
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string Approved = "approved";
    public const string Scheduled = "scheduled";
    public const string Sending = "sending";
    public const string Sent = "sent";

    /// <summary>Sent once, and some members reached while other sends failed.</summary>
    public const string Partial = "partial";

    public const string Cancelled = "cancelled";

    /// <summary>Sent once, and nobody reached because the sends failed.</summary>
    public const string Failed = "failed";

    public static bool IsFinal(string status) => status is Sent or Partial or Cancelled or Failed;
}

/// <summary>One audited change of status.</summary>
public sealed record PostTransition(long Id, long PostId, string? FromStatus, string ToStatus, long? ActorId, string? Note, DateTimeOffset At);

/// <summary>Where a post can go (posts.destinations); one approval and one schedule for all of them.</summary>
public static class PostDestinations
{
    /// <summary>Messages to the members of its audience, within the platforms' windows (the broadcast).</summary>
    public const string Messages = "messages";

    /// <summary>A post on the feed of each Facebook Page of the post's unit (Graph <c>POST /{page-id}/feed</c>).</summary>
    public const string FacebookFeed = "facebook_feed";

    /// <summary>A Zalo OA article (cover from the post's image, author the unit) broadcast to the followers of each OA of the post's unit.</summary>
    public const string ZaloArticle = "zalo_article";

    public static IReadOnlyList<string> All { get; } = [Messages, FacebookFeed, ZaloArticle];

    public static bool IsKnown(string? destination) => destination is Messages or FacebookFeed or ZaloArticle;

    /// <summary>What staff read for a destination.</summary>
    public static string DisplayName(string destination) => destination switch
    {
        Messages => "Tin nhắn cho hội viên",
        FacebookFeed => "Bảng tin Trang Facebook của đơn vị",
        ZaloArticle => "Bài viết Zalo OA gửi người theo dõi",
        _ => destination,
    };
}
