using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Bot.Staff;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Handoffs;
using Outreach.Bot.Tests.EndToEnd;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff;

/// <summary>The handoff service as the API and the console call it: a province's staff (members with no unit are theirs).</summary>
public sealed class HandoffServiceTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task MemberAsksForStaff_TakeReplyRelease_BotSilentWhileHeldThenAnswersAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(_database, cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var member = new Conversation(new WebChatClient(http), _database, "member-handoff");
        var service = host.Services.GetRequiredService<HandoffService>();
        var (lan, mai) = await ProvinceStaffAsync(ct);

        var requested = await member.SayAsync("cho mình nói chuyện với cán bộ hội được không");
        var handoff = Assert.Single((await service.InboxAsync(lan, ct)).Handoffs);
        var taken = await service.TakeAsync(lan, handoff.Id, ct);
        var takenByOther = await service.TakeAsync(mai, handoff.Id, ct);
        var whileHeld = await member.SayAndCountRepliesAsync("chị ơi em muốn hỏi vay vốn");
        var otherReply = await service.ReplyAsync(mai, handoff.Id, "Chào chị", ct);
        var reply = await service.ReplyAsync(lan, handoff.Id, "Chào chị, em là Lan ở Hội LHPN xã.", ct);
        var staffMessage = await member.NextReplyAsync();
        var released = await service.ReleaseAsync(lan, handoff.Id, ct);
        var releaseNotice = await member.NextReplyAsync();
        var afterRelease = await member.SayAsync("vay vốn ngân hàng chính sách thế nào");

        Assert.Contains("cán bộ", Conversation.Text(requested), StringComparison.Ordinal);
        Assert.Equal(HandoffService.StaffId(lan), taken.Value?.TakenBy);
        Assert.Equal(StaffRefusalKind.Conflict, takenByOther.Refusal?.Kind);
        Assert.Equal(0, whileHeld);
        Assert.Equal(StaffRefusalKind.Conflict, otherReply.Refusal?.Kind);
        Assert.Contains("chưa nhận hỗ trợ", otherReply.Refusal?.Reason, StringComparison.Ordinal);
        Assert.True(reply.IsOk);
        Assert.Equal("Chào chị, em là Lan ở Hội LHPN xã.", Conversation.Text(staffMessage));
        Assert.Equal(1, await member.CountAsync(
            "SELECT count(*) FROM outbound_messages WHERE recipient_id = @userId AND purpose = 'human_agent_reply' AND body->>'text' LIKE 'Chào chị, em là Lan%'"));
        Assert.True(released.IsOk);
        Assert.Contains("kết thúc", Conversation.Text(releaseNotice), StringComparison.Ordinal);
        Assert.Contains("Tổ", Conversation.Text(afterRelease), StringComparison.Ordinal);
        Assert.Empty((await service.InboxAsync(lan, ct)).Handoffs);
    }

    [Fact]
    public async Task ReplyAsync_MemberLastWroteEightDaysAgo_OutsideWindowNothingSent()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(_database, cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var member = new Conversation(new WebChatClient(http), _database, "member-old");
        var service = host.Services.GetRequiredService<HandoffService>();
        var (lan, _) = await ProvinceStaffAsync(ct);
        await member.SayAsync("gặp cán bộ");
        var handoff = Assert.Single((await service.InboxAsync(lan, ct)).Handoffs);
        await service.TakeAsync(lan, handoff.Id, ct);
        await using (var connection = await _database.DataSource.OpenConnectionAsync(ct))
        {
            await connection.ExecuteAsync("UPDATE contacts SET last_inbound_at = now() - interval '8 days' WHERE platform_user_id = 'member-old'");
        }

        var result = await service.ReplyAsync(lan, handoff.Id, "Chị còn cần giúp không?", ct);

        Assert.Equal(StaffRefusalKind.Conflict, result.Refusal?.Kind);
        Assert.Contains("hơn 7 ngày", result.Refusal?.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await member.CountAsync("SELECT count(*) FROM outbound_messages WHERE recipient_id = @userId AND purpose = 'human_agent_reply'"));
    }

    [Fact]
    public async Task ReplyAsync_EmptyOrTooLong_IsInvalidInputOnTheTextField()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(_database, cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var member = new Conversation(new WebChatClient(http), _database, "member-empty");
        var service = host.Services.GetRequiredService<HandoffService>();
        var (lan, _) = await ProvinceStaffAsync(ct);
        await member.SayAsync("gặp cán bộ");
        var handoff = Assert.Single((await service.InboxAsync(lan, ct)).Handoffs);
        await service.TakeAsync(lan, handoff.Id, ct);

        var empty = await service.ReplyAsync(lan, handoff.Id, "   ", ct);
        var tooLong = await service.ReplyAsync(lan, handoff.Id, new string('a', HandoffService.MaxReply + 1), ct);

        Assert.Equal(["text"], empty.Refusal?.Problems.Keys);
        Assert.Equal(["text"], tooLong.Refusal?.Problems.Keys);
        Assert.Contains("2.000", tooLong.Refusal?.Reason, StringComparison.Ordinal);
    }

    // Two admins of a top-level unit: they answer the members nobody else can place.
    private async Task<(StaffSession Lan, StaffSession Mai)> ProvinceStaffAsync(CancellationToken ct)
    {
        var seed = new Seed(_database);
        var province = await seed.UnitAsync(null, "tinh", "Tỉnh", ct);
        return (new StaffSession(await seed.StaffAsync("lan", province.Id, "admin", ct), province),
                new StaffSession(await seed.StaffAsync("mai", province.Id, "editor", ct), province));
    }
}
