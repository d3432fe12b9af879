using System.Text.Json.Nodes;
using Outreach.Bot.Channels.Messenger;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Channels.Messenger;

/// <summary>
/// A person answering in Meta Business Suite (Page Inbox echoes, thread control) silences the bot for that member until the
/// thread comes back or the quiet time passes; messages on standby still open her 24-hour window (issue 11, items 3 and 4).
/// </summary>
public sealed class MessengerHumanTakeoverTests(PostgresServer server) : MessengerGatewayTest(server)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task StaffTypesInPageInbox_BotSilentForHer_UntilTheQuietTimePasses()
    {
        await using var host = await StartGatewayAsync(new Dictionary<string, string?> { ["Outreach:Handoffs:HumanQuietMinutes"] = "30" });
        Emulator.UserInteracted("h-1");
        Emulator.UserInteracted("h-2");

        await Emulator.SendWebhookAsync(WebhookOf(host), Emulator.Webhook().Echo("h-1", "Em là cán bộ Hội, chị cần gì ạ?", appId: 263902037430900), Ct);
        await WaitUntilInboxSettledAsync();
        await Emulator.SendWebhookAsync(WebhookOf(host), Emulator.Webhook().Message("h-1", "Em cần hỏi vay vốn").Message("h-2", "Chào"), Ct);
        await Emulator.WaitForSendAsync(s => s.RecipientId == "h-2", Patience, Ct);
        await WaitUntilInboxSettledAsync();

        Assert.DoesNotContain(Emulator.Sends, s => s.RecipientId == "h-1");
        Assert.Equal("active/platform/platform", await ScalarAsync<string>("SELECT status || '/' || reason || '/' || taken_by FROM handoffs"));

        Clock.Advance(TimeSpan.FromMinutes(31));
        await Emulator.SendWebhookAsync(WebhookOf(host), Emulator.Webhook().Message("h-1", "Chị còn đó không?"), Ct);
        var reply = await Emulator.WaitForSendAsync(s => s.RecipientId == "h-1", Patience, Ct);

        Assert.True(reply.Accepted);
        Assert.Equal("closed", await ScalarAsync<string>("SELECT status FROM handoffs"));
    }

    [Fact]
    public async Task ThreadTakenByPageInbox_BotSilent_ThreadPassedBack_BotAnswers()
    {
        await using var host = await StartGatewayAsync();
        Emulator.UserInteracted("h-3");
        var taken = new JsonObject { ["previous_owner_app_id"] = "1929931607227568", ["new_owner_app_id"] = "263902037430900" };
        var passed = new JsonObject { ["previous_owner_app_id"] = "263902037430900", ["new_owner_app_id"] = "1929931607227568" };

        await Emulator.SendWebhookAsync(WebhookOf(host), Emulator.Webhook().Custom("h-3", "take_thread_control", taken), Ct);
        await WaitUntilInboxSettledAsync();
        await Emulator.SendWebhookAsync(WebhookOf(host), Emulator.Webhook().Message("h-3", "Alo"), Ct);
        await WaitUntilInboxSettledAsync();
        Assert.Empty(Emulator.Sends);

        await Emulator.SendWebhookAsync(WebhookOf(host), Emulator.Webhook().Custom("h-3", "pass_thread_control", passed).Message("h-3", "Alo alo"), Ct);
        var reply = await Emulator.WaitForSendAsync(s => s.RecipientId == "h-3", Patience, Ct);

        Assert.True(reply.Accepted);
        Assert.Equal("closed", await ScalarAsync<string>("SELECT status FROM handoffs"));
    }

    [Fact]
    public async Task OurOwnEcho_DoesNotSilenceTheBot()
    {
        await using var host = await StartGatewayAsync(new Dictionary<string, string?> { ["Outreach:Messenger:AppId"] = "1929931607227568" });
        Emulator.UserInteracted("h-4");

        await Emulator.SendWebhookAsync(WebhookOf(host), Emulator.Webhook().Echo("h-4", "Tin của bot", appId: 1929931607227568), Ct);
        await WaitUntilInboxSettledAsync();
        await Emulator.SendWebhookAsync(WebhookOf(host), Emulator.Webhook().Message("h-4", "Chào"), Ct);

        Assert.True((await Emulator.WaitForSendAsync(s => s.RecipientId == "h-4", Patience, Ct)).Accepted);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM handoffs"));
    }

    [Fact]
    public async Task MessageOnStandby_MovesHerLastInteraction_BotDoesNotAnswer()
    {
        await using var host = await StartGatewayAsync();
        var at = Clock.GetUtcNow().AddMinutes(-5);
        var webhook = Emulator.Webhook().NextEntry(standby: true).Message("h-5", "Chị nhắn khi cán bộ đang giữ", timestamp: at.ToUnixTimeMilliseconds());

        await Emulator.SendWebhookAsync(WebhookOf(host), webhook, Ct);
        await WaitUntilInboxSettledAsync();

        Assert.Equal(at.ToUnixTimeMilliseconds(), await ScalarAsync<long>(
            "SELECT (extract(epoch FROM last_inbound_at) * 1000)::bigint FROM contacts WHERE platform_user_id = 'h-5'"));
        Assert.Empty(Emulator.Sends);
    }
}
