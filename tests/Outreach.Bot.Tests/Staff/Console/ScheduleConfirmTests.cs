using System.Globalization;
using System.Net;
using Outreach.Content.Time;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Console;

/// <summary>
/// Issue 18.4 and 18.5 through the console's forms: "Gửi tới N hội viên?" before anything is scheduled, counted at the time the post
/// would go out (a Messenger window open now is closed two days later), why nobody when nobody, the quiet-hours shift, weekly and
/// monthly schedules without cron, rescheduling, and a form that keeps what was typed after a problem.
/// </summary>
public sealed class ScheduleConfirmTests(PostgresServer server) : IAsyncLifetime
{
    private ConsoleWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await ConsoleWorld.StartAsync(server);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private long PostA => _world.PostA.Id;

    private static DateOnly Today => DateOnly.FromDateTime(VietnamTime.ToLocal(TimeProvider.System.GetUtcNow()).DateTime);

    [Fact]
    public async Task SendNow_AsksFirstWithTheCount_SchedulesOnlyWhenConfirmed()
    {
        await SeedAsync(health: 3, loanOnly: 2);
        using var approver = await ApprovedAsync();

        var asked = await approver.PostFormAsync($"/staff/posts/{PostA}/schedule", ("Kind", "now"));
        var statusWhileAsked = await Status();
        var confirmed = await approver.PostFormAsync($"/staff/posts/{PostA}/schedule", ("Kind", "now"), ("Confirmed", "yes"));

        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.Contains("<h1>Gửi tới 3 hội viên?</h1>", asked.Text, StringComparison.Ordinal);
        Assert.Contains("data-estimate=\"unreachable\">2<", asked.Html, StringComparison.Ordinal);
        Assert.Contains("Chưa đăng ký chủ đề", asked.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("data-zero-cause", asked.Html, StringComparison.Ordinal);
        Assert.Equal("approved", statusWhileAsked);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        Assert.NotEqual("approved", await Status());
    }

    [Fact]
    public async Task OnceTwoDaysAhead_CountedAtThatTime_NobodyBecauseTheWindowsCloseAndHowMembersJoin()
    {
        await SeedAsync(health: 3, loanOnly: 0);
        using var approver = await ApprovedAsync();

        var asked = await approver.PostFormAsync($"/staff/posts/{PostA}/schedule", ("Kind", "once"),
            ("SendDate", Date(Today.AddDays(2))), ("SendTime", "10:00"));

        Assert.Contains("<h1>Gửi tới 0 hội viên?</h1>", asked.Text, StringComparison.Ordinal);
        Assert.Contains("data-zero-cause=\"windows_closed\"", asked.Html, StringComparison.Ordinal);
        Assert.Contains("quá thời hạn nhắn tin", asked.Text, StringComparison.Ordinal);
        Assert.Contains($"href=\"/staff/units/{_world.CommuneA.Id}/join\"", asked.Html, StringComparison.Ordinal);
        Assert.Contains("nhắn <strong>\"đăng ký\"</strong>", asked.Text, StringComparison.Ordinal);
        Assert.Equal("approved", await Status());
    }

    [Theory]
    [InlineData(0, 0, "no_members", "Chưa có hội viên nào dùng Messenger trong các đơn vị đã chọn.")]
    [InlineData(0, 4, "none_subscribed", "Các đơn vị có 4 hội viên nhưng chưa ai đăng ký chủ đề \"Sức khỏe, khám sàng lọc\".")]
    public async Task Nobody_SaysWhy(int health, int loanOnly, string cause, string sentence)
    {
        await SeedAsync(health, loanOnly);
        using var approver = await ApprovedAsync();

        var asked = await approver.PostFormAsync($"/staff/posts/{PostA}/schedule", ("Kind", "now"));

        Assert.Contains($"data-zero-cause=\"{cause}\"", asked.Html, StringComparison.Ordinal);
        Assert.Contains(sentence, asked.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnceAtNight_ShowsTheQuietHoursShiftBeforeScheduling()
    {
        using var approver = await ApprovedAsync();
        var day = Today.AddDays(3);

        var asked = await approver.PostFormAsync($"/staff/posts/{PostA}/schedule", ("Kind", "once"), ("SendDate", Date(day)), ("SendTime", "23:00"));

        Assert.Contains("data-shift", asked.Html, StringComparison.Ordinal);
        Assert.Contains($"tin sẽ bắt đầu gửi lúc <strong>{Date(day.AddDays(1))} 07:00</strong>", Flat(asked.Text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Weekly_WithoutCron_StoredAndShownInWords_ThenRescheduledMonthlyWithoutRewriting()
    {
        using var approver = await ApprovedAsync();

        var asked = await approver.PostFormAsync($"/staff/posts/{PostA}/schedule", ("Kind", "weekly"), ("RepeatTime", "08:00"),
            ("Weekdays", "1"), ("Weekdays", "4"));
        var weekly = await approver.PostFormAsync($"/staff/posts/{PostA}/schedule", ("Kind", "weekly"), ("RepeatTime", "08:00"),
            ("Weekdays", "1"), ("Weekdays", "4"), ("Confirmed", "yes"));
        var page = await approver.GetAsync($"/staff/posts/{PostA}");
        var cronWeekly = await _world.ScalarAsync<string>("SELECT cron FROM posts WHERE id = @PostA", new { PostA });
        var monthly = await approver.PostFormAsync($"/staff/posts/{PostA}/schedule", ("Kind", "monthly"), ("RepeatTime", "19:30"),
            ("DayOfMonth", "15"), ("Confirmed", "yes"));

        Assert.Contains("Hằng tuần vào Thứ Hai, Thứ Năm lúc 08:00", asked.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, weekly.Status);
        Assert.Equal("0 8 * * 1,4", cronWeekly);
        Assert.Contains("Hằng tuần vào Thứ Hai, Thứ Năm lúc 08:00", page.Text, StringComparison.Ordinal);
        Assert.Contains("Đổi lịch", page.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, monthly.Status);
        Assert.Equal("30 19 15 * *", await _world.ScalarAsync<string>("SELECT cron FROM posts WHERE id = @PostA", new { PostA }));
        Assert.Equal("scheduled", await Status());
        Assert.Equal(ConsoleWorld.TitleA, await _world.ScalarAsync<string>("SELECT title FROM posts WHERE id = @PostA", new { PostA }));
        Assert.Equal(1, await _world.ScalarAsync<int>(
            "SELECT count(*)::int FROM post_transitions WHERE post_id = @PostA AND note = 'Đổi lịch gửi'", new { PostA }));
    }

    [Fact]
    public async Task OnceThenWeekly_TheOneOffTimeIsForgotten()
    {
        using var approver = await ApprovedAsync();
        await approver.PostFormAsync($"/staff/posts/{PostA}/schedule", ("Kind", "once"), ("SendDate", Date(Today.AddDays(5))),
            ("SendTime", "09:00"), ("Confirmed", "yes"));

        await approver.PostFormAsync($"/staff/posts/{PostA}/schedule", ("Kind", "daily"), ("RepeatTime", "07:30"), ("Confirmed", "yes"));

        Assert.Equal("recurring", await _world.ScalarAsync<string>("SELECT schedule_kind FROM posts WHERE id = @PostA", new { PostA }));
        Assert.Null(await _world.ScalarAsync<DateTime?>("SELECT send_at FROM posts WHERE id = @PostA", new { PostA }));
        Assert.Equal("30 7 * * *", await _world.ScalarAsync<string>("SELECT cron FROM posts WHERE id = @PostA", new { PostA }));
    }

    [Theory]
    [InlineData("cron", "không phải cron", "Lịch lặp không hợp lệ")]
    [InlineData("weekly", "", "Chọn ít nhất một ngày trong tuần.")]
    [InlineData("once", "31/02/2027", "Ngày gửi viết dạng ngày/tháng/năm")]
    public async Task AProblem_KeepsEverythingTyped(string kind, string value, string message)
    {
        using var approver = await ApprovedAsync();

        var answer = await approver.PostFormAsync($"/staff/posts/{PostA}/schedule", ("Kind", kind),
            ("SendDate", kind == "once" ? value : "24/12/2027"), ("SendTime", "08:15"), ("RepeatTime", "18:45"),
            ("CronText", kind == "cron" ? value : "5 7 * * 2"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(message, answer.Text, StringComparison.Ordinal);
        Assert.Contains($"value=\"{kind}\" checked", answer.Html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{(kind == "once" ? value : "24/12/2027")}\"", answer.Text, StringComparison.Ordinal);
        Assert.Contains("value=\"18:45\"", answer.Text, StringComparison.Ordinal);
        Assert.Contains($"value=\"{(kind == "cron" ? value : "5 7 * * 2")}\"", answer.Text, StringComparison.Ordinal);
        Assert.Equal("approved", await Status());
    }

    [Fact]
    public async Task Api_Estimate_SameCountsAsTheConsole_AtTheScheduledTime()
    {
        await SeedAsync(health: 3, loanOnly: 2);
        using var approver = await ApprovedAsync();
        using var api = await StaffApiClient.SignInAsync(_world.Host.BaseAddress, "duyet.tinh", ct: TestContext.Current.CancellationToken);
        var later = VietnamTime.FromLocal(Today.AddDays(2), new TimeOnly(10, 0));

        var now = await api.PostAsync($"/staff/api/posts/{PostA}/estimate", new { sendAt = TimeProvider.System.GetUtcNow() }, ct: TestContext.Current.CancellationToken);
        var afterWindow = await api.PostAsync($"/staff/api/posts/{PostA}/estimate", new { sendAt = later }, ct: TestContext.Current.CancellationToken);
        var weekly = await api.PostAsync($"/staff/api/posts/{PostA}/estimate",
            new { repeat = new { every = "weekly", time = "08:00", weekdays = new[] { 1 } } }, TestContext.Current.CancellationToken);
        var invalid = await api.PostAsync($"/staff/api/posts/{PostA}/estimate", new { repeat = new { every = "weekly", time = "25:00" } }, ct: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, now.Status);
        Assert.Equal(3, now.Body.GetProperty("reachable").GetInt32());
        Assert.Equal(2, now.Body.GetProperty("reasons").GetProperty("not_subscribed").GetInt32());
        Assert.Equal(0, afterWindow.Body.GetProperty("reachable").GetInt32());
        Assert.Equal("windows_closed", afterWindow.Body.GetProperty("zeroCause").GetString());
        var monday = VietnamTime.ToLocal(weekly.Body.GetProperty("requestedAt").GetDateTimeOffset());
        Assert.Equal((DayOfWeek.Monday, 8, 0), (monday.DayOfWeek, monday.Hour, monday.Minute));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal("approved", await Status());
    }

    private async Task<ConsoleClient> ApprovedAsync()
    {
        var approver = await _world.SignInAsync("duyet.tinh");
        await approver.PostFormAsync($"/staff/posts/{PostA}/approve");
        return approver;
    }

    // Members of commune A who wrote an hour ago: some opted in to the post's topic (health), some only to loans.
    private async Task SeedAsync(int health, int loanOnly)
    {
        var seed = new Seed(_world.Database);
        var wrote = TimeProvider.System.GetUtcNow().AddHours(-1);
        if (health > 0)
        {
            await seed.ManyContactsAsync("messenger", health, _world.CommuneA.Id, "health", wrote, "h-", TestContext.Current.CancellationToken);
        }

        if (loanOnly > 0)
        {
            await seed.ManyContactsAsync("messenger", loanOnly, _world.CommuneA.Id, "loan", wrote, "l-", TestContext.Current.CancellationToken);
        }
    }

    private Task<string> Status() => _world.ScalarAsync<string>("SELECT status FROM posts WHERE id = @PostA", new { PostA });

    private static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Flat(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
