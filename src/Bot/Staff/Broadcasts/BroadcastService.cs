using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Posts;
using Outreach.Content.Broadcasts;
using Outreach.Content.Posts;
using Outreach.Content.Staff;
using Outreach.Scheduler.Broadcasting;

namespace Outreach.Bot.Staff.Broadcasts;

/// <summary>
/// A post's sendings for a staff member: where one stands (deliveries by status and reason), and pausing, resuming or
/// cancelling it mid-flight (writers and approvers). A sending is hers to see when its post is.
/// </summary>
public sealed class BroadcastService(BroadcastStore broadcasts, DeliveryStore deliveries, PostService posts, BroadcastControl control)
{
    /// <summary>The sending, its post and its deliveries counted by status and skip reason.</summary>
    public async Task<StaffResult<BroadcastStanding>> FindAsync(StaffSession session, long id, CancellationToken ct)
    {
        if (await broadcasts.FindAsync(id, ct) is not { } broadcast)
        {
            return StaffRefusal.NotFound();
        }

        var post = await posts.FindAsync(session, broadcast.PostId, ct);
        return post.IsOk ? new BroadcastStanding(broadcast, post.Value.Post, await deliveries.CountAsync(id, ct)) : post.Refusal;
    }

    /// <summary>Why she may not pause, resume or cancel a sending, or null when she may.</summary>
    public static string? ControlRefusal(StaffSession session) =>
        StaffRoles.CanWrite((session ?? throw new ArgumentNullException(nameof(session))).User.Role) || StaffRoles.CanApprove(session.User.Role)
            ? null
            : "Bạn không có quyền điều khiển việc gửi.";

    public Task<StaffResult<Broadcast>> PauseAsync(StaffSession session, long id, CancellationToken ct) => ControlAsync(session, id, control.PauseAsync, ct);

    public Task<StaffResult<Broadcast>> ResumeAsync(StaffSession session, long id, CancellationToken ct) => ControlAsync(session, id, control.ResumeAsync, ct);

    public Task<StaffResult<Broadcast>> CancelAsync(StaffSession session, long id, CancellationToken ct) => ControlAsync(session, id, control.CancelAsync, ct);

    private async Task<StaffResult<Broadcast>> ControlAsync(
        StaffSession session, long id, Func<long, CancellationToken, Task<bool>> action, CancellationToken ct)
    {
        var found = await FindAsync(session, id, ct);
        if (!found.IsOk)
        {
            return found.Refusal;
        }

        if (ControlRefusal(session) is { } refusal)
        {
            return StaffRefusal.Forbidden(refusal);
        }

        return await action(id, ct) && await broadcasts.FindAsync(id, ct) is { } changed
            ? changed
            : StaffRefusal.Conflict("Không thực hiện được", "Đợt gửi không ở trạng thái cho phép thao tác này. Hãy tải lại trang.");
    }
}

/// <summary>A sending, its post, and its deliveries by status and skip reason.</summary>
public sealed record BroadcastStanding(Broadcast Broadcast, Post Post, IReadOnlyList<DeliveryCount> Counts);
