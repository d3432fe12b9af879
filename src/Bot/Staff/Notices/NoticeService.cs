using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Posts;
using Outreach.Content.Notices;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Notices;

/// <summary>
/// What a staff member is to be told (issue 18.3), for the console's menu count, its live banner and its "Thông báo" page, and
/// for the JSON API: her scope's open crisis alerts and members waiting for a person, the posts waiting for her approval (those
/// <see cref="PostService.AwaitingApprovalAsync"/> lets her approve), and her own posts returned to her with the reason.
/// </summary>
public sealed class NoticeService(NoticeStore notices, PostService posts, StaffUserStore staff)
{
    public async Task<StaffNotices> CurrentAsync(StaffSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var counts = await notices.CountsAsync(session.Unit.Id, ct);
        var awaiting = StaffRoles.CanApprove(session.User.Role) ? (await posts.AwaitingApprovalAsync(session, ct)).Mine : [];
        var returned = StaffRoles.CanWrite(session.User.Role) ? await notices.ReturnedAsync(session.User.Id, ct) : [];
        var names = new Dictionary<long, string>();
        foreach (var actor in returned.Select(r => r.ActorId).OfType<long>().Distinct())
        {
            names[actor] = (await staff.FindAsync(actor, ct))?.DisplayName ?? "?";
        }

        return new StaffNotices(
            counts,
            awaiting.Select(p => new WaitingPost(p.Post.Id, p.Post.Title, p.Unit.Name, p.Post.UpdatedAt)).ToList(),
            returned.Select(r => new ReturnedNotice(r.PostId, r.Title, r.Note, r.At, r.ActorId is { } id ? names[id] : null)).ToList());
    }
}

/// <summary>Everything a staff member is told now.</summary>
public sealed record StaffNotices(ScopeCounts Scope, IReadOnlyList<WaitingPost> Awaiting, IReadOnlyList<ReturnedNotice> Returned)
{
    /// <summary>The menu's count: alerts, waiting members, posts to approve, posts returned.</summary>
    public int Total => Scope.OpenAlerts + Scope.WaitingHandoffs + Awaiting.Count + Returned.Count;
}

/// <summary>A post waiting for her approval.</summary>
public sealed record WaitingPost(long PostId, string Title, string UnitName, DateTimeOffset Since);

/// <summary>Her post returned to her: when, by whom, why.</summary>
public sealed record ReturnedNotice(long PostId, string Title, string? Note, DateTimeOffset At, string? By);
