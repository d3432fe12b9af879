using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Handoffs;
using Outreach.Testing;

namespace Outreach.Bot.Tests.EndToEnd;

public sealed class CrisisMessageTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task MemberInScreeningDialogWritesStopAndAbuse_FirstReplyHasHotlineAndStaffAlertedWithoutText()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(_database, cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var member = new Conversation(new WebChatClient(http), _database, "member-crisis");
        await member.SayAsync("Tìm lịch khám gần tôi", "SCREENING");
        await member.SayAsync("đăng ký");
        await member.SayAsync("Sức khỏe, khám sàng lọc", "SUB:health");

        var reply = await member.SayAsync("dừng lại, chồng em đang đánh em");

        Assert.StartsWith("Gọi ngay 113", Conversation.Text(reply), StringComparison.Ordinal);
        Assert.Empty(Conversation.Payloads(reply));
        await using var connection = await _database.DataSource.OpenConnectionAsync(ct);
        var alert = await connection.QuerySingleAsync<(string Category, string Row)>(
            "SELECT category, row_to_json(a)::text FROM crisis_alerts a JOIN contacts c ON c.id = a.contact_id WHERE c.platform_user_id = 'member-crisis'");
        Assert.Equal("danger", alert.Category);
        Assert.DoesNotContain("đánh", alert.Row, StringComparison.Ordinal);
        Assert.DoesNotContain("danh", alert.Row, StringComparison.Ordinal);
        Assert.Equal(1, await member.CountAsync(
            "SELECT count(*) FROM subscriptions s JOIN contacts c ON c.id = s.contact_id WHERE c.platform_user_id = @userId AND s.topic = 'health' AND s.is_active"));
        Assert.Equal(1, await member.CountAsync(
            "SELECT count(*) FROM handoffs h JOIN contacts c ON c.id = h.contact_id WHERE c.platform_user_id = @userId AND h.reason = 'crisis' AND h.status = 'requested'"));
        Assert.Equal(0, await member.CountAsync(
            "SELECT count(*) FROM dialog_states d JOIN contacts c ON c.id = d.contact_id WHERE c.platform_user_id = @userId"));
        // The hotline replies are urgent (sent ahead of anything of hers still queued); her earlier replies are not.
        var urgent = (await connection.QueryAsync<bool>(
            "SELECT urgent FROM outbound_messages WHERE recipient_id = 'member-crisis' ORDER BY id")).ToList();
        var hotlines = urgent.AsEnumerable().Reverse().TakeWhile(u => u).Count();
        Assert.InRange(hotlines, 1, 2);
        Assert.DoesNotContain(true, urgent.SkipLast(hotlines));
        Assert.True(urgent.Count > hotlines);
    }

    [Fact]
    public async Task MemberHeldByStaffWritesCrisis_BotOtherwiseSilentButHotlineStillSent()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(_database, cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var member = new Conversation(new WebChatClient(http), _database, "member-held");
        await member.SayAsync("gặp cán bộ");
        var handoffs = host.Services.GetRequiredService<HandoffService>();
        var seed = new Seed(_database);
        var province = await seed.UnitAsync(null, "tinh", "Tỉnh", ct);
        var lan = new StaffSession(await seed.StaffAsync("lan", province.Id, "admin", ct), province);
        var open = Assert.Single((await handoffs.InboxAsync(lan, ct)).Handoffs);
        Assert.True((await handoffs.TakeAsync(lan, open.Id, ct)).IsOk);

        var silent = await member.SayAndCountRepliesAsync("vay vốn ngân hàng chính sách thế nào");
        var crisis = await member.SayAndCountRepliesAsync("cứu em, chồng em cầm dao");

        Assert.Equal(0, silent);
        Assert.Equal(1, crisis);
        var replies = await new WebChatClient(http).WaitForRepliesAsync("member-held", 2, ct);
        Assert.StartsWith("Gọi ngay 113", Conversation.Text(replies[^1]), StringComparison.Ordinal);
    }
}
