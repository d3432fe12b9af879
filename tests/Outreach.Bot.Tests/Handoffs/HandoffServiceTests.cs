using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Bot.Handoffs;
using Outreach.Bot.Tests.EndToEnd;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Handoffs;

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

        var requested = await member.SayAsync("cho mình nói chuyện với cán bộ hội được không");
        var handoff = Assert.Single(await service.ListAsync(ct));
        var taken = await service.TakeAsync(handoff.Id, "lan", ct);
        var takenByOther = await service.TakeAsync(handoff.Id, "mai", ct);
        var whileHeld = await member.SayAndCountRepliesAsync("chị ơi em muốn hỏi vay vốn");
        var otherReply = await service.ReplyAsync(handoff.Id, "mai", "Chào chị", ct);
        var reply = await service.ReplyAsync(handoff.Id, "lan", "Chào chị, em là Lan ở Hội LHPN xã.", ct);
        var staffMessage = await member.NextReplyAsync();
        var released = await service.ReleaseAsync(handoff.Id, "lan", ct);
        var releaseNotice = await member.NextReplyAsync();
        var afterRelease = await member.SayAsync("vay vốn ngân hàng chính sách thế nào");

        Assert.Contains("cán bộ", Conversation.Text(requested), StringComparison.Ordinal);
        Assert.Equal("lan", taken?.TakenBy);
        Assert.Null(takenByOther);
        Assert.Equal(0, whileHeld);
        Assert.Equal(HandoffReplyResult.NotHeldByYou, otherReply);
        Assert.Equal(HandoffReplyResult.Sent, reply);
        Assert.Equal("Chào chị, em là Lan ở Hội LHPN xã.", Conversation.Text(staffMessage));
        Assert.Equal(1, await member.CountAsync(
            "SELECT count(*) FROM outbound_messages WHERE recipient_id = @userId AND purpose = 'human_agent_reply' AND body->>'text' LIKE 'Chào chị, em là Lan%'"));
        Assert.True(released);
        Assert.Contains("kết thúc", Conversation.Text(releaseNotice), StringComparison.Ordinal);
        Assert.Contains("Tổ", Conversation.Text(afterRelease), StringComparison.Ordinal);
        Assert.Empty(await service.ListAsync(ct));
    }

    [Fact]
    public async Task ReplyAsync_MemberLastWroteEightDaysAgo_OutsideWindowNothingSent()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(_database, cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var member = new Conversation(new WebChatClient(http), _database, "member-old");
        var service = host.Services.GetRequiredService<HandoffService>();
        await member.SayAsync("gặp cán bộ");
        var handoff = Assert.Single(await service.ListAsync(ct));
        await service.TakeAsync(handoff.Id, "lan", ct);
        await using (var connection = await _database.DataSource.OpenConnectionAsync(ct))
        {
            await connection.ExecuteAsync("UPDATE contacts SET last_inbound_at = now() - interval '8 days' WHERE platform_user_id = 'member-old'");
        }

        var result = await service.ReplyAsync(handoff.Id, "lan", "Chị còn cần giúp không?", ct);

        Assert.Equal(HandoffReplyResult.OutsideWindow, result);
        Assert.Equal(0, await member.CountAsync("SELECT count(*) FROM outbound_messages WHERE recipient_id = @userId AND purpose = 'human_agent_reply'"));
    }
}
