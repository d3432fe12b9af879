using Outreach.Content.OrgUnits;
using Outreach.Content.Staff;

namespace Outreach.Content.Posts;

/// <summary>
/// Who may move a post from one status to another. Pure rules over the actor, the post and their org units; the store
/// applies a transition only when these allow it, and records it.
/// </summary>
public static class PostWorkflow
{
    /// <summary>Why <paramref name="actor"/> may not make the transition, or null when she may.</summary>
    /// <param name="actorUnit">The actor's org unit.</param>
    /// <param name="postUnit">The post's org unit.</param>
    public static string? Refusal(StaffUser actor, OrgUnit actorUnit, Post post, OrgUnit postUnit, string to)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(actorUnit);
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(postUnit);
        if (!actor.IsActive)
        {
            return "Tài khoản đã bị khóa.";
        }

        if (!IsWithin(postUnit, actorUnit))
        {
            return "Bài viết thuộc đơn vị ngoài phạm vi của bạn.";
        }

        return (post.Status, to) switch
        {
            (PostStatuses.Draft, PostStatuses.Submitted) =>
                StaffRoles.CanWrite(actor.Role) ? null : "Chỉ biên tập viên hoặc quản trị mới gửi duyệt được.",
            (PostStatuses.Submitted, PostStatuses.Approved or PostStatuses.Draft) => ApprovalRefusal(actor, actorUnit, post, postUnit),
            (PostStatuses.Approved or PostStatuses.Scheduled, PostStatuses.Scheduled) =>
                StaffRoles.CanWrite(actor.Role) || StaffRoles.CanApprove(actor.Role) ? null : "Bạn không có quyền lên lịch gửi.",
            (_, PostStatuses.Cancelled) when !PostStatuses.IsFinal(post.Status) =>
                StaffRoles.CanWrite(actor.Role) || StaffRoles.CanApprove(actor.Role) ? null : "Bạn không có quyền hủy bài viết.",
            _ => $"Không thể chuyển bài viết từ trạng thái '{post.Status}' sang '{to}'.",
        };
    }

    /// <summary>True when <paramref name="unit"/> is <paramref name="scope"/> or lies below it.</summary>
    public static bool IsWithin(OrgUnit unit, OrgUnit scope) =>
        unit.Path.StartsWith(scope.Path, StringComparison.Ordinal);

    // Approval comes from a higher unit than the post's (a province-level post, with no higher unit, from its own province),
    // and never from the post's author or anyone who edited a version of it (four eyes).
    private static string? ApprovalRefusal(StaffUser actor, OrgUnit actorUnit, Post post, OrgUnit postUnit)
    {
        if (!StaffRoles.CanApprove(actor.Role))
        {
            return "Chỉ người duyệt hoặc quản trị mới duyệt được.";
        }

        if (actor.Id == post.CreatedBy)
        {
            return "Người viết không tự duyệt bài của mình.";
        }

        if (post.EditedBy.Contains(actor.Id))
        {
            return "Người đã sửa bài không tự duyệt bài đó.";
        }

        var isHigher = actorUnit.Id != postUnit.Id && IsWithin(postUnit, actorUnit);
        var isRootOwnUnit = postUnit.ParentId is null && actorUnit.Id == postUnit.Id;
        return isHigher || isRootOwnUnit ? null : "Bài viết phải được đơn vị cấp trên duyệt.";
    }
}
