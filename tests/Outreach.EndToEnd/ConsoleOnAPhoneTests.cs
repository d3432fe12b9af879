using Microsoft.Playwright;
using Outreach.Bot.Hosting;
using Outreach.Content.Broadcasts;
using Outreach.Content.Contacts;
using Outreach.Content.Handoffs;
using Outreach.Content.Posts;
using Outreach.Testing;

namespace Outreach.EndToEnd;

/// <summary>
/// Issue 18 ("How it is shown"): the console's main pages at a 390×844 phone viewport in chromium, each with real rows in it
/// (long titles, wide tables, a calendar entry): none scrolls sideways (the page's scroll width is no wider than the window);
/// wide tables scroll in their own labelled box instead. Screenshots in TestResults/screenshots/console-on-a-phone/.
/// </summary>
public sealed class ConsoleOnAPhoneTests(PostgresServer server) : IAsyncLifetime
{
    private const string LongTitle = "Hội nghị tập huấn chuyển đổi số cho cán bộ phụ nữ cơ sở và hội viên nông thôn năm 2026";
    private readonly Screenshots _screenshots = new("console-on-a-phone");
    private Journey _journey = null!;
    private long _postId;
    private long _broadcastId;
    private long _handoffId;
    private long _adminId;
    private long _provinceId;
    private long _contactId;
    private long _questionId;
    private long _knowledgeId;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _journey = await Journey.OpenAsync(server, ct);
        var seed = _journey.Seed;
        var province = await seed.UnitAsync(null, "tinh", "Hội LHPN tỉnh Thử Nghiệm", ct);
        var commune = await seed.UnitAsync(province.Id, "xa", "Hội Liên hiệp Phụ nữ xã Tân Hưng Đông huyện Cái Nước", ct);
        var admin = await seed.StaffAsync("quantri.tinh", province.Id, "admin", ct);
        (_adminId, _provinceId) = (admin.Id, province.Id);
        await seed.StaffAsync("bientap.xa.tan.hung.dong", commune.Id, "editor", ct);
        await seed.ManyContactsAsync("messenger", 3, commune.Id, "union", TimeProvider.System.GetUtcNow().AddHours(-1), "psid-", ct);

        var posts = new PostStore(_journey.Database.DataSource, TimeProvider.System);
        var post = await posts.CreateAsync(new Post
        {
            OrgUnitId = commune.Id, Title = LongTitle, Body = "Mời hội viên tham gia, chi tiết tại hội trường xã.", Topic = "union",
            Audience = Audience.Of(["messenger"], [commune.Id]), CreatedBy = admin.Id,
        }, ct);
        _postId = post.Id;
        await posts.TransitionAsync(post.Id, PostStatuses.Draft, PostStatuses.Submitted, admin.Id, null, null, ct);
        await posts.TransitionAsync(post.Id, PostStatuses.Submitted, PostStatuses.Approved, admin.Id, null, null, ct);
        var sendAt = TimeProvider.System.GetUtcNow().AddDays(2);
        await posts.TransitionAsync(
            post.Id, PostStatuses.Approved, PostStatuses.Scheduled, admin.Id, null, new PostSchedule(PostSchedule.Once, sendAt, null), ct);
        _broadcastId = (await new BroadcastStore(_journey.Database.DataSource).GetOrCreateAsync(post.Id, sendAt, ct)).Id;

