using System.Globalization;
using Dapper;
using Outreach.Testing;

namespace Outreach.Bot.Tests.EndToEnd;

public sealed class DialogFlowTests(PostgresServer server) : IAsyncLifetime
{
    // One upcoming screening day far in the future, and one in the past (the shipped pack has none: they are local facts).
    private static readonly DateOnly ScreeningDay = new(2070, 1, 15);

    private readonly ContentPackCopy _pack = new();
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        var day = ScreeningDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        _pack.Write("screenings.yaml", $$"""
            - { date: {{day}}, place: Trạm y tế xã Tân Hưng, commune: Tân Hưng, who: "Phụ nữ 35–60 tuổi" }
            - { date: 2020-01-10, place: Đã qua - Trạm y tế xã Tân Hưng, commune: Tân Hưng }
            """);
    }

    public async ValueTask DisposeAsync()
    {
        _pack.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task GetStarted_GreetingWithTopicMenu()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var member = new Conversation(new WebChatClient(http), _database, "member-start");

        var reply = await member.SayAsync("Bắt đầu", "GET_STARTED");

        Assert.StartsWith("Chào chị", Conversation.Text(reply), StringComparison.Ordinal);
        Assert.Contains("HANDOFF", Conversation.Payloads(reply));
        Assert.Contains("ENTRY:loan-how-to-borrow", Conversation.Payloads(reply));
    }

    [Fact]
    public async Task Subscribe_ThenStop_EverythingMutedHotlineNewsIncluded_HotlineAnswerStillGiven()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var member = new Conversation(new WebChatClient(http), _database, "member-sub");

        var menu = await member.SayAsync("đăng ký");
        var subscribed = await member.SayAsync("Sức khỏe, khám sàng lọc", "SUB:health");
        var hotline = await member.SayAsync("Đường dây nóng", "UNSUB:hotline");
        var stopped = await member.SayAsync("STOP");
        var asked = await member.SayAsync("số điện thoại tổng đài hỗ trợ phụ nữ bị bạo lực");

        Assert.Contains("SUB:health", Conversation.Payloads(menu));
        Assert.Contains("SUB:hotline", Conversation.Payloads(menu));
        Assert.Contains("Sức khỏe", Conversation.Text(subscribed), StringComparison.Ordinal);
        Assert.Contains("ngừng gửi tin về: Đường dây nóng", Conversation.Text(hotline), StringComparison.Ordinal);
        Assert.Contains("dừng gửi tin", Conversation.Text(stopped), StringComparison.Ordinal);
        Assert.Contains("kể cả tin về đường dây nóng", Conversation.Text(stopped), StringComparison.Ordinal);
        Assert.Equal(["SUBSCRIBE"], Conversation.Payloads(stopped));
        Assert.Contains("1900 969 680", Conversation.Text(asked), StringComparison.Ordinal);
        Assert.Equal(0, await member.CountAsync(
            "SELECT count(*) FROM subscriptions s JOIN contacts c ON c.id = s.contact_id WHERE c.platform_user_id = @userId AND s.is_active"));
        Assert.Equal(1, await member.CountAsync(
            """
            SELECT count(*) FROM subscriptions s JOIN contacts c ON c.id = s.contact_id
            WHERE c.platform_user_id = @userId AND s.topic = 'hotline' AND s.opted_out_at IS NOT NULL
            """));
    }

    [Fact]
    public async Task SubscribeMenu_LabelTypedInsteadOfTapped_ActsAsTheTap_OnlyWhileTheMenuIsTheLastThingAsked()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var member = new Conversation(new WebChatClient(http), _database, "member-typed-labels");
        const string active = "SELECT count(*) FROM subscriptions s JOIN contacts c ON c.id = s.contact_id WHERE c.platform_user_id = @userId AND s.is_active";
        var topics = await member.CountAsync("SELECT count(*) FROM topics");

        await member.SayAsync("đăng ký");
        var union = await member.SayAsync("hoat dong hoi");
        var unionTopics = await member.CountAsync(active + " AND s.topic = 'union'");
        var afterMenu = await member.SayAsync("Nhận tất cả");
        var notAll = await member.CountAsync(active + " AND s.topic = 'loan'");
        await member.SayAsync("đăng ký");
        var all = await member.SayAsync("nhan tat ca");
        var allTopics = await member.CountAsync(active);
        await member.SayAsync("đăng ký");
        var typo = await member.SayAsync("suc khoe kham sag loc");
        await member.SayAsync("đăng ký");
        var stopped = await member.SayAsync("dung tat ca");

        Assert.Contains("đã đăng ký nhận tin: Hoạt động Hội", Conversation.Text(union), StringComparison.Ordinal);
        Assert.Equal(1, unionTopics);
        Assert.DoesNotContain("đã đăng ký nhận tin", Conversation.Text(afterMenu), StringComparison.Ordinal);
        Assert.Equal(0, notAll);
        Assert.Contains("đã đăng ký nhận tin: ", Conversation.Text(all), StringComparison.Ordinal);
        Assert.DoesNotContain("dừng gửi tin", Conversation.Text(all), StringComparison.Ordinal);
        Assert.Equal(topics, allTopics);
        Assert.Contains("đã đăng ký nhận tin: Sức khỏe, khám sàng lọc", Conversation.Text(typo), StringComparison.Ordinal);
        Assert.Contains("dừng gửi tin", Conversation.Text(stopped), StringComparison.Ordinal);
        Assert.Equal(0, await member.CountAsync(active));
    }

    [Fact]
    public async Task ScreeningLookup_ByCommuneAndMonth_ListsUpcomingDays()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var member = new Conversation(new WebChatClient(http), _database, "member-screen");
        var day = ScreeningDay.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

        var answer = await member.SayAsync("lịch khám sàng lọc ung thư vú miễn phí");
        var ask = await member.SayAsync("Tìm lịch khám gần tôi", "SCREENING");
        var found = await member.SayAsync($"tan hung thang {ScreeningDay.Month}");
        var again = await member.SayAsync("Tìm lịch khám gần tôi", "SCREENING");
        var none = await member.SayAsync("Phú Mỹ");
        await member.SayAsync("Tìm lịch khám gần tôi", "SCREENING");
        var question = await member.SayAsync("mà cho em hỏi vay vốn ngân hàng chính sách xã hội thì làm thế nào ạ");

        Assert.Contains("SCREENING", Conversation.Payloads(answer));
        Assert.Contains("xã, phường nào", Conversation.Text(ask), StringComparison.Ordinal);
        Assert.Contains(day, Conversation.Text(found), StringComparison.Ordinal);
        Assert.DoesNotContain("Đã qua", Conversation.Text(found), StringComparison.Ordinal);
        Assert.Contains("xã, phường nào", Conversation.Text(again), StringComparison.Ordinal);
        Assert.Contains("chưa có lịch", Conversation.Text(none), StringComparison.Ordinal);
        Assert.Contains("Tổ TK&VV", Conversation.Text(question), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberOfAProvince_GetsItsOwnEntryAndTrustedAddressNearHer()
    {
        _pack.Write("provinces/tinh-a/faq/dues.yaml", """
            - { id: membership-dues, topic: membership, title: Hội phí, questions: [hội phí đóng bao nhiêu], answer: "Hội phí ở tỉnh A do chi hội thu mỗi quý." }
            """);
        _pack.Write("provinces/tinh-a/addresses.yaml", """
            - { name: Nhà bà Hoa, commune: Tân Hưng, address: Thôn 5, phone: "0900 000 001", org_unit: xa-tan-hung }
            - { name: Nhà ông Ba, commune: Phú Mỹ, org_unit: xa-phu-my }
            """);
        await using var host = await StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var member = new Conversation(new WebChatClient(http), _database, "member-province");
        var national = await member.SayAsync("hội phí đóng bao nhiêu");
        await using (var connection = await _database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken))
        {
            await connection.ExecuteAsync("""
                WITH p AS (INSERT INTO org_units (level, code, name) VALUES ('tinh', 'tinh-a', 'Tỉnh A') RETURNING id),
                     x AS (INSERT INTO org_units (parent_id, level, code, name) SELECT id, 'xa', 'xa-tan-hung', 'Xã Tân Hưng' FROM p RETURNING id)
                UPDATE contacts SET org_unit_id = (SELECT id FROM x) WHERE platform_user_id = 'member-province'
                """);
        }

        var own = await member.SayAsync("hội phí đóng bao nhiêu");
        var crisis = await member.SayAsync("chồng em hay đánh em");

        Assert.DoesNotContain("mỗi quý", Conversation.Text(national), StringComparison.Ordinal);
        Assert.Equal("Hội phí ở tỉnh A do chi hội thu mỗi quý.", Conversation.Text(own));
        Assert.Contains("Nhà bà Hoa, Thôn 5, 0900 000 001", Conversation.Text(crisis), StringComparison.Ordinal);
        Assert.DoesNotContain("Nhà ông Ba", Conversation.Text(crisis), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PackFileChanges_NewAnswerWithoutRestart()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var chat = new WebChatClient(http);
        var before = await new Conversation(chat, _database, "member-reload-0").SayAsync("lịch sinh hoạt câu lạc bộ dưỡng sinh");

        await File.WriteAllTextAsync(Path.Combine(_pack.Path, "faq", "local.yaml"), """
            - id: local-club
              topic: union
              title: CLB dưỡng sinh
              questions: [lịch sinh hoạt câu lạc bộ dưỡng sinh]
              answer: CLB dưỡng sinh sinh hoạt sáng thứ Bảy tại nhà văn hóa thôn.
            """, ct);
        var after = await PollAsync(async attempt =>
            Conversation.Text(await new Conversation(chat, _database, $"member-reload-{attempt}").SayAsync("lịch sinh hoạt câu lạc bộ dưỡng sinh")));

        Assert.DoesNotContain("thứ Bảy", Conversation.Text(before), StringComparison.Ordinal);
        Assert.Contains("thứ Bảy", after, StringComparison.Ordinal);
    }

    private Task<Outreach.Bot.Hosting.OutreachHost> StartAsync() =>
        TestHost.StartAsync(
            _database,
            new Dictionary<string, string?> { ["Outreach:Knowledge:PackDirectory"] = _pack.Path, ["Outreach:Knowledge:ReloadIntervalSeconds"] = "1" },
            cancellationToken: TestContext.Current.CancellationToken);

    private static async Task<string> PollAsync(Func<int, Task<string>> ask)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        for (var attempt = 1; ; attempt++)
        {
            var text = await ask(attempt);
            if (text.Contains("thứ Bảy", StringComparison.Ordinal))
            {
                return text;
            }

            await Task.Delay(200, timeout.Token);
        }
    }
}
