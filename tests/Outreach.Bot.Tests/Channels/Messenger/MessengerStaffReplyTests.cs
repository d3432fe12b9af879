using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Bot.Hosting;
using Outreach.Bot.Staff;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Handoffs;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Channels.Messenger;

/// <summary>
/// A staff reply on Messenger goes as RESPONSE inside 24 hours; beyond, with HUMAN_AGENT only when Meta approved it, otherwise
/// refused with the reason in Vietnamese (issue 11, item 5).
/// </summary>
public sealed class MessengerStaffReplyTests(PostgresServer server) : MessengerGatewayTest(server)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task InsideTheWindow_StaffReplyIsAResponseWithoutTag()
    {
        await using var host = await StartGatewayAsync();
        var (service, lan, handoffId) = await HeldConversationAsync(host, "s-1");

        var result = await service.ReplyAsync(lan, handoffId, "Em là cán bộ Hội đây ạ.", Ct);
        var sent = await Emulator.WaitForSendAsync(s => s.Text == "Em là cán bộ Hội đây ạ.", Patience, Ct);

        Assert.Null(result.Refusal);
        Assert.Equal(("RESPONSE", null), (sent.MessagingType, sent.Tag));
    }

    [Fact]
    public async Task After30Hours_NotApproved_RefusedWithTheReason_NothingSent()
    {
        await using var host = await StartGatewayAsync();
        var (service, lan, handoffId) = await HeldConversationAsync(host, "s-2", lastWrote: "30 hours");

        var result = await service.ReplyAsync(lan, handoffId, "Chị còn cần giúp không?", Ct);

        Assert.Contains("HUMAN_AGENT", result.Refusal?.Reason, StringComparison.Ordinal);
        Assert.Contains("hơn 24 giờ", result.Refusal?.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Emulator.Sends, s => s.Text == "Chị còn cần giúp không?");
    }

    [Fact]
    public async Task After30Hours_Approved_SentWithHumanAgentTag()
    {
        await using var host = await StartGatewayAsync(new Dictionary<string, string?> { ["Outreach:Messenger:HumanAgentApproved"] = "true" });
        Emulator.HumanAgentApproved = true;
        var (service, lan, handoffId) = await HeldConversationAsync(host, "s-3", lastWrote: "30 hours");

        var result = await service.ReplyAsync(lan, handoffId, "Chị còn cần giúp không?", Ct);
        var sent = await Emulator.WaitForSendAsync(s => s.Text == "Chị còn cần giúp không?", Patience, Ct);

        Assert.Null(result.Refusal);
        Assert.Equal(("MESSAGE_TAG", "HUMAN_AGENT"), (sent.MessagingType, sent.Tag));
    }

    // The member wrote (and got the bot's reply); a province admin holds her conversation; she last wrote this long ago.
    private async Task<(HandoffService Service, StaffSession Lan, long HandoffId)> HeldConversationAsync(OutreachHost host, string psid, string? lastWrote = null)
    {
        await Emulator.SendWebhookAsync(WebhookOf(host), Emulator.Webhook().Message(psid, "Chào"), Ct);
        await Emulator.WaitForSendAsync(s => s.RecipientId == psid, Patience, Ct);
        var seed = new Seed(Database);
        var province = await seed.UnitAsync(null, "tinh", "Tỉnh", Ct);
        var lan = new StaffSession(await seed.StaffAsync("lan", province.Id, "admin", Ct), province);
        await using var connection = await Database.DataSource.OpenConnectionAsync(Ct);
        var handoffId = await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO handoffs (contact_id, status, reason, requested_at, taken_by, taken_at)
            SELECT id, 'active', 'member', now(), @lan, now() FROM contacts WHERE platform_user_id = @psid RETURNING id
            """,
            new { psid, lan = HandoffService.StaffId(lan) });
        if (lastWrote is not null)
        {
            await connection.ExecuteAsync(
                "UPDATE contacts SET last_inbound_at = now() - @ago::interval WHERE platform_user_id = @psid", new { psid, ago = lastWrote });
        }

        return (host.Services.GetRequiredService<HandoffService>(), lan, handoffId);
    }
}
