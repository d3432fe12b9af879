using Outreach.Content.OrgUnits;
using Outreach.Content.Posts;
using Outreach.Content.Staff;
using Outreach.Content.Broadcasts;

namespace Outreach.Content.Tests.Posts;

public sealed class PostWorkflowTests
{
    private static readonly OrgUnit Province = new(1, null, "tinh", null, "Tỉnh", "/1/", 0);
    private static readonly OrgUnit CommuneA = new(2, 1, "xa", null, "Xã A", "/1/2/", 1);
    private static readonly OrgUnit CommuneB = new(3, 1, "xa", null, "Xã B", "/1/3/", 1);

    [Fact]
    public void Submit_EditorOfTheUnit_IsAllowed()
    {
        Assert.Null(PostWorkflow.Refusal(Staff(10, "editor"), CommuneA, Post(PostStatuses.Draft, author: 10), CommuneA, PostStatuses.Submitted));
    }

    [Fact]
    public void Submit_Viewer_IsRefused()
    {
        var refusal = PostWorkflow.Refusal(Staff(10, "viewer"), CommuneA, Post(PostStatuses.Draft), CommuneA, PostStatuses.Submitted);

        Assert.Equal("Chỉ biên tập viên hoặc quản trị mới gửi duyệt được.", refusal);
    }

    [Fact]
    public void Approve_ApproverOfTheProvince_ApprovesCommunePost()
    {
        Assert.Null(PostWorkflow.Refusal(Staff(20, "approver"), Province, Post(PostStatuses.Submitted), CommuneA, PostStatuses.Approved));
    }

    [Fact]
    public void Approve_ApproverOfTheSameCommune_IsRefused()
    {
        var refusal = PostWorkflow.Refusal(Staff(20, "approver"), CommuneA, Post(PostStatuses.Submitted), CommuneA, PostStatuses.Approved);

        Assert.Equal("Bài viết phải được đơn vị cấp trên duyệt.", refusal);
    }

    [Fact]
    public void Approve_ProvincePostByAnotherProvinceApprover_IsAllowed()
    {
        Assert.Null(PostWorkflow.Refusal(Staff(20, "approver"), Province, Post(PostStatuses.Submitted, author: 10), Province, PostStatuses.Approved));
    }

    [Fact]
    public void Approve_OwnPost_IsRefusedEvenForAdmin()
    {
        var refusal = PostWorkflow.Refusal(Staff(10, "admin"), Province, Post(PostStatuses.Submitted, author: 10), CommuneA, PostStatuses.Approved);

        Assert.Equal("Người viết không tự duyệt bài của mình.", refusal);
    }

    [Fact]
    public void Approve_PostSheEdited_IsRefusedEvenForAnAdminOfAHigherUnit()
    {
        var edited = Post(PostStatuses.Submitted, author: 10) with { EditedBy = [10, 30] };

        var refusal = PostWorkflow.Refusal(Staff(30, "admin"), Province, edited, CommuneA, PostStatuses.Approved);

        Assert.Equal("Người đã sửa bài không tự duyệt bài đó.", refusal);
    }

    [Fact]
    public void AnyTransition_PostOfAnotherCommune_IsRefused()
    {
        var refusal = PostWorkflow.Refusal(Staff(10, "admin"), CommuneB, Post(PostStatuses.Draft), CommuneA, PostStatuses.Submitted);

        Assert.Equal("Bài viết thuộc đơn vị ngoài phạm vi của bạn.", refusal);
    }

    [Theory]
    [InlineData(PostStatuses.Draft, PostStatuses.Approved)]
    [InlineData(PostStatuses.Draft, PostStatuses.Scheduled)]
    [InlineData(PostStatuses.Sent, PostStatuses.Cancelled)]
    [InlineData(PostStatuses.Submitted, PostStatuses.Scheduled)]
    public void Transition_NotInTheLifecycle_IsRefused(string from, string to)
    {
        var refusal = PostWorkflow.Refusal(Staff(20, "admin"), Province, Post(from), CommuneA, to);

        Assert.Equal($"Không thể chuyển bài viết từ trạng thái '{from}' sang '{to}'.", refusal);
    }

    [Fact]
    public void Approve_EditorOfAHigherUnit_IsRefusedForHerRole()
    {
        var refusal = PostWorkflow.Refusal(Staff(20, "editor"), Province, Post(PostStatuses.Submitted), CommuneA, PostStatuses.Approved);

        Assert.Equal("Chỉ người duyệt hoặc quản trị mới duyệt được.", refusal);
    }

    [Fact]
    public void AnyTransition_DisabledAccount_IsRefused()
    {
        var refusal = PostWorkflow.Refusal(Staff(10, "admin") with { IsActive = false }, Province, Post(PostStatuses.Draft), CommuneA, PostStatuses.Submitted);

        Assert.Equal("Tài khoản đã bị khóa.", refusal);
    }

    private static StaffUser Staff(long id, string role) => new(id, "u" + id, "U", 0, role, IsActive: true);

    private static Post Post(string status, long author = 99) => new()
    {
        Id = 1, OrgUnitId = CommuneA.Id, Title = "t", Body = "b", Topic = "health", Audience = Audience.Of(["zalo"], [2]),
        Status = status, CreatedBy = author,
    };
}
