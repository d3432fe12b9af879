using System.Globalization;
using System.Net;
using Outreach.Content.Time;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Console;

/// <summary>The post lifecycle through the console's forms: the same rules as the JSON API, with the problems shown in
/// Vietnamese.</summary>
public sealed class ConsoleWorkflowTests(PostgresServer server) : IAsyncLifetime
{
    private ConsoleWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await ConsoleWorld.StartAsync(server);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private long PostA => _world.PostA.Id;

    [Fact]
    public async Task SameUnitApprover_CannotApprove_NoButtonAndTheRulesReason()
    {
        using var approverA = await _world.SignInAsync("duyet.a");

        var page = await approverA.GetAsync($"/staff/posts/{PostA}");
        var approve = await approverA.PostFormAsync($"/staff/posts/{PostA}/approve");
        var queue = await approverA.GetAsync("/staff/approvals");

        Assert.DoesNotContain("/approve\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("chủ đề <strong>Sức khỏe, khám sàng lọc</strong>", page.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, approve.Status);
        Assert.Contains("Bài viết phải được đơn vị cấp trên duyệt.", approve.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(ConsoleWorld.TitleA, queue.Text, StringComparison.Ordinal);
        Assert.Contains("1 bài khác đang chờ duyệt", queue.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovalQueue_ShowsWhoWroteThePost()
    {
        using var approver = await _world.SignInAsync("duyet.tinh");

        var queue = await approver.GetAsync("/staff/approvals");

        var row = queue.Html[queue.Html.IndexOf($"data-post-id=\"{PostA}\"", StringComparison.Ordinal)..];
        Assert.Contains("<th scope=\"col\">Người viết</th>", queue.Html, StringComparison.Ordinal);
        Assert.StartsWith("bientap.a<", row[(row.IndexOf("<td data-author>", StringComparison.Ordinal) + "<td data-author>".Length)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostEditor_NoZaloOAConfigured_OffersMessengerOnly()
    {
        using var editor = await _world.SignInAsync("bientap.a");

        var form = await editor.GetAsync("/staff/posts/new");

        Assert.Contains("name=\"Channels\" value=\"messenger\"", form.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Channels\" value=\"zalo\"", form.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reject_WithoutNote_AsksForIt_WithNote_BackToDraftWithTheNoteInHistory()
    {
        using var approver = await _world.SignInAsync("duyet.tinh");

        var bare = await approver.PostFormAsync($"/staff/posts/{PostA}/reject", ("Note", "  "));
        var rejected = await approver.PostFormAsync($"/staff/posts/{PostA}/reject", ("Note", "Cần ghi rõ địa điểm khám"));
        var page = await approver.GetAsync(rejected.Location!);

        Assert.Equal(HttpStatusCode.BadRequest, bare.Status);
        Assert.Contains("Cần ghi lý do trả lại bài.", bare.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, rejected.Status);
        Assert.Contains("Đã trả lại bài cho người viết.", page.Text, StringComparison.Ordinal);
        Assert.Contains("Cần ghi rõ địa điểm khám", page.Text, StringComparison.Ordinal);
        Assert.Equal("draft", await _world.ScalarAsync<string>("SELECT status FROM posts WHERE id = @PostA", new { PostA }));
    }

    [Fact]
    public async Task Schedule_LocalTimeInVietnam_StoredAsThatInstantAndShownOnThatDayOfTheCalendar()
    {
        using var approver = await _world.SignInAsync("duyet.tinh");
        await approver.PostFormAsync($"/staff/posts/{PostA}/approve");

        // 00:30 in Vietnam on a day ten days ahead is 17:30 UTC the day before: the calendar must use Vietnam's date.
        var day = DateOnly.FromDateTime(VietnamTime.ToLocal(TimeProvider.System.GetUtcNow()).DateTime).AddDays(10);
        var local = day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var scheduled = await approver.PostFormAsync($"/staff/posts/{PostA}/schedule", ("Kind", "once"), ("SendDate", local), ("SendTime", "00:30"),
            ("Confirmed", "yes"));
        var calendar = await approver.GetAsync($"/staff/calendar?month={day:yyyy-MM}");

        Assert.Equal(HttpStatusCode.Redirect, scheduled.Status);
        var stored = await _world.ScalarAsync<DateTime>("SELECT send_at FROM posts WHERE id = @PostA", new { PostA });
        Assert.Equal(VietnamTime.FromLocal(day, new TimeOnly(0, 30)).UtcDateTime, stored);
        var cell = calendar.Text[calendar.Text.IndexOf($"data-date=\"{day:yyyy-MM-dd}\"", StringComparison.Ordinal)..];
        Assert.Contains(ConsoleWorld.TitleA, cell[..cell.IndexOf("</td>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("00:30", cell[..cell.IndexOf("</td>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("once", "", "sendAt", "Ngày gửi viết dạng ngày/tháng/năm")]
    [InlineData("once", "01/01/2020", "sendAt", "Thời điểm gửi phải ở tương lai")]
    [InlineData("cron", "* * * * *", "cron", "Lịch lặp quá dày")]
    [InlineData("cron", "không phải cron", "cron", "Lịch lặp không hợp lệ")]
    public async Task Schedule_BadTimeOrCron_ShowsTheProblemAndStaysApproved(string kind, string value, string field, string message)
    {
        using var approver = await _world.SignInAsync("duyet.tinh");
        await approver.PostFormAsync($"/staff/posts/{PostA}/approve");

        var answer = await approver.PostFormAsync($"/staff/posts/{PostA}/schedule", ("Kind", kind), (field == "cron" ? "CronText" : "SendDate",
            value), ("SendTime", "08:00"), ("Confirmed", "yes"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(message, answer.Text, StringComparison.Ordinal);
        Assert.Equal("approved", await _world.ScalarAsync<string>("SELECT status FROM posts WHERE id = @PostA", new { PostA }));
    }

    [Fact]
    public async Task NewPost_PreviewOfALongText_ShowsTwoMessengerMessagesAndSavesNothing()
    {
        using var editor = await _world.SignInAsync("bientap.a");
        var body = string.Join(" ", Enumerable.Repeat("Hội viên được khám miễn phí.", 70)).Trim()[..1990];

        var preview = await editor.PostFormAsync("/staff/posts/new", ("Title", "Thông báo dài"), ("Body", body), ("Topic", "health"),
            ("Channels", "messenger"), ("Channels", "zalo"), ("AudienceUnitIds", Id(_world.CommuneA.Id)), ("Intent", "preview"));

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        var messenger = Section(preview.Html, "data-preview=\"messenger\"");
        Assert.Equal(2, Count(messenger, "class=\"bubble\""));
        Assert.Contains("hội viên nhận thành 2 tin", WebUtility.HtmlDecode(messenger), StringComparison.Ordinal);
        Assert.Contains("data-preview=\"zalo\"", preview.Html, StringComparison.Ordinal);
        Assert.Contains("value=\"Thông báo dài\"", preview.Text, StringComparison.Ordinal);
        Assert.Equal(0, await _world.ScalarAsync<int>("SELECT count(*) FROM posts WHERE title = 'Thông báo dài'"));
    }

    [Fact]
    public async Task NewPost_Invalid_ShowsEachProblemUnderItsFieldAndKeepsWhatWasTyped()
    {
        using var editor = await _world.SignInAsync("bientap.a");

        var answer = await editor.PostFormAsync("/staff/posts/new",
            ("Title", "Giữ lại tiêu đề"), ("Body", ""), ("LinkUrl", "ftp://x"), ("Topic", ""), ("Intent", "save"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        foreach (var field in new[] { "body", "linkUrl", "topic", "channels", "audienceUnitIds" })
        {
            Assert.Contains($"id=\"{field}-loi\"", answer.Html, StringComparison.Ordinal);
        }

        Assert.Contains("value=\"Giữ lại tiêu đề\"", answer.Text, StringComparison.Ordinal);
        Assert.Equal(1, await _world.ScalarAsync<int>("SELECT count(*) FROM posts"));
    }

    [Fact]
    public async Task Draft_EditedThenSubmitted_ByItsEditor()
    {
        using var editor = await _world.SignInAsync("bientap.a");
        var created = await editor.PostFormAsync("/staff/posts/new", ("Title", "Bản nháp"), ("Body", "Nội dung"), ("Topic", "loan"),
            ("Channels", "zalo"), ("AudienceUnitIds", Id(_world.CommuneA.Id)), ("IsPromotional", "true"), ("Intent", "save"));
        var id = created.Location!.Split('?')[0].Split('/')[^1];

        var edited = await editor.PostFormAsync($"/staff/posts/{id}/edit", ("Title", "Bản nháp đã sửa"), ("Body", "Nội dung mới"),
            ("Topic", "loan"),
            ("Channels", "zalo"), ("AudienceUnitIds", Id(_world.CommuneA.Id)), ("Intent", "save"));
        var submitted = await editor.PostFormAsync($"/staff/posts/{id}/submit");
        var editAfter = await editor.GetAsync($"/staff/posts/{id}/edit");

        Assert.Equal(HttpStatusCode.Redirect, edited.Status);
        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        Assert.Equal(HttpStatusCode.Forbidden, editAfter.Status);
        Assert.Equal("Bản nháp đã sửa", await _world.ScalarAsync<string>($"SELECT title FROM posts WHERE id = {id}"));
        Assert.False(await _world.ScalarAsync<bool>($"SELECT is_promotional FROM posts WHERE id = {id}"));
        Assert.Equal("submitted", await _world.ScalarAsync<string>($"SELECT status FROM posts WHERE id = {id}"));
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Section(string html, string marker)
    {
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        var end = html.IndexOf("class=\"phone", start + marker.Length, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }

    private static int Count(string text, string what) =>
        (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
}
