using Microsoft.Playwright;
using Outreach.Bot.Hosting;
using Outreach.Testing;

namespace Outreach.EndToEnd;

/// <summary>
/// Two members ask the real bot (web chat) the same off-topic question, one with accents and one without; one of them also
/// gets an answer and says it is wrong. A province editor, in chromium at a phone's width, finds both in "Câu hỏi chưa trả
/// lời được" (the first as one group of two), opens the group, hands the member to a person and lands on her conversation,
/// then sees the week's answer rate on the reach dashboard. Screenshots in TestResults/screenshots/staff-reviews-unanswered/.
/// </summary>
public sealed class StaffReviewsUnansweredTests(PostgresServer server) : IAsyncLifetime
{
    private readonly Screenshots _screenshots = new("staff-reviews-unanswered");
    private Journey _journey = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _journey = await Journey.OpenAsync(server, ct);
        var seed = _journey.Seed;
        var province = await seed.Units.CreateAsync(null, "tinh", "Hội LHPN tỉnh Lai Châu", "lai-chau", ct);
        await seed.StaffAsync("bientap.tinh", province.Id, "editor", ct);
        await _journey.StartAsync(TestHost.WithoutJobServer(), ct);
    }

    public ValueTask DisposeAsync() => _journey.DisposeAsync();

    [Fact]
    public async Task EditorFindsTheGroupHandsTheMemberToAPersonAndSeesTheAnswerRate()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = new HttpClient { BaseAddress = _journey.Host.BaseAddress };
        var chat = new WebChatClient(http);
        await AskAsync(chat, "member-a", "Kết quả xổ số miền Bắc hôm nay?", 1, ct);
        await AskAsync(chat, "member-b", "ket qua xo so mien bac hom nay", 1, ct);
        var answer = (await AskAsync(chat, "member-b", "số điện thoại tổng đài hỗ trợ phụ nữ bị bạo lực", 2, ct))[^1];
        var wrong = answer.GetProperty("quickReplies").EnumerateArray().Single(q => q.GetProperty("title").GetString() == "Chưa đúng");
        await chat.PostAsync("member-b", "Chưa đúng", wrong.GetProperty("payload").GetString(), cancellationToken: ct);
        await chat.WaitForRepliesAsync("member-b", 3, ct);

        var page = await _journey.Chromium.Context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/staff");
        await ConsoleSignIn.SubmitAsync(page, "bientap.tinh");
        await page.GetByRole(AriaRole.Link, new() { Name = "Câu hỏi chưa trả lời được" }).First.ClickAsync();

        var groups = page.Locator("[data-unanswered] tbody tr");
        await Assertions.Expect(groups).ToHaveCountAsync(2);
        await Assertions.Expect(groups.Nth(0)).ToContainTextAsync("số điện thoại tổng đài");
        await Assertions.Expect(groups.Nth(0)).ToContainTextAsync("Hội viên báo trả lời chưa đúng");
        await Assertions.Expect(page.Locator("[data-group][data-count='2']")).ToContainTextAsync("ket qua xo so mien bac hom nay");
        await _screenshots.TakeAsync(page, "hang-cho");

        await page.Locator("[data-group][data-count='2'] a").ClickAsync();
        await Assertions.Expect(page.Locator("[data-questions] tbody tr")).ToHaveCountAsync(2);
        await _screenshots.TakeAsync(page, "nhom-cau-hoi");
        await page.Locator("[data-questions] tbody tr").Nth(0).GetByRole(AriaRole.Button, new() { Name = "Chuyển cho cán bộ" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-handoff-actions]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("ket qua xo so mien bac hom nay");
        await _screenshots.TakeAsync(page, "chuyen-can-bo");

        await page.GotoAsync("/staff/reach");
        await Assertions.Expect(page.Locator("[data-answer-rate] tbody tr").Last.Locator("[data-asked]")).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("[data-answer-rate] tbody tr").Last.Locator("[data-rate]")).ToHaveTextAsync("0%");
        await _screenshots.TakeAsync(page, "ty-le-tra-loi");
    }

    private static async Task<IReadOnlyList<System.Text.Json.JsonElement>> AskAsync(
        WebChatClient chat, string member, string text, int replies, CancellationToken ct)
    {
        await chat.PostAsync(member, text, cancellationToken: ct);
        return await chat.WaitForRepliesAsync(member, replies, ct);
    }
}
