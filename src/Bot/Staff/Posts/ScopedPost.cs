using Outreach.Content.OrgUnits;
using Outreach.Content.Posts;

namespace Outreach.Bot.Staff.Posts;

/// <summary>A post a staff member may see, with its org unit (what every rule about it needs).</summary>
public sealed record ScopedPost(Post Post, OrgUnit Unit);

/// <summary>A post with its audited transitions and its sendings, newest first.</summary>
public sealed record PostRecord(
    Post Post, OrgUnit Unit, IReadOnlyList<PostTransition> Transitions, IReadOnlyList<Content.Broadcasts.Broadcast> Broadcasts,
    IReadOnlyList<Content.Publishing.PostPublication> Publications, Content.Stats.PostReach Reach);

/// <summary>A post just scheduled, and the first instant it will really go out (the quiet hours may push a one-off time later).</summary>
public sealed record ScheduledPost(Post Post, DateTimeOffset? FirstAllowedSendAt);
