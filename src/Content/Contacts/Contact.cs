namespace Outreach.Content.Contacts;

/// <summary>A member on one channel account. <see cref="LastInboundAt"/> is her last interaction (it opens the platform's window).</summary>
public sealed record Contact(
    long Id,
    string Channel,
    string AccountId,
    string PlatformUserId,
    long? OrgUnitId,
    string? DisplayName,
    string Status,
    DateTimeOffset? LastInboundAt);

/// <summary>Contact statuses.</summary>
public static class ContactStatuses
{
    public const string Active = "active";

    /// <summary>Unfollowed the Zalo OA (or blocked the Page): no message can reach her.</summary>
    public const string Unfollowed = "unfollowed";

    public const string Blocked = "blocked";

    /// <summary>Asked for her data to be deleted.</summary>
    public const string Erased = "erased";
}
