using System.Globalization;
using System.Net;
using System.Text.Json;
using Outreach.Bot.Tests.Staff.Console;
using Outreach.Content.Unanswered;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Unanswered;

/// <summary>
/// "Câu hỏi chưa trả lời được" through the JSON API and the console, over one service: groups by folded wording with counts,
/// newest first, scoped to the staff's subtree; crisis messages only counted; the actions and who may take them; erased
/// members' text gone; markup shown as text; the weekly answer rate on the stats API and the reach page.
/// </summary>
public sealed class UnansweredQueueTests(PostgresServer server)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Api_GroupsNewestFirst_ScopedCrisisCounted_ActionsByRole_ErasedTextGone()
    {
        await using var world = await UnansweredWorld.StartAsync(server, withDrafts: false);
        var lan = await world.MemberAsync("psid-lan", world.Commune.Id, "Nguyễn Thị Lan");
        var hoa = await world.MemberAsync("psid-hoa", world.Province.Id);
        var mai = await world.MemberAsync("psid-mai", world.Other.Id);
        var loanLan = await world.AskAsync(lan, "Chị ơi, vay vốn ở đâu ạ?", QuestionOutcomes.Fallback, MissReasons.Fallback, Now.AddMinutes(-50));
        var gold = await world.AskAsync(lan, "<b>giá vàng</b> hôm nay", QuestionOutcomes.Answer, MissReasons.LowConfidence, Now.AddMinutes(-40));
        var loanHoa = await world.AskAsync(hoa, "vay von o dau", QuestionOutcomes.Fallback, MissReasons.Fallback, Now.AddMinutes(-30));
        await world.AskAsync(hoa, "vay vốn hộ nghèo lãi suất bao nhiêu", QuestionOutcomes.Answer, null, Now.AddMinutes(-20));
        await world.AskAsync(hoa, "bị đánh, cứu em", QuestionOutcomes.Crisis, null, Now.AddMinutes(-10));
        var loanMai = await world.AskAsync(mai, "vay vốn ở đâu", QuestionOutcomes.Fallback, MissReasons.Fallback, Now.AddMinutes(-5));
        using var admin = await world.ApiAsync("quantri.tinh");
        using var commune = await world.ApiAsync("bientap.xa");
        using var viewer = await world.ApiAsync("xem.tinh");
        using var editor = await world.ApiAsync("bientap.tinh");
        using var other = await world.ApiAsync("quantri.khac");

        var (_, queue) = await admin.GetAsync("/staff/api/unanswered", Ct);
        var (_, communeQueue) = await commune.GetAsync("/staff/api/unanswered", Ct);
        var (_, otherQueue) = await other.GetAsync("/staff/api/unanswered", Ct);
        var (otherGroup, _) = await other.GetAsync($"/staff/api/unanswered/{loanHoa}", Ct);
        var (otherMarks, _) = await other.PostAsync($"/staff/api/unanswered/{loanHoa}/out-of-scope", null, Ct);
        var (viewerMarks, _) = await viewer.PostAsync($"/staff/api/unanswered/{loanHoa}/out-of-scope", null, Ct);
        var (handed, handoff) = await editor.PostAsync($"/staff/api/unanswered/{loanLan}/handoff", null, Ct);
        var (marked, markedBody) = await editor.PostAsync($"/staff/api/unanswered/{gold}/out-of-scope", null, Ct);
        var (again, _) = await editor.PostAsync($"/staff/api/unanswered/{gold}/out-of-scope", null, Ct);
        var (_, afterActions) = await admin.GetAsync("/staff/api/unanswered", Ct);
        var (attachedReal, _) = await editor.PostAsync($"/staff/api/unanswered/{loanHoa}/variant", new { entryKey = "loan-how-to-borrow" }, Ct);
        var (erased, _) = await admin.PostAsync($"/staff/api/members/{hoa}/erase", null, Ct);
        var (_, afterErase) = await admin.GetAsync("/staff/api/unanswered", Ct);

        Assert.Equal(
            [("vay von o dau", 2, 2, loanHoa), ("<b>giá vàng</b> hôm nay", 1, 1, gold)],
            Groups(queue));
        Assert.Equal(1, queue.GetProperty("crisis").GetProperty("count").GetInt32());
        Assert.DoesNotContain("đánh", queue.GetRawText(), StringComparison.Ordinal);
        Assert.Equal([("<b>giá vàng</b> hôm nay", 1, 1, gold), ("Chị ơi, vay vốn ở đâu ạ?", 1, 1, loanLan)], Groups(communeQueue));
        Assert.Equal([("vay vốn ở đâu", 1, 1, loanMai)], Groups(otherQueue));
        Assert.Equal(0, otherQueue.GetProperty("crisis").GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, otherGroup);
        Assert.Equal(HttpStatusCode.NotFound, otherMarks);
        Assert.Equal(HttpStatusCode.Forbidden, viewerMarks);
        // Without a stand-in the queue writes a real knowledge draft: the entry as the editor's unit gets it, plus her question.
        Assert.Equal(HttpStatusCode.OK, attachedReal);
        Assert.Contains("vay von o dau", await world.ScalarAsync<string>(
            "SELECT v.content::text FROM kb_items i JOIN kb_item_versions v ON v.item_id = i.id WHERE i.item_key = 'loan-how-to-borrow' AND v.status = 'draft'",
            new { }), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, handed);
        Assert.Equal("unanswered", await world.ScalarAsync<string>(
            "SELECT reason FROM handoffs WHERE id = @id AND contact_id = @lan AND status = 'requested'",
            new { id = handoff.GetProperty("handoffId").GetInt64(), lan }));
        Assert.Equal((HttpStatusCode.OK, 1), (marked, markedBody.GetProperty("marked").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, again);
        Assert.Equal([("vay von o dau", 1, 1, loanHoa)], Groups(afterActions));
        Assert.Equal(HttpStatusCode.NoContent, erased);
        Assert.Empty(Groups(afterErase));
        Assert.Equal(0, await world.ScalarAsync<int>("SELECT count(*)::int FROM member_questions WHERE contact_id = @hoa AND text IS NOT NULL", new { hoa }));
    }

    [Fact]
    public async Task KnowledgeActions_PassTheWordingAndStaff_MarkTheGroup_ConsoleShowsMarkupAsText_AnswerRateOnStatsAndReach()
    {
        await using var world = await UnansweredWorld.StartAsync(server, withDrafts: true);
        var lan = await world.MemberAsync("psid-lan", world.Commune.Id);
        var hoa = await world.MemberAsync("psid-hoa", world.Province.Id);
        var script = await world.AskAsync(lan, "<script>alert(1)</script> khám sàng lọc ở đâu", QuestionOutcomes.Fallback, MissReasons.Fallback, Now.AddMinutes(-4));
        var loan = await world.AskAsync(lan, "vay vốn làm nhà vệ sinh", QuestionOutcomes.Suggestions, MissReasons.Suggestions, Now.AddMinutes(-3));
        await world.AskAsync(hoa, "Vay vốn làm nhà vệ sinh!", QuestionOutcomes.Fallback, MissReasons.Fallback, Now.AddMinutes(-2));
        await world.AskAsync(hoa, "số đường dây nóng", QuestionOutcomes.Answer, null, Now.AddMinutes(-1));
        using var editor = await world.ApiAsync("bientap.tinh");
        using var console = await ConsoleClient.SignInAsync(world.Host.BaseAddress, "bientap.tinh");

        var list = await console.GetAsync("/staff/unanswered");
        var group = await console.GetAsync($"/staff/unanswered/{loan}");
        var unknownEntry = await console.PostFormAsync($"/staff/unanswered/{loan}/variant", ("EntryKey", "khong-co"), ("Text", "vay vốn làm nhà vệ sinh"));
        var attached = await console.PostFormAsync($"/staff/unanswered/{loan}/variant", ("EntryKey", "loan-clean-water"), ("Text", ""));
        var (created, createdBody) = await editor.PostAsync($"/staff/api/unanswered/{script}/entry", new { text = "Khám sàng lọc ở đâu?" }, Ct);
        var (_, rate) = await editor.GetAsync("/staff/api/stats/answers", Ct);
        var reach = await console.GetAsync("/staff/reach");

        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; khám sàng lọc ở đâu", list.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", list.Html, StringComparison.Ordinal);
        Assert.Contains("Câu hỏi chưa trả lời được", list.Text, StringComparison.Ordinal);
        Assert.Contains("data-count=\"2\"", list.Html, StringComparison.Ordinal);
        Assert.Contains("Thêm làm cách hỏi của mục", group.Text, StringComparison.Ordinal);
        Assert.Contains("Gợi ý nhưng hội viên không chọn", group.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownEntry.Status);
        Assert.Contains("Không có mục nội dung", unknownEntry.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, attached.Status);
        Assert.Equal((HttpStatusCode.OK, "cau-hoi-moi-1"), (created, createdBody.GetProperty("entryKey").GetString()));
        Assert.Equal(
            [("variant", "loan-clean-water", "Vay vốn làm nhà vệ sinh!", "bientap.tinh"), ("entry", null, "Khám sàng lọc ở đâu?", "bientap.tinh")],
            world.Drafts!.Calls);
        Assert.Equal(2, await world.ScalarAsync<int>(
            "SELECT count(*)::int FROM member_questions WHERE status = 'variant' AND handled_entry = 'loan-clean-water'"));
        Assert.Equal("entry", await world.ScalarAsync<string>("SELECT status FROM member_questions WHERE id = @script", new { script }));
        var weeks = rate.GetProperty("weeks").EnumerateArray().ToList();
        Assert.Equal(UnansweredServiceWeeks, weeks.Count);
        Assert.Equal(4, weeks.Sum(w => w.GetProperty("asked").GetInt32()));
        Assert.Equal(1, weeks.Sum(w => w.GetProperty("answered").GetInt32()));
        var monday = Monday(DateOnly.FromDateTime(Now.ToOffset(TimeSpan.FromHours(7)).DateTime));
        var thisWeek = weeks[^1];
        Assert.Equal(monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), thisWeek.GetProperty("weekStart").GetString());
        Assert.StartsWith($"Tuần {ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue))}/", thisWeek.GetProperty("label").GetString(), StringComparison.Ordinal);
        Assert.Contains("data-answer-rate", reach.Html, StringComparison.Ordinal);
        Assert.Contains("Tỷ lệ câu hỏi bot trả lời được", reach.Text, StringComparison.Ordinal);
        Assert.Contains(thisWeek.GetProperty("rate").GetString()!, reach.Text, StringComparison.Ordinal);
    }

    private const int UnansweredServiceWeeks = Outreach.Bot.Staff.Unanswered.UnansweredService.RateWeeks;

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static List<(string Text, int Count, int Members, long Id)> Groups(JsonElement queue) =>
        queue.GetProperty("groups").EnumerateArray()
            .Select(g => (g.GetProperty("text").GetString()!, g.GetProperty("count").GetInt32(), g.GetProperty("members").GetInt32(), g.GetProperty("id").GetInt64()))
            .ToList();
}