        var contacts = new ContactStore(_journey.Database.DataSource);
        await using (var connection = await _journey.Database.DataSource.OpenConnectionAsync(ct))
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            var at = TimeProvider.System.GetUtcNow().AddMinutes(-5);
            var contact = await contacts.UpsertAsync(tx, "webchat", "local", "thanh-vien-can-giup-do", at, ct);
            _contactId = contact.Id;
            _handoffId = (await new HandoffStore(_journey.Database.DataSource).RequestAsync(tx, contact.Id, HandoffReasons.Member, at, ct)).Handoff.Id;
            await tx.CommitAsync(ct);
            await contacts.SetOrgUnitAsync(contact.Id, commune.Id, ct);
        }

        await _journey.StartAsync(TestHost.WithoutJobServer(), ct);

        // A question the bot could not answer, for the group's page (its table of askings).
        using var http = new HttpClient { BaseAddress = _journey.Host.BaseAddress };
        var chat = new WebChatClient(http);
        await chat.PostAsync("hoi-vien-hoi-xo-so", "Cho em hỏi kết quả xổ số kiến thiết miền Bắc chiều hôm nay là bao nhiêu ạ?", cancellationToken: ct);
        await chat.WaitForRepliesAsync("hoi-vien-hoi-xo-so", 1, ct);
        await using var read = await _journey.Database.DataSource.OpenConnectionAsync(ct);
        _questionId = await Dapper.SqlMapper.ExecuteScalarAsync<long>(read, "SELECT min(id) FROM member_questions");

        // A knowledge entry with a draft edit, for the item's page (its changes table, field by field).
        using var api = await StaffApiClient.SignInAsync(_journey.Host.BaseAddress, "quantri.tinh", ct: ct);
        var content = new
        {
            entryId = "hoi-phi-xa-tan-hung-dong", topic = "membership", title = "Hội phí của Hội Liên hiệp Phụ nữ xã Tân Hưng Đông",
            questions = new[] { "hội phí một năm đóng bao nhiêu", "đóng hội phí ở đâu" },
            answer = "Hội phí mỗi hội viên đóng 12.000 đồng một năm cho chi hội trưởng, vào buổi sinh hoạt chi hội đầu quý.",
        };
        var (created, body) = await api.PostAsync("/staff/api/knowledge", new { kind = "entry", orgUnitId = commune.Id, content }, ct);
        Assert.Equal(System.Net.HttpStatusCode.Created, created);
        _knowledgeId = body.GetProperty("itemId").GetInt64();
    }

    public ValueTask DisposeAsync() => _journey.DisposeAsync();

    [Fact]
    public async Task MainPages_At390Pixels_DoNotScrollSideways()
    {
        var page = await _journey.Chromium.Context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/staff");
        await ConsoleSignIn.SubmitAsync(page, "quantri.tinh");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        var overflowing = new List<string>();
        foreach (var (name, path) in MainPages())
        {
            var response = await page.GotoAsync(path);
            Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
            await _screenshots.TakeAsync(page, name);
            var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
            if (widths[0] > widths[1])
            {
                overflowing.Add($"{path}: {widths[0]} px wide in a {widths[1]} px window, past its edge: {await PastTheEdgeAsync(page)}");
            }
        }

        Assert.True(overflowing.Count == 0, string.Join(Environment.NewLine, overflowing));

        // The calendar's titles break between words, never inside one.
        await page.GotoAsync(CalendarOfTheSending());
        var entry = page.Locator(".calendar a", new() { HasText = "Hội nghị" }).First;
        Assert.Equal("normal", await entry.EvaluateAsync<string>("a => getComputedStyle(a).wordBreak"));
        Assert.NotEqual("anywhere", await entry.EvaluateAsync<string>("a => getComputedStyle(a).overflowWrap"));
    }

    [Fact]
    public async Task PostEditor_CountsTheCharactersOfTitleAndBodyAsSheTypes()
    {
        var page = await _journey.Chromium.Context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/staff/posts/new");
        await ConsoleSignIn.SubmitAsync(page, "quantri.tinh");

        await Assertions.Expect(page.Locator("[data-counter-for=title]")).ToHaveTextAsync("0/200 ký tự");
        await page.GetByLabel("Tiêu đề").PressSequentiallyAsync("Họp chi hội");
        await Assertions.Expect(page.Locator("[data-counter-for=title]")).ToHaveTextAsync("11/200 ký tự");
        await page.GetByLabel("Nội dung").FillAsync(new string('a', 1234));
        await Assertions.Expect(page.Locator("[data-counter-for=body]")).ToHaveTextAsync("1.234/2.000 ký tự");
        await _screenshots.TakeAsync(page, "dem-ky-tu");
    }

    // The outermost elements reaching past the window's right edge, for the failure message.
    private static Task<string> PastTheEdgeAsync(IPage page) => page.EvaluateAsync<string>(
        """
        () => [...document.querySelectorAll("main *, header *")]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
            .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= window.innerWidth + 0.5)
            .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? "." + e.className : "") + " " + e.outerHTML.slice(0, 120) + " " + Math.round(e.getBoundingClientRect().right))
            .join(", ")
        """);

    // The month the seeded post is sent in, Vietnam time.
    private static string CalendarOfTheSending() =>
        "/staff/calendar?month=" + TimeProvider.System.GetUtcNow().AddDays(2).ToOffset(TimeSpan.FromHours(7))
            .ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private IEnumerable<(string Name, string Path)> MainPages() =>
    [
        ("tong-quan", "/staff"),
        ("bai-viet", "/staff/posts"),
        ("mot-bai", "/staff/posts/" + _postId),
        ("viet-bai", "/staff/posts/new"),
        ("lich-gui", CalendarOfTheSending()),
        ("dot-gui", "/staff/broadcasts/" + _broadcastId),
        ("thong-ke", "/staff/reach"),
        ("kien-thuc", "/staff/knowledge"),
        ("chua-tra-loi", "/staff/unanswered"),
        ("ho-tro", "/staff/handoffs"),
        ("mot-cuoc-ho-tro", "/staff/handoffs/" + _handoffId),
        ("don-vi", "/staff/units"),
        ("hoi-vien", "/staff/members"),
        ("trang-va-oa", "/staff/channel-accounts"),
        ("can-bo", "/staff/accounts"),
        ("cho-duyet", "/staff/approvals"),
        ("mot-can-bo", "/staff/accounts/" + _adminId),
        ("mot-don-vi", "/staff/units/" + _provinceId),
        ("mot-hoi-vien", "/staff/members/" + _contactId),
        ("thong-bao", "/staff/notices"),
        ("mot-nhom-cau-hoi", "/staff/unanswered/" + _questionId),
        ("mot-muc-kien-thuc", "/staff/knowledge/" + _knowledgeId),
    ];
}
