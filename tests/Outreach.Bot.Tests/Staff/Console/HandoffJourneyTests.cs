using System.Net;
using Outreach.Emulators.Messenger;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Staff.Console;

/// <summary>
/// A member on Messenger asks for a staff member; an editor of her commune answers her from the console: everything over
/// loopback (signed webhooks from the emulator, the console by real HTTP, the Send API at the emulator).
/// </summary>
public sealed class HandoffJourneyTests(PostgresServer server) : IAsyncLifetime
{
    private const string Psid = "8100000000000001";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private MessengerEmulator _messenger = null!;
    private ConsoleWorld _world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _messenger = await MessengerEmulator.StartAsync(new MessengerEmulatorOptions(), Ct);
        _world = await ConsoleWorld.StartAsync(server, _messenger.GatewaySettings());
        await new Seed(_world.Database).ContactAsync("messenger", Psid, _world.CommuneA.Id, null, TimeProvider.System.GetUtcNow(), [], ct: Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _world.DisposeAsync();
        await _messenger.DisposeAsync();
    }

    [Fact]
    public async Task MemberAsksForStaff_EditorTakesRepliesReleases_ReplyTaggedHumanAgentAndBotAnswersAgain()
    {
        var asked = await SayAsync("gặp cán bộ", expectReplies: 1);
        var handoffId = await _world.ScalarAsync<long>(
            "SELECT h.id FROM handoffs h JOIN contacts c ON c.id = h.contact_id WHERE c.platform_user_id = @Psid", new { Psid });
        var member = new SeededHandoff(0, handoffId, null);
        using var editor = await _world.SignInAsync("bientap.a");
        var queue = await editor.GetAsync("/staff/handoffs");

        var take = await editor.PostFormAsync(member.Action("take"));
        await SayAsync("chị ơi em cần giúp", expectReplies: 1);
        var repliesWhileHeld = await _world.ScalarAsync<int>("SELECT count(*)::int FROM outbound_messages WHERE recipient_id = @Psid", new { Psid });
        var conversation = await editor.GetAsync(member.Page);
        var reply = await editor.PostFormAsync(member.Action("reply"), ("Text", "  Chào chị, em là Lan ở Hội LHPN xã An Bình.\n"));
        var staffMessage = await _messenger.WaitForSendAsync(s => s.RecipientId == Psid && s.Text?.StartsWith("Chào chị, em là Lan", StringComparison.Ordinal) == true, Patience, Ct);
        var withReply = await editor.GetAsync(member.Page + "?notice=replied");
        var release = await editor.PostFormAsync(member.Action("release"));
        var notice = await _messenger.WaitForSendAsync(s => s.RecipientId == Psid && s.Text?.Contains("kết thúc", StringComparison.Ordinal) == true, Patience, Ct);
        var answered = await SayAsync("vay vốn ngân hàng chính sách thế nào", expectReplies: 4);
        var after = await editor.GetAsync("/staff/handoffs");

        Assert.Contains("cán bộ", asked.Text, StringComparison.Ordinal);
        Assert.Contains(member.Row, queue.Html, StringComparison.Ordinal);
        Assert.Contains("data-handoffs-waiting=\"1\"", queue.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, take.Status);
        Assert.Equal(1, repliesWhileHeld);
        Assert.Contains("gặp cán bộ", conversation.Text, StringComparison.Ordinal);
        Assert.Contains("chị ơi em cần giúp", conversation.Text, StringComparison.Ordinal);
        Assert.Contains(asked.Text!.Split('\n')[0], conversation.Text, StringComparison.Ordinal);
        Assert.Contains("bạn đang hỗ trợ", conversation.Text, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Redirect, member.Page + "?notice=replied"), (reply.Status, reply.Location));
        Assert.True(staffMessage.Accepted);
        Assert.Equal("Chào chị, em là Lan ở Hội LHPN xã An Bình.", staffMessage.Text);
        Assert.Contains("data-speaker=\"Staff\"", withReply.Html, StringComparison.Ordinal);
        Assert.Contains("Đã ghi trả lời, đang chờ gửi tới hội viên", withReply.Text, StringComparison.Ordinal);
        // She wrote minutes ago: a staff reply inside the 24-hour window is an ordinary response (HUMAN_AGENT only beyond it).
        Assert.Equal(("RESPONSE", null), (staffMessage.MessagingType, staffMessage.Tag));
        Assert.Equal((HttpStatusCode.Redirect, "/staff/handoffs?notice=released"), (release.Status, release.Location));
        Assert.True(notice.Accepted);
        Assert.NotEqual(notice.Text, answered.Text);
        Assert.DoesNotContain(member.Row, after.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-handoffs-waiting", after.Html, StringComparison.Ordinal);
        Assert.Equal("closed", await _world.StatusAsync(handoffId));
    }

    // Posts a signed message and waits until her turn ran and the Send API has been called `expectReplies` times for her in all.
    private async Task<MessengerSend> SayAsync(string text, int expectReplies)
    {
        await _messenger.SendWebhookAsync(new Uri(_world.Host.BaseAddress, "/webhooks/facebook"), _messenger.Webhook().Message(Psid, text), Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Patience);
        while (await _world.ScalarAsync<int>(
                   "SELECT count(*)::int FROM inbox_events WHERE sender_id = @Psid AND status IN ('pending', 'processing')", new { Psid }) > 0
               || _messenger.Sends.Count(s => s.RecipientId == Psid) < expectReplies)
        {
            await Task.Delay(50, timeout.Token);
        }

        return _messenger.Sends.Last(s => s.RecipientId == Psid);
    }
}
