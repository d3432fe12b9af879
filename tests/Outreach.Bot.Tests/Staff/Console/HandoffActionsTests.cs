using System.Net;

namespace Outreach.Bot.Tests.Staff.Console;

/// <summary>What each role may do on a conversation, and the Vietnamese a refused reply gets.</summary>
public sealed class HandoffActionsTests(ConsoleWorldFixture fixture) : IClassFixture<ConsoleWorldFixture>
{
    private readonly ConsoleWorld _world = fixture.World;

    [Fact]
    public async Task Viewer_ReadsQueueAndConversationWithoutButtons_EveryPostForbiddenAndNothingChanges()
    {
        var member = await _world.OpenHandoffAsync("nguoi-xem-1", _world.CommuneA.Id, crisis: true);
        using var viewer = await _world.SignInAsync("xem.a");

        var queue = await viewer.GetAsync("/staff/handoffs");
        var page = await viewer.GetAsync(member.Page);
        var answers = new[]
        {
            (await viewer.PostFormAsync(member.Action("take"))).Status,
            (await viewer.PostFormAsync(member.Action("reply"), ("Text", "Chào chị"))).Status,
            (await viewer.PostFormAsync(member.Action("release"))).Status,
            (await viewer.PostFormAsync(member.AlertDone)).Status,
        };

        Assert.Contains(member.Row, queue.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(member.AlertDone, queue.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain("<form method=\"post\" action=\"/staff/handoffs/", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhận hỗ trợ", page.Text, StringComparison.Ordinal);
        Assert.All(answers, status => Assert.Equal(HttpStatusCode.Forbidden, status));
        Assert.Equal("requested", await _world.StatusAsync(member.HandoffId));
        Assert.Equal(1, await _world.ScalarAsync<int>("SELECT count(*) FROM crisis_alerts WHERE id = @id AND acknowledged_at IS NULL",
            new { id = member.AlertId }));
    }

    [Fact]
    public async Task Reply_EmptyTooLongOrNotTaken_ClearVietnameseErrorAndTheTextIsKept()
    {
        var member = await _world.OpenHandoffAsync("loi-tra-loi-1", _world.CommuneA.Id);
        using var editor = await _world.SignInAsync("bientap.a");
        using var approver = await _world.SignInAsync("duyet.a");
        var tooLong = new string('a', 2001);

        var notTaken = await editor.PostFormAsync(member.Action("reply"), ("Text", "Chị ơi, em là cán bộ Hội"));
        await editor.PostFormAsync(member.Action("take"));
        var empty = await editor.PostFormAsync(member.Action("reply"), ("Text", "   "));
        var overLimit = await editor.PostFormAsync(member.Action("reply"), ("Text", tooLong));
        var heldByOther = await approver.PostFormAsync(member.Action("reply"), ("Text", "Em là người duyệt"));
        var takeHeld = await approver.PostFormAsync(member.Action("take"));

        Assert.Equal(HttpStatusCode.Conflict, notTaken.Status);
        Assert.Contains("Bạn chưa nhận hỗ trợ cuộc trò chuyện này", notTaken.Text, StringComparison.Ordinal);
        Assert.Contains(">Chị ơi, em là cán bộ Hội</textarea>", notTaken.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains("không được để trống và không dài quá 2.000 ký tự", empty.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, overLimit.Status);
        Assert.Contains(tooLong + "</textarea>", overLimit.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, heldByOther.Status);
        Assert.Equal(HttpStatusCode.Conflict, takeHeld.Status);
        Assert.Equal(0, await _world.ScalarAsync<int>(
            "SELECT count(*) FROM outbound_messages WHERE recipient_id = 'loi-tra-loi-1' AND purpose = 'human_agent_reply'"));
    }

    [Fact]
    public async Task Reply_MemberLastWroteEightDaysAgo_OutsideWindowErrorAndNothingSent()
    {
        var member = await _world.OpenHandoffAsync("loi-tra-loi-2", _world.CommuneA.Id, lastWrote: TimeSpan.FromDays(8));
        using var editor = await _world.SignInAsync("bientap.a");
        await editor.PostFormAsync(member.Action("take"));

        var page = await editor.GetAsync(member.Page);
        var reply = await editor.PostFormAsync(member.Action("reply"), ("Text", "Chị còn cần giúp không ạ?"));

        Assert.Contains("đã quá 7 ngày", page.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, reply.Status);
        Assert.Contains("nhắn lần cuối đã hơn 7 ngày", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, await _world.ScalarAsync<int>(
            "SELECT count(*) FROM outbound_messages WHERE recipient_id = 'loi-tra-loi-2' AND purpose = 'human_agent_reply'"));
    }

    [Fact]
    public async Task EditorAcknowledgesCrisisAlert_LeavesTheListAndRecordsWho()
    {
        var member = await _world.OpenHandoffAsync("canh-bao-1", _world.CommuneA.Id, crisis: true);
        using var editor = await _world.SignInAsync("bientap.a");

        var before = await editor.GetAsync("/staff/handoffs");
        var done = await editor.PostFormAsync(member.AlertDone);
        var after = await editor.GetAsync("/staff/handoffs?notice=alert-done");

        Assert.Contains(member.AlertDone, before.Html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{member.Page}\"", before.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.DoesNotContain(member.AlertDone, after.Html, StringComparison.Ordinal);
        Assert.Contains("Đã đánh dấu cảnh báo là đã xử lý.", after.Text, StringComparison.Ordinal);
        Assert.NotNull(await _world.ScalarAsync<string>("SELECT acknowledged_by FROM crisis_alerts WHERE id = @id", new { id = member.AlertId }));
    }
}
